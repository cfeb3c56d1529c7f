import { useMemo } from 'react';
import { tableRows } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../queries/fiche-qpv-queries.ts';
import { buildComparisonModel, type ComparisonModel } from '../view-models/comparison-model.ts';
import type { IdentitySqlRow } from '../view-models/fiche-model.ts';
import type { IndicatorSqlRow } from '../view-models/indicator-view.ts';

const TABLES = ['qpv', 'territoires', 'indicateurs', 'indicateurs_meta'] as const;

/** Runs the comparison's two queries (one for all its QPV) and builds its view model. */
export function useComparisonModel(codes: readonly string[]): { model: ComparisonModel | null; error: string | null } {
  const sql = codes.length > 0;
  const identity = useSql(sql ? buildQpvIdentityQuery(codes) : null, (t) => tableRows(t) as unknown as IdentitySqlRow[], TABLES);
  const indicators = useSql(sql ? buildQpvIndicatorsQuery(codes) : null, (t) => tableRows(t) as unknown as IndicatorSqlRow[], TABLES);
  return useMemo(() => {
    const error = identity.error ?? indicators.error;
    // While a changed list is queried, the previous answer (same QPV, maybe fewer) stays on
    // screen in the new order: the table is not unmounted, so focus and scroll stay put.
    if (identity.data === null || indicators.data === null) return { model: null, error };
    return { model: buildComparisonModel({ identity: identity.data, indicators: indicators.data }, codes), error };
  }, [identity, indicators, codes]);
}
