import type { Browser } from 'playwright-core';
import { openPage, waitForMark } from '../tests/support/browser.ts';
import { type MetricSummary, summarise } from './stats.ts';

/** Marks the app sets (src/db/database.ts) and the metric each one feeds. */
const MARK_METRICS = {
  first_paint_ms: 'obs:first-paint',
  duckdb_ready_ms: 'obs:duckdb-ready',
  interactive_ms: 'obs:interactive',
} as const;

export type LoadMetric = keyof typeof MARK_METRICS;

/**
 * Cold loads of the built app: each run is a fresh browser context (empty cache), and each
 * metric is the time of its mark since navigation start.
 */
export async function benchColdLoads(browser: Browser, url: string, runs: number): Promise<Record<LoadMetric, MetricSummary>> {
  const samples: Record<LoadMetric, number[]> = { first_paint_ms: [], duckdb_ready_ms: [], interactive_ms: [] };
  for (let run = 0; run < runs; run++) {
    const { page, offOrigin } = await openPage(browser, url);
    await page.goto(url);
    for (const [metric, mark] of Object.entries(MARK_METRICS) as [LoadMetric, string][]) {
      samples[metric].push(await waitForMark(page, mark, 120_000));
    }
    if (offOrigin.length > 0) throw new Error(`requests left the origin: ${offOrigin.join(', ')}`);
    await page.context().close();
  }
  return {
    first_paint_ms: summarise(samples.first_paint_ms, 'ms'),
    duckdb_ready_ms: summarise(samples.duckdb_ready_ms, 'ms'),
    interactive_ms: summarise(samples.interactive_ms, 'ms'),
  };
}
