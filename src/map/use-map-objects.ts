import { useMemo, useRef } from 'react';
import { rowsOf } from '../domain/connector.ts';
import { type LayerId, LAYER_IDS } from '../domain/map-layers.ts';
import { type SqlResult, useSql } from '../db/use-sql.ts';
import { useAppStore } from '../state/store.ts';
import { LAYER_DRAWINGS } from './layer-drawings.ts';

const EMPTY: never[] = [];
const toRows = rowsOf<unknown>();
type LayerRows = Readonly<Partial<Record<LayerId, readonly unknown[]>>>;

/**
 * The rows of each layer that declares a query (`LAYER_DRAWINGS`), queried while the layer
 * is shown (or while its `alsoWhen` holds: the actions a matrix cell points out).
 */
export function useMapObjects(visible: readonly LayerId[]): { rows: LayerRows; highlightedActions: ReadonlySet<string>; errors: string[] } {
  const highlighted = useAppStore((s) => s.highlightedActions);
  const state = { highlightedActions: highlighted };
  // One `useSql` per layer of the registry, a module constant: the same hooks in the same
  // order on every render.
  const results: [LayerId, SqlResult<readonly unknown[]>][] = [];
  for (const id of LAYER_IDS) {
    const query = LAYER_DRAWINGS[id].query;
    if (query === undefined) continue;
    const wanted = visible.includes(id) || query.alsoWhen?.(state) === true;
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a loop over a module constant: the same hooks in the same order on every render
    results.push([id, useSql(wanted ? query.sql() : null, toRows, query.needs)]);
  }
  // The same object while no layer's rows changed: the map draws a layer again only when its rows change.
  const last = useRef<{ data: unknown[]; rows: LayerRows } | null>(null);
  const data = results.map(([, r]) => r.data);
  if (last.current === null || data.some((d, i) => d !== last.current!.data[i])) last.current = { data, rows: Object.fromEntries(results.map(([id, r]) => [id, r.data ?? EMPTY])) };
  const rows = last.current.rows;
  const highlightedActions = useMemo(() => new Set(highlighted), [highlighted]);
  return { rows, highlightedActions, errors: results.flatMap(([, r]) => (r.error === null ? [] : [r.error])) };
}
