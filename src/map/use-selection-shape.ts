import { tableRows } from '../domain/connector.ts';
import { whenActionsReadyWith } from '../db/local-actions-store.ts';
import { useSql } from '../db/use-sql.ts';
import { withLocalActionsVersion } from '../queries/local-actions-queries.ts';
import { buildSelectionShapeQuery, type SelectionShape } from '../queries/map-objects-queries.ts';
import { useAppStore } from '../state/store.ts';

const whenActionsReady = whenActionsReadyWith(['actions']);

/** Where the object whose fiche is open lies; null when none is open, until known, or when it has no position. */
export function useSelectionShape(): SelectionShape | null {
  const selected = useAppStore((s) => s.selectedObject);
  const revision = useAppStore((s) => s.localActionsRevision);
  const query = selected === null ? null : buildSelectionShapeQuery(selected);
  const isAction = selected?.kind === 'action';
  const sql = query === null ? null : isAction ? withLocalActionsVersion(query.sql, revision) : query.sql;
  const result = useSql(sql, (t) => (tableRows(t)[0] as unknown as SelectionShape | undefined) ?? null, isAction ? whenActionsReady : query ? [query.table] : undefined);
  // Not the previous object's while the new one is queried.
  return result.status === 'ready' && result.sql === sql ? result.data : null;
}
