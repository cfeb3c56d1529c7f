import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Whether the map on screen shows everything it was last given: `data-drawn="true"` on the
 * map's element once MapLibre is idle (tiles loaded, no move nor fade under way) and the
 * upper deck.gl canvas has drawn its current layers, all loaded; "false" from any change
 * until then. What the e2e tests and the screenshots wait for before reading pixels.
 */
export interface DrawnState {
  /** The upper canvas was given new layers. */
  upperChanged(): void;
  /** The upper canvas has drawn a frame of `layers`. */
  upperDrawn(layers: readonly Layer[] | null): void;
  /** Something MapLibre draws changed (the footprints drawn inside its frame). */
  basemapChanged(): void;
}

export function watchDrawn(map: MapLibreMap, element: HTMLElement): DrawnState {
  let upperPending = true;
  let basemapPending = true;
  const write = () => {
    const drawn = String(!upperPending && !basemapPending);
    if (element.dataset.drawn !== drawn) element.dataset.drawn = drawn;
  };
  const basemapChanged = () => {
    basemapPending = true;
    write();
  };
  map.on('movestart', basemapChanged);
  map.on('dataloading', basemapChanged);
  map.on('idle', () => {
    basemapPending = false;
    write();
  });
  write();
  return {
    upperChanged: () => {
      upperPending = true;
      write();
    },
    upperDrawn: (layers) => {
      if (layers === null || !layers.every((l) => l.isLoaded)) return;
      upperPending = false;
      write();
    },
    basemapChanged: () => {
      basemapChanged();
      // The footprints' overlay asks MapLibre for a frame; `idle` follows it.
      map.triggerRepaint();
    },
  };
}
