import type { Table } from 'apache-arrow';
import { useMemo } from 'react';
import { rowsOf, tableRows } from '../domain/connector.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { useSql } from '../db/use-sql.ts';
import { buildParcoursMatrixQuery, buildUnplacedInMatrixQuery } from '../queries/parcours-matrix-query.ts';
import {
  buildTerritoryActionBreakdownQuery,
  buildTerritoryActionsQuery,
  buildTerritoryEtablissementsQuery,
  buildTerritoryIdentityQuery,
  buildTerritoryLieuxQuery,
  buildTerritoryPreQuery,
  buildTerritoryQpvQuery,
} from '../queries/territory-queries.ts';
import type { MatrixSqlRow } from '../view-models/parcours-matrix-model.ts';

/** Tables the territory view reads, with the actions published and imported here. */
export const TERRITORY_NEEDS = ['territoires', 'qpv', 'indicateurs', 'indicateurs_meta', 'etablissements', 'pre', 'lieux', 'cites', 'actions', 'actions_toutes'] as const;

export type Row = Record<string, unknown>;
const rows = (t: Table) => tableRows(t);

/**
 * A query of the territory view for `t` (none for no territory), run again when the local
 * actions change.
 */
export function useTerritorySql<T = Row[]>(t: Territoire | null, build: (t: Territoire) => string, select: (table: Table) => T = rows as (table: Table) => T) {
  return useSql(t === null ? null : build(t), select, TERRITORY_NEEDS);
}

/** Everything the summary, matrix and lists of a territory show. */
export function useTerritoryData(t: Territoire | null) {
  const identity = useTerritorySql(t, buildTerritoryIdentityQuery);
  const qpv = useTerritorySql(t, buildTerritoryQpvQuery);
  const etablissements = useTerritorySql(t, buildTerritoryEtablissementsQuery);
  const pre = useTerritorySql(t, buildTerritoryPreQuery);
  const lieux = useTerritorySql(t, buildTerritoryLieuxQuery);
  const actions = useTerritorySql(t, buildTerritoryActionsQuery);
  const breakdown = useTerritorySql(t, buildTerritoryActionBreakdownQuery);
  const matrix = useTerritorySql(t, buildParcoursMatrixQuery, rowsOf<MatrixSqlRow>());
  const unplaced = useTerritorySql(t, buildUnplacedInMatrixQuery);
  const error = [identity, qpv, etablissements, pre, lieux, actions, breakdown, matrix, unplaced].find((r) => r.error !== null)?.error ?? null;
  return useMemo(
    () => ({ identity: identity.data?.[0] ?? null, found: identity.status === 'ready' ? identity.data.length > 0 : null, qpv, etablissements, pre, lieux, actions, breakdown, matrix, sansTranche: Number(unplaced.data?.[0]?.sans_tranche ?? 0), error }),
    [identity, qpv, etablissements, pre, lieux, actions, breakdown, matrix, unplaced, error],
  );
}

export type TerritoryData = ReturnType<typeof useTerritoryData>;
