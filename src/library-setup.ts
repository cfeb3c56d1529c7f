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

/*
 * A browser set to keep no site data throws a SecurityError on the mere read of
 * `window.localStorage`. The app keeps nothing there (local actions live in IndexedDB,
 * src/db/local-actions-storage.ts), but the DSFR reads it unguarded at start: where reading it
 * throws, a storage of this page only (gone at reload) takes its place.
 */
guardLocalStorage();

function guardLocalStorage(): void {
  try {
    void window.localStorage;
    return;
  } catch (error) {
    console.warn('localStorage unavailable:', error);
    const items = new Map<string, string>();
    const pageOnly: Storage = {
      get length() {
        return items.size;
      },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, String(value)),
      removeItem: (key) => void items.delete(key),
      clear: () => items.clear(),
    };
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => pageOnly });
  }
}
