import { useMemo } from 'react';
import { tableRows } from '../domain/connector.ts';
import { type LayerId, LAYER_IDS } from '../domain/map-layers.ts';
import { type SqlResult, useSql } from '../db/use-sql.ts';
import { useAppStore } from '../state/store.ts';
import { LAYER_DRAWINGS } from './layer-drawings.ts';

const EMPTY: never[] = [];
const toRows = (t: Parameters<typeof tableRows>[0]) => tableRows(t) as readonly unknown[];

/**
 * The rows of each layer that declares a query (`LAYER_DRAWINGS`), queried while the layer
 * is shown (or while its `alsoWhen` holds: the actions a matrix cell points out).
 */
export function useMapObjects(visible: readonly LayerId[]): { rows: Readonly<Partial<Record<LayerId, readonly unknown[]>>>; highlightedActions: ReadonlySet<string>; errors: string[] } {
  const localActionsRevision = useAppStore((s) => s.localActionsRevision);
  const highlighted = useAppStore((s) => s.highlightedActions);
  const state = { localActionsRevision, highlightedActions: highlighted };
  // One `useSql` per layer of the registry, a module constant: the same hooks in the same
  // order on every render.
  const results: [LayerId, SqlResult<readonly unknown[]>][] = [];
  for (const id of LAYER_IDS) {
    const query = LAYER_DRAWINGS[id].query;
    if (query === undefined) continue;
    const wanted = visible.includes(id) || query.alsoWhen?.(state) === true;
    results.push([id, useSql(wanted ? query.sql(state) : null, toRows, query.needs)]);
  }
  const data = results.map(([, r]) => r.data);
  // The same objects while nothing changed: the map draws a layer again only when its rows change.
  const rows = useMemo(() => Object.fromEntries(results.map(([id, r]) => [id, r.data ?? EMPTY])), data);
  const highlightedActions = useMemo(() => new Set(highlighted), [highlighted]);
  return { rows, highlightedActions, errors: results.flatMap(([, r]) => (r.error === null ? [] : [r.error])) };
}
