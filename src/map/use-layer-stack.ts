import type { Layer } from '@deck.gl/core';
import { useRef } from 'react';
import { type LayerId, LAYER_IDS } from '../domain/map-layers.ts';
import { LAYER_DRAWINGS, type LayerInputs } from './layer-drawings.ts';
import { type LayerDrawing, stackLayers } from './layer-stack.ts';

interface Drawn {
  deps: readonly unknown[];
  drawing: LayerDrawing;
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Every layer drawn from `inputs` and stacked (`stackLayers`). A layer is drawn again only
 * when its visibility, its rows or an input it `reads` change, and each of the two stacks is
 * the same array while its layers are the same: a brush move redraws the QPV and the schools,
 * and leaves the basemap's footprints alone.
 */
export function useLayerStack(inputs: LayerInputs, visibleLayers: readonly LayerId[]): { basemap: Layer[]; upper: Layer[] } {
  const drawn = useRef(new Map<LayerId, Drawn>());
  const stacked = useRef<{ basemap: Layer[]; upper: Layer[] }>({ basemap: [], upper: [] });
  const drawings = {} as Record<LayerId, LayerDrawing>;
  for (const id of LAYER_IDS) {
    const drawer = LAYER_DRAWINGS[id];
    const visible = visibleLayers.includes(id);
    const deps = [visible, inputs.rows[id], ...drawer.reads.map((k) => inputs[k])];
    let entry = drawn.current.get(id);
    if (entry === undefined || !sameItems(entry.deps, deps)) {
      entry = { deps, drawing: drawer.draw(inputs, visible) };
      drawn.current.set(id, entry);
    }
    drawings[id] = entry.drawing;
  }
  const next = stackLayers(drawings);
  const previous = stacked.current;
  stacked.current = { basemap: sameItems(previous.basemap, next.basemap) ? previous.basemap : next.basemap, upper: sameItems(previous.upper, next.upper) ? previous.upper : next.upper };
  return stacked.current;
}
