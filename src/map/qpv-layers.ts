import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Rgba } from './palettes.ts';

export interface QpvProps {
  code: string;
  nom: string;
  commune: string;
  lon: number;
  lat: number;
}

export type QpvCollection = FeatureCollection<Polygon | MultiPolygon, QpvProps>;

/**
 * Below this zoom a QPV (a few hundred metres) is a few pixels wide: it is drawn as a marker.
 * From it on, as its polygon. Only one of the two is drawn at a time, so the first paint
 * compiles only the marker's WebGL program.
 */
export const QPV_POLYGON_MIN_ZOOM = 10;

/** Documented defaults of the QPV layers (STYLE.md §6). */
export const QPV_LAYER_DEFAULTS = {
  /** Before the indicator values arrive from DuckDB. */
  fill: [206, 0, 80, 150] as Rgba,
  line: [90, 30, 40, 255] as Rgba,
  selectedLine: [0, 0, 145, 255] as Rgba,
  markerRadiusPx: 4,
};

export interface QpvLayerOptions {
  zoom: number;
  selected: string | null;
  /** Choropleth colour of each QPV; null (or a QPV missing from it) gets the default fill. */
  fill: ReadonlyMap<string, Rgba> | null;
  /** Identifies `fill`'s content, for deck.gl's update triggers. */
  fillKey: string;
}

export function buildQpvLayers(data: QpvCollection, options: QpvLayerOptions): Layer[] {
  const { fill, line, selectedLine, markerRadiusPx } = QPV_LAYER_DEFAULTS;
  const isSelected = (code: string) => code === options.selected;
  const fillOf = (code: string) => options.fill?.get(code) ?? fill;
  if (options.zoom >= QPV_POLYGON_MIN_ZOOM) {
    return [
      new GeoJsonLayer<QpvProps>({
        id: 'qpv-polygons',
        data,
        filled: true,
        stroked: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [0, 99, 203, 170],
        getFillColor: (f) => fillOf(f.properties.code),
        getLineColor: (f) => (isSelected(f.properties.code) ? selectedLine : line),
        getLineWidth: (f) => (isSelected(f.properties.code) ? 3 : 1),
        lineWidthUnits: 'pixels',
        updateTriggers: { getFillColor: options.fillKey, getLineColor: options.selected, getLineWidth: options.selected },
      }),
    ];
  }
  return [
    new ScatterplotLayer<QpvProps>({
      id: 'qpv-markers',
      data: data.features.map((f) => f.properties),
      getPosition: (d) => [d.lon, d.lat],
      radiusUnits: 'pixels',
      getRadius: (d) => (isSelected(d.code) ? markerRadiusPx + 3 : markerRadiusPx),
      getFillColor: (d) => fillOf(d.code),
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      pickable: true,
      autoHighlight: true,
      highlightColor: [0, 99, 203, 255],
      updateTriggers: { getFillColor: options.fillKey, getRadius: options.selected },
    }),
  ];
}

/** Tooltip text (never HTML: names come from open data). */
export function qpvTooltip(info: PickingInfo): { text: string } | null {
  const object = info.object as { properties?: QpvProps } | QpvProps | undefined;
  if (object === undefined || object === null) return null;
  const p = 'properties' in object && object.properties ? object.properties : (object as QpvProps);
  return { text: `${p.nom}\n${p.code} · ${p.commune}` };
}
