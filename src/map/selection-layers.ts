import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type BBox, geometryBBox } from '../../geo/bbox.ts';
import type { SelectionShape } from '../queries/map-objects-queries.ts';
import type { Rgba } from './palettes.ts';

/**
 * The object whose fiche is open, pointed out on the map: a ring around a point, the outline
 * of a footprint. Dark over a white halo, to read over the basemap, the choropleth and the
 * symbols alike.
 */
const SELECTION_STYLE = { line: [22, 22, 22, 255] as Rgba, halo: [255, 255, 255, 230] as Rgba, ringRadiusPx: 14, widthPx: 3, haloWidthPx: 7 };

/** The layers pointing out `shape`, drawn above all others. */
export function buildSelectionLayers(shape: SelectionShape | null): Layer[] {
  if (shape === null) return [];
  const { line, halo, ringRadiusPx, widthPx, haloWidthPx } = SELECTION_STYLE;
  const stroke = (id: string, colour: Rgba, width: number) =>
    shape.geometry !== null
      ? new GeoJsonLayer({
          id,
          data: [{ type: 'Feature', geometry: JSON.parse(shape.geometry) as Polygon | MultiPolygon, properties: {} } satisfies Feature],
          filled: false,
          stroked: true,
          getLineColor: colour,
          lineWidthUnits: 'pixels',
          getLineWidth: width,
        })
      : new ScatterplotLayer<SelectionShape>({
          id,
          data: [shape],
          getPosition: (d) => [d.lon!, d.lat!],
          filled: false,
          stroked: true,
          radiusUnits: 'pixels',
          getRadius: ringRadiusPx,
          getLineColor: colour,
          lineWidthUnits: 'pixels',
          getLineWidth: width,
        });
  // The id names the layer's class: deck.gl hands a layer the state of the previous one with
  // its id, and a ring given an outline's state (no model) throws at every frame.
  const kind = shape.geometry !== null ? 'outline' : 'ring';
  return shape.geometry === null && (shape.lon === null || shape.lat === null) ? [] : [stroke(`selection-halo-${kind}`, halo, haloWidthPx), stroke(`selection-${kind}`, line, widthPx)];
}

/** The box to show `shape` in: its footprint's, or its point; null when it has no position. */
export function selectionBBox(shape: SelectionShape): BBox | null {
  if (shape.geometry !== null) return geometryBBox(JSON.parse(shape.geometry) as Polygon | MultiPolygon);
  return shape.lon === null || shape.lat === null ? null : [shape.lon, shape.lat, shape.lon, shape.lat];
}
