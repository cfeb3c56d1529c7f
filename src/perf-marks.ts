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
/** When the page received the input being handled: its first event of the frame. */
let inputReceived: number | null = null;

/**
 * Notes when each user input reaches the page, before any handler of ours or of a library
 * (d3-brush) runs: a filter measure starts there. Not at the event's `timeStamp`, which in
 * headless Chromium driven over CDP precedes the dispatch by the harness's own transport
 * (about 45 ms), nothing the page does. A pointer move brings pointermove then mousemove
 * in one frame: the first of them counts, until the frame's animation callbacks.
 */
export function watchInputs(): void {
  const received = () => {
    if (inputReceived !== null) return;
    inputReceived = performance.now();
    requestAnimationFrame(() => (inputReceived = null));
  };
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'input', 'click']) window.addEventListener(type, received, { capture: true, passive: true });
}

/** Called by the input handler that sets `filters`: the measure starts when that input reached the page. */
export function startFilterTiming(filters: object): void {
  pendingFilters.set(filters, inputReceived ?? performance.now());
}

/** Called once every view shows the result of `filters`: ends its measure after the next frame. */
export function endFilterTiming(filters: object): void {
  const start = pendingFilters.get(filters);
  if (start === undefined) return;
  pendingFilters.delete(filters);
  requestAnimationFrame(() => performance.measure(FILTER_MEASURE, { start, end: performance.now() }));
}
