import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The DSFR stylesheets keep IE media hacks (`min-width: 0\\0`) that LightningCSS rejects.
  css: { lightningcss: { errorRecovery: true } },
  build: {
    target: 'es2022',
    // DuckDB's wasm is ~34 MB and loaded after first paint; do not warn about it.
    chunkSizeWarningLimit: 2048,
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
  preview: { port: 4173 },
});
