/**
 * Performance marks the app sets on its way to a usable map; `npm run bench` reads them from
 * the page. The first three are the quality bars, the others explain where the time goes.
 */
export const MARKS = {
  firstPaint: 'obs:first-paint',
  duckdbReady: 'obs:duckdb-ready',
  interactive: 'obs:interactive',
  scriptStart: 'obs:script-start',
  mapStyleLoaded: 'obs:map-style-loaded',
  mapDataReady: 'obs:map-data-ready',
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  performance.mark(name);
}
