import { useMemo, useState } from 'react';
import { tableRows } from '../../domain/connector.ts';
import { type CategoryDimension, type Filters, NO_FILTERS } from '../../domain/cross-filter.ts';
import { binsOf, computeCrossFilter, type CrossFilterCounts, type HistogramCounts, type MatchSort, type QpvFacts, sortMatches } from '../../domain/cross-filter-compute.ts';
import { CROSS_FILTER_TABLES } from '../../db/derived-tables.ts';
import type { RiskWeights } from '../../domain/risk-index.ts';
import { useSql } from '../../db/use-sql.ts';
import { buildQpvFactsQuery, buildTerritoryOptionsQuery, type TerritoryOption } from '../../queries/cross-filter-queries.ts';

export interface CrossFilterResult {
  /** Every QPV's facts for the current indicator, territory and text; null until loaded. */
  facts: QpvFacts[] | null;
  valeur: HistogramCounts | null;
  distance: HistogramCounts | null;
  categories: Record<CategoryDimension, Map<string, number>> | null;
  /** The same counts without any filter but the territory and the text (the charts' backgrounds). */
  totals: CrossFilterCounts | null;
  /** QPV passing every filter; null until loaded. */
  total: number | null;
  matches: QpvFacts[];
  /** QPV passing every filter but the two brushed ranges. */
  rangeless: Set<string> | null;
  territories: TerritoryOption[];
  sort: MatchSort;
  setSort(sort: MatchSort): void;
  /** Every view shows the result of the current filters. */
  settled: boolean;
  error: string | null;
}

const TERRITORIES = buildTerritoryOptionsQuery();

/**
 * The cross-filter: DuckDB gives the facts of every QPV (again when the indicator, the
 * territory or the text change, and the weights while the risk index is the indicator);
 * brushes and bars are applied to them in memory, so that a brush move reshapes charts,
 * table and map within the frame.
 */
export function useCrossFilter(indicator: string, riskWeights: RiskWeights, filters: Filters): CrossFilterResult {
  const [sort, setSort] = useState<MatchSort>({ column: 'valeur', descending: true });
  // Actions imported in this browser count too: the facts are queried again after an import (`cf_qpv_actions` follows them).
  const factsSql = buildQpvFactsQuery(indicator, riskWeights, filters.territoire, filters.texte);
  const ready = CROSS_FILTER_TABLES;
  const facts = useSql(factsSql, (t) => tableRows(t) as unknown as QpvFacts[], ready);
  const territories = useSql(TERRITORIES, (t) => tableRows(t) as unknown as TerritoryOption[], ready);
  // Axes over every QPV, whatever the filters: a histogram does not rescale under a brush.
  const bins = useMemo(() => (facts.data ? binsOf(facts.data) : null), [facts.data]);
  const totals = useMemo(() => (facts.data && bins ? computeCrossFilter(facts.data, NO_FILTERS, bins) : null), [facts.data, bins]);
  const counts = useMemo(() => (facts.data && bins ? computeCrossFilter(facts.data, filters, bins) : null), [facts.data, bins, filters]);
  const matches = useMemo(() => (counts ? sortMatches(counts.matches, sort) : []), [counts, sort]);

  return {
    facts: facts.data,
    valeur: counts?.valeur ?? null,
    distance: counts?.distance ?? null,
    categories: counts?.categories ?? null,
    totals,
    total: counts?.matches.length ?? null,
    matches,
    rangeless: counts?.rangeless ?? null,
    territories: territories.data ?? [],
    sort,
    setSort,
    settled: facts.status === 'ready' && facts.sql === factsSql,
    error: facts.error ?? territories.error,
  };
}
