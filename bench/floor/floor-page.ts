/**
 * The bench's floor (`first_paint_floor_ms`): what a bare MapLibre page must do to show the
 * app's first view — the same offline basemap and the same QPV, from the same published
 * files — and nothing else: no React, no deck.gl, no DuckDB. `npm run bench` loads it
 * alternately with the app and divides the app's first paint by this page's.
 *
 * The data: the app gets its QPV and basemap polygons from `qpv.arrow` and `territoires.arrow`
 * (geometry as GeoJSON text per row) and publishes no GeoJSON file, so a bare page drawing
 * them has to fetch those files and decode them too: with apache-arrow and the app's own
 * `arrowToFeatures`, the least a page can do to hand them to MapLibre. It skips what the app
 * adds for its own sake: the manifest and the sha256 check of each file.
 *
 * What it draws is what the app's first frame draws, with the app's own module
 * (src/map/qpv-first-view.ts, no deck.gl in it): at the first view (all of métropole, zoom
 * ≈ 5) a QPV, a few hundred metres across, is under a pixel and shows as a marker; polygons
 * from zoom 10. The polygons are handed to MapLibre all the same (its worker indexes them at
 * once), as a page able to draw them must.
 */
import maplibregl, { type GeoJSONSource } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { tableFromIPC } from 'apache-arrow';
import { arrowToFeatures } from '../../src/map/arrow-features.ts';
import { BASEMAP_SOURCES, buildBasemapStyle } from '../../src/map/basemap-style.ts';
import { METROPOLE_BBOX } from '../../src/map/territory-views.ts';
import { FIRST_VIEW_SOURCES, showFirstViewQpv } from '../../src/map/qpv-first-view.ts';
import { MARKS, mark } from '../../src/perf-marks.ts';
import './floor.css';

// The app's CSP (sent by the bench's server for this page too) allows no blob: worker.
maplibregl.setWorkerUrl(maplibreWorkerUrl);

async function table(file: string) {
  const url = new URL(`/data/${file}`, location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

// Fetched at once, as the app does, while the map starts.
const data = Promise.all([table('territoires.arrow'), table('qpv.arrow')]);
const map = new maplibregl.Map({ container: 'carte', style: buildBasemapStyle(), bounds: METROPOLE_BBOX, fitBoundsOptions: { padding: 20 }, attributionControl: false });
const styleLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));

// First paint, as the app's (src/map/map-view.tsx): the first frame drawn once the QPV are
// given and loaded. Every source given data must be loaded, not only the tiles MapLibre
// already had (empty until the worker has the new data).
let given = false;
let painted = false;
map.on('render', () => {
  if (painted || !given || ![BASEMAP_SOURCES.regions, BASEMAP_SOURCES.departements, ...FIRST_VIEW_SOURCES].every((id) => map.isSourceLoaded(id)) || !map.areTilesLoaded()) return;
  painted = true;
  mark(MARKS.firstPaint);
});

const [[territoires, qpv]] = await Promise.all([data, styleLoaded]);
const niveau = (n: string) => (row: (c: string) => unknown) => row('niveau') === n;
(map.getSource(BASEMAP_SOURCES.regions) as GeoJSONSource).setData(arrowToFeatures(territoires, () => ({}), niveau('region')));
(map.getSource(BASEMAP_SOURCES.departements) as GeoJSONSource).setData(arrowToFeatures(territoires, () => ({}), niveau('departement')));
showFirstViewQpv(
  map,
  arrowToFeatures(qpv, (r) => ({ code: String(r('code')), lon: Number(r('lon')), lat: Number(r('lat')) })),
);
given = true;
