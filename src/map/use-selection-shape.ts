import { firstRowOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildSelectionShapeQuery, type SelectionShape } from '../queries/map-objects-queries.ts';
import { useAppStore } from '../state/store.ts';

/** Where the object whose fiche is open lies; null when none is open, until known, or when it has no position. */
export function useSelectionShape(): SelectionShape | null {
  const selected = useAppStore((s) => s.selectedObject);
  const query = selected === null ? null : buildSelectionShapeQuery(selected);
  const isAction = selected?.kind === 'action';
  const sql = query?.sql ?? null;
  const result = useSql(sql, firstRowOf<SelectionShape>(), isAction ? ['actions_toutes'] : query ? [query.table] : []);
  // Not the previous object's while the new one is queried.
  return result.status === 'ready' && result.sql === sql ? result.data : null;
}
