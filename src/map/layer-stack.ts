import type { Layer } from '@deck.gl/core';
import { LAYER_IDS, type LayerId } from '../domain/map-layers.ts';

/**
 * What one map layer (`domain/map-layers.ts`) gives deck.gl: the layers drawn inside
 * MapLibre's frame with the basemap, under everything else and redrawn only when the map
 * moves (footprints), and those of the upper canvas, the one a filter change redraws.
 */
export interface LayerDrawing {
  basemap: readonly Layer[];
  upper: readonly Layer[];
  /**
   * Draw `upper` just over that layer's rather than at this layer's place in the registry
   * (the QPV markers of the national zoom, over the schools).
   */
  above?: LayerId;
}

/** A layer that draws nothing: the same object every time, so that nothing is redrawn. */
export const NOTHING: LayerDrawing = { basemap: [], upper: [] };

/**
 * Every layer's deck.gl layers in drawing order, bottom to top: the registry's order, a layer
 * with `above` moved just over that one.
 */
export function stackLayers(drawings: Readonly<Record<LayerId, LayerDrawing>>): { basemap: Layer[]; upper: Layer[] } {
  const raised = new Map<LayerId, LayerId[]>();
  for (const id of LAYER_IDS) {
    const above = drawings[id].above;
    if (above !== undefined) raised.set(above, [...(raised.get(above) ?? []), id]);
  }
  const upper: Layer[] = [];
  const place = (id: LayerId) => {
    upper.push(...drawings[id].upper);
    for (const over of raised.get(id) ?? []) place(over);
  };
  for (const id of LAYER_IDS) if (drawings[id].above === undefined) place(id);
  return { basemap: LAYER_IDS.flatMap((id) => drawings[id].basemap), upper };
}
