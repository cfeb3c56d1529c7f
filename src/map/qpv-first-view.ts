import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap, Point } from 'maplibre-gl';
import { MAP_LAYER } from '../domain/map-layers.ts';

/**
 * The QPV of the first frame, drawn by MapLibre with the basemap: deck.gl, which draws them
 * afterwards (filters, choropleth, picking), starts a second WebGL context and compiles its
 * own programs, about a second of software rendering the first paint no longer waits for
 * (docs/architecture.md, « Measured »). Same look as deck.gl's QPV layers before any
 * indicator: markers below `detailMinZoom`, polygons from it; removed once deck.gl has drawn.
 * No deck.gl here: the bench's floor page (bench/floor/) draws its QPV with this module too.
 */

/** Documented defaults of the QPV layers (STYLE.md §6), deck.gl's and these. */
export const QPV_LAYER_DEFAULTS = {
  /** Before the indicator values arrive from DuckDB. */
  fill: [206, 0, 80, 150] as [number, number, number, number],
  line: [90, 30, 40, 255] as [number, number, number, number],
  selectedLine: [0, 0, 145, 255] as [number, number, number, number],
  markerRadiusPx: 4,
};

const css = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255).toFixed(2)})`;
const SOURCE = 'qpv-first-view';
const MARKERS = 'qpv-first-view-markers';
const POLYGON_LAYERS = ['qpv-first-view-fill', 'qpv-first-view-outline'] as const;
const DETAIL_MIN_ZOOM = MAP_LAYER.qpv.detailMinZoom ?? 0;

/** Hands the QPV (with `code`, `lon`, `lat` properties) to MapLibre. */
export function showFirstViewQpv(map: MapLibreMap, qpv: FeatureCollection<Polygon | MultiPolygon, { code: string; lon: number; lat: number }>): void {
  map.addSource(SOURCE, { type: 'geojson', data: qpv });
  map.addSource(MARKERS, {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: qpv.features.map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [f.properties.lon, f.properties.lat] }, properties: { code: f.properties.code } })),
    },
  });
  const { fill, line, markerRadiusPx } = QPV_LAYER_DEFAULTS;
  map.addLayer({ id: POLYGON_LAYERS[0], type: 'fill', source: SOURCE, minzoom: DETAIL_MIN_ZOOM, paint: { 'fill-color': css(fill), 'fill-antialias': false } });
  map.addLayer({ id: POLYGON_LAYERS[1], type: 'line', source: SOURCE, minzoom: DETAIL_MIN_ZOOM, paint: { 'line-color': css(line), 'line-width': 1 } });
  map.addLayer({
    id: MARKERS,
    type: 'circle',
    source: MARKERS,
    maxzoom: DETAIL_MIN_ZOOM,
    paint: { 'circle-color': css(fill), 'circle-radius': markerRadiusPx, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
  });
}

/** The sources `showFirstViewQpv` gave MapLibre, for the first paint to wait for. */
export const FIRST_VIEW_SOURCES = [SOURCE, MARKERS] as const;

/** The code of the QPV drawn within 2 pixels of `point` (as deck.gl picks), while these layers stand in for deck.gl's. */
export function firstViewQpvAt(map: MapLibreMap, point: Point): string | null {
  const layers = [MARKERS, ...POLYGON_LAYERS].filter((id) => map.getLayer(id) !== undefined);
  if (layers.length === 0) return null;
  const code = map.queryRenderedFeatures([[point.x - 2, point.y - 2], [point.x + 2, point.y + 2]], { layers })[0]?.properties?.code;
  return typeof code === 'string' ? code : null;
}

/** Removes the first view's QPV (deck.gl has drawn its own); whether there were any. */
export function removeFirstViewQpv(map: MapLibreMap): boolean {
  const layers = [MARKERS, ...POLYGON_LAYERS].filter((id) => map.getLayer(id) !== undefined);
  for (const id of layers) map.removeLayer(id);
  for (const id of FIRST_VIEW_SOURCES) if (map.getSource(id) !== undefined) map.removeSource(id);
  return layers.length > 0;
}
