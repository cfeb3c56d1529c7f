import { useMemo, useRef, useState } from 'react';
import { rowsOf, tableRows } from '../../domain/connector.ts';
import { activeCategories, activeRanges, type Filters, GPU_RANGES, NO_FILTERS } from '../../domain/cross-filter.ts';
import { type Bins, binsOf, computeCrossFilter, type CrossFilterCounts, type FactsShape, factsOfRows, type MatchSort, type QpvFacts, sortMatches } from '../../domain/cross-filter-compute.ts';
import { CROSS_FILTER_TABLES } from '../../db/derived-tables.ts';
import type { RiskWeights } from '../../domain/risk-index.ts';
import { useSql } from '../../db/use-sql.ts';
import { DIMENSIONS } from '../../queries/cross-filter-dimensions.ts';
import { buildQpvFactsQuery, buildTerritoryOptionsQuery, dimensionTables, type TerritoryOption } from '../../queries/cross-filter-queries.ts';

export interface CrossFilterResult {
  /** The dimensions of `facts`, by position (those of the previous query while the next loads). */
  shape: FactsShape | null;
  /** Every QPV's facts for the current dimensions, indicator, territory and text; null until loaded. */
  facts: QpvFacts[] | null;
  /** Bins of each range dimension, over every QPV whatever the filters. */
  bins: Bins[] | null;
  /** Counts under the current filters. */
  counts: CrossFilterCounts | null;
  /** QPV passing every filter but the scatter plot's two ranges: the same set while its content is the same (the plot repaints only on a change). */
  scatterPass: ReadonlySet<string> | null;
  /** The same counts without any filter but the territory and the text (the charts' backgrounds). */
  totals: CrossFilterCounts | null;
  /** QPV passing every filter; null until loaded. */
  total: number | null;
  matches: QpvFacts[];
  territories: TerritoryOption[];
  sort: MatchSort;
  setSort(sort: MatchSort): void;
  /** Every view shows the result of the current filters. */
  settled: boolean;
  error: string | null;
}

const TERRITORIES = buildTerritoryOptionsQuery();

/**
 * The cross-filter: DuckDB gives the facts of every QPV for the dimensions in use (again when
 * they, the indicator, the territory or the text change, and the weights); brushes and bars
 * are applied to them in memory, so that a brush move reshapes charts, table and map within
 * the frame.
 */
export function useCrossFilter(indicator: string, weights: RiskWeights, filters: Filters): CrossFilterResult {
  const [sort, setSort] = useState<MatchSort>({ column: 'valeur', descending: true });
  // The dimensions in use, as strings: the shape changes only when they do, not on a brush move.
  const rangeIds = activeRanges(filters, DIMENSIONS).join(',');
  const categoryIds = activeCategories(filters, DIMENSIONS).join(',');
  const shape = useMemo<FactsShape>(() => ({ ranges: rangeIds === '' ? [] : rangeIds.split(','), categories: categoryIds === '' ? [] : categoryIds.split(',') }), [rangeIds, categoryIds]);
  // Built again only when what it reads changes, not on each brush move.
  const factsSql = useMemo(() => buildQpvFactsQuery(shape, { indicator, weights }, filters.territoire, filters.texte), [shape, indicator, weights, filters.territoire, filters.texte]);
  // Actions imported in this browser count too: the facts are queried again after an import (`cf_qpv_actions` follows them).
  const facts = useSql(factsSql, (t) => ({ shape, facts: factsOfRows(tableRows(t), shape) }), [...CROSS_FILTER_TABLES, ...dimensionTables([...shape.ranges, ...shape.categories])]);
  const territories = useSql(TERRITORIES, rowsOf<TerritoryOption>(), CROSS_FILTER_TABLES);
  const data = facts.data;
  // Axes over every QPV, whatever the filters: a histogram does not rescale under a brush.
  const bins = useMemo(() => (data ? binsOf(data.facts, data.shape, DIMENSIONS) : null), [data]);
  const totals = useMemo(() => (data && bins ? computeCrossFilter(data.facts, data.shape, NO_FILTERS, bins) : null), [data, bins]);
  const counts = useMemo(() => (data && bins ? computeCrossFilter(data.facts, data.shape, filters, bins, { gpuRanges: Math.min(GPU_RANGES, data.shape.ranges.length), scatter: filters.charts.nuage }) : null), [data, bins, filters]);
  const lastScatterPass = useRef<ReadonlySet<string> | null>(null);
  const scatterPass = counts?.scatterPass ?? null;
  if (scatterPass === null || lastScatterPass.current === null || !sameSet(scatterPass, lastScatterPass.current)) lastScatterPass.current = scatterPass;
  const matches = useMemo(() => (counts && data ? sortMatches(counts.matches, data.shape, sort) : []), [counts, data, sort]);

  return {
    shape: data?.shape ?? null,
    facts: data?.facts ?? null,
    bins,
    counts,
    scatterPass: lastScatterPass.current,
    totals,
    total: counts?.matches.length ?? null,
    matches,
    territories: territories.data ?? [],
    sort,
    setSort,
    settled: facts.status === 'ready' && facts.sql === factsSql,
    error: facts.error ?? territories.error,
  };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((v) => b.has(v));
