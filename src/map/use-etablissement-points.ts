import { tableRows } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildEtablissementPointsQuery, type EtablissementPoint } from '../queries/etablissements-query.ts';

const NEEDS = ['etablissements'];
const QUERY = buildEtablissementPointsQuery();

/** Located establishments from DuckDB (empty until the table is loaded). */
export function useEtablissementPoints(): { points: EtablissementPoint[]; error: string | null } {
  const result = useSql(QUERY, (t) => tableRows(t) as unknown as EtablissementPoint[], NEEDS);
  return { points: result.data ?? [], error: result.error };
}
