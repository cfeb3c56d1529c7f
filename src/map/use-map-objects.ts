import { useMemo } from 'react';
import { rowsOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import {
  buildActionPointsQuery,
  buildCiteFootprintsQuery,
  buildLieuPointsQuery,
  buildPrePointsQuery,
  buildReseauFootprintsQuery,
  type MapFootprint,
  type MapPoint,
} from '../queries/map-objects-queries.ts';
import { ALL_ACTIONS_VIEW } from '../queries/local-actions-queries.ts';
import { type LayerId, useAppStore } from '../state/store.ts';
import type { ObjectLayerData } from './object-layers.ts';

const QUERIES = {
  cites: { sql: buildCiteFootprintsQuery(), needs: ['cites'] },
  reseaux: { sql: buildReseauFootprintsQuery(), needs: ['reseaux_ep'] },
  lieux: { sql: buildLieuPointsQuery(), needs: ['lieux'] },
  pre: { sql: buildPrePointsQuery(), needs: ['pre'] },
} as const;

const ACTIONS = buildActionPointsQuery(ALL_ACTIONS_VIEW);

const EMPTY: never[] = [];

/**
 * The objects of each visible layer, queried when the layer is shown; the actions also
 * while some are highlighted, with those imported in this browser.
 */
export function useMapObjects(visible: readonly LayerId[]): { data: ObjectLayerData; errors: string[] } {
  const highlighted = useAppStore((s) => s.highlightedActions);
  const use = <T>(layer: keyof typeof QUERIES) => {
    const { sql, needs } = QUERIES[layer];
    return useSql(visible.includes(layer) ? sql : null, rowsOf<T>(), needs);
  };
  const results = {
    cites: use<MapFootprint>('cites'),
    reseaux: use<MapFootprint>('reseaux'),
    lieux: use<MapPoint>('lieux'),
    pre: use<MapPoint>('pre'),
    actions: useSql(visible.includes('actions') || highlighted.length > 0 ? ACTIONS : null, rowsOf<MapPoint>(), ['actions_toutes']),
  };
  const [cites, reseaux, lieux, pre, actions] = [results.cites.data, results.reseaux.data, results.lieux.data, results.pre.data, results.actions.data];
  // The same object while nothing changed: the map rebuilds its layers only on a change.
  const data = useMemo(
    () => ({ cites: cites ?? EMPTY, reseaux: reseaux ?? EMPTY, lieux: lieux ?? EMPTY, pre: pre ?? EMPTY, actions: actions ?? EMPTY, highlightedActions: new Set(highlighted) }),
    [cites, reseaux, lieux, pre, actions, highlighted],
  );
  return { data, errors: Object.values(results).flatMap((r) => (r.error === null ? [] : [r.error])) };
}
