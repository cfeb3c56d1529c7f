import maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';

/*
 * What the libraries need to run under the app's CSP (src/content-security-policy.ts), set
 * before the map exists. (zod's jitless mode must hold before any module defines a schema:
 * public/zod-jitless.js, a classic script that runs before every module.)
 *
 * MapLibre's default build starts its worker from a blob: URL; `maplibre-gl` resolves to its
 * CSP build (vite.config.ts), whose worker is a file of our own origin.
 */
maplibregl.setWorkerUrl(maplibreWorkerUrl);
