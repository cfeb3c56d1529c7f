import type { Browser } from 'playwright-core';
import { MARKS } from '../src/perf-marks.ts';
import { openPage, waitForMark } from '../tests/support/browser.ts';
import { type MetricSummary, summarise } from './stats.ts';

/** Marks the app sets (src/perf-marks.ts) and the metric each one feeds. */
const MARK_METRICS = {
  first_paint_ms: MARKS.firstPaint,
  duckdb_ready_ms: MARKS.duckdbReady,
  interactive_ms: MARKS.interactive,
  // Where the time before the first paint goes.
  script_start_ms: MARKS.scriptStart,
  map_style_loaded_ms: MARKS.mapStyleLoaded,
  map_data_ready_ms: MARKS.mapDataReady,
} as const;

export type LoadMetric = keyof typeof MARK_METRICS;
export const LOAD_METRICS = Object.keys(MARK_METRICS) as LoadMetric[];

/**
 * Cold loads of the built app: each run is a fresh browser context (empty cache), and each
 * metric is the time of its mark since navigation start.
 */
export async function benchColdLoads(browser: Browser, url: string, runs: number): Promise<Record<LoadMetric, MetricSummary>> {
  const samples = Object.fromEntries(Object.keys(MARK_METRICS).map((m) => [m, [] as number[]])) as Record<LoadMetric, number[]>;
  for (let run = 0; run < runs; run++) {
    const { page, offOrigin } = await openPage(browser, url);
    await page.goto(url);
    for (const [metric, mark] of Object.entries(MARK_METRICS) as [LoadMetric, string][]) {
      samples[metric].push(await waitForMark(page, mark, 120_000));
    }
    if (offOrigin.length > 0) throw new Error(`requests left the origin: ${offOrigin.join(', ')}`);
    await page.context().close();
  }
  return Object.fromEntries(Object.entries(samples).map(([metric, values]) => [metric, summarise(values, 'ms')])) as Record<LoadMetric, MetricSummary>;
}
