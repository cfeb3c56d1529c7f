import { useMemo } from 'react';
import { rowsOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildQpvIdentityQuery, buildQpvIndicatorsQuery, buildQpvRiskIndicatorQuery } from '../queries/fiche-qpv-queries.ts';
import { buildLoadedCoverageQuery } from '../queries/loaded-coverage-query.ts';
import type { CoverageSqlRow } from '../domain/loaded-coverage.ts';
import { RISK_TABLES } from '../queries/risk-indicator-queries.ts';
import { useAppStore } from '../state/store.ts';
import { buildComparisonModel, type ComparisonModel } from '../view-models/comparison-model.ts';
import type { IdentitySqlRow } from '../view-models/fiche-model.ts';
import type { IndicatorSqlRow } from '../view-models/indicator-view.ts';

const TABLES = ['qpv', 'territoires', 'indicateurs', 'indicateurs_meta'] as const;
const COVERAGE_SQL = buildLoadedCoverageQuery();

/**
 * Runs the comparison's queries (each one for all its QPV) and builds its view model: the
 * published indicators and, first, the décrochage risk index under the user's weights, as
 * the map and the fiche show it.
 */
export function useComparisonModel(codes: readonly string[]): { model: ComparisonModel | null; error: string | null } {
  const weights = useAppStore((s) => s.riskWeights);
  const sql = codes.length > 0;
  const identity = useSql(sql ? buildQpvIdentityQuery(codes) : null, rowsOf<IdentitySqlRow>(), TABLES);
  const indicators = useSql(sql ? buildQpvIndicatorsQuery(codes) : null, rowsOf<IndicatorSqlRow>(), TABLES);
  const risk = useSql(sql ? buildQpvRiskIndicatorQuery(codes, weights) : null, rowsOf<IndicatorSqlRow>(), RISK_TABLES);
  const coverage = useSql(COVERAGE_SQL, rowsOf<CoverageSqlRow>(), TABLES);
  return useMemo(() => {
    const error = identity.error ?? indicators.error ?? risk.error ?? coverage.error;
    // While a changed list is queried, the previous answer (same QPV, maybe fewer) stays on
    // screen in the new order: the table is not unmounted, so focus and scroll stay put.
    if (identity.data === null || indicators.data === null || risk.data === null || coverage.data === null) return { model: null, error };
    return { model: buildComparisonModel({ identity: identity.data, indicators: [...risk.data, ...indicators.data], coverage: coverage.data }, codes), error };
  }, [identity, indicators, risk, coverage, codes]);
}
