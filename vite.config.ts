import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_DIRECTIVES, CSP_HEADER_ONLY, serializeCsp } from './src/content-security-policy.ts';

/**
 * Writes the CSP into the built index.html, first in <head> so that it covers the preloads and
 * scripts after it. Not in `vite dev`, whose inline React Refresh preamble and HMR socket it
 * would refuse.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'observatoire-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: serializeCsp(CSP_DIRECTIVES) }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // MapLibre's CSP build: the same API, its worker a file (src/library-setup.ts) not a blob: URL.
  resolve: { alias: [{ find: /^maplibre-gl$/, replacement: 'maplibre-gl/dist/maplibre-gl-csp.js' }] },
  // The DSFR stylesheets keep IE media hacks (`min-width: 0\\0`) that LightningCSS rejects.
  css: { lightningcss: { errorRecovery: true } },
  build: {
    target: 'es2022',
    // DuckDB's wasm is ~34 MB and loaded after first paint; do not warn about it.
    chunkSizeWarningLimit: 2048,
    // The DSFR stylesheets name some 1,400 SVG icons; inlined as data: URIs they made the
    // first stylesheet 1.35 MB, parsed before the first paint. As files, a page fetches only
    // the few it shows.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
  preview: {
    port: 4173,
    // The policy with every response (the workers get theirs from their own response), and
    // what only a header can say: no framing, no MIME sniffing, no referrer.
    headers: {
      'Content-Security-Policy': serializeCsp({ ...CSP_DIRECTIVES, ...CSP_HEADER_ONLY }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
