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

/** Measure of one filter change: input event → map, charts and table drawn with its result. */
export const FILTER_MEASURE = 'obs:filter';

const pendingFilters = new WeakMap<object, number>();

/** Called by the input handler that sets `filters`: the measure starts at the event. */
export function startFilterTiming(filters: object, eventTime = performance.now()): void {
  pendingFilters.set(filters, eventTime);
}

/** Called once every view shows the result of `filters`: ends its measure after the next frame. */
export function endFilterTiming(filters: object): void {
  const start = pendingFilters.get(filters);
  if (start === undefined) return;
  pendingFilters.delete(filters);
  requestAnimationFrame(() => performance.measure(FILTER_MEASURE, { start, end: performance.now() }));
}
