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

/** The floor page (bench/floor/) sets the app's first-paint mark, by the same definition. */
const FLOOR_MARK_METRICS = { first_paint_floor_ms: MARKS.firstPaint } as const;

export type LoadMetric = keyof typeof MARK_METRICS | keyof typeof FLOOR_MARK_METRICS | 'first_paint_ratio';
export const LOAD_METRICS = [...Object.keys(MARK_METRICS), ...Object.keys(FLOOR_MARK_METRICS), 'first_paint_ratio'] as LoadMetric[];

/** One cold load of `url` in a fresh browser context (empty cache): each mark's time since navigation start. */
async function coldLoad<M extends string>(browser: Browser, url: string, marks: Record<M, string>): Promise<Record<M, number>> {
  const { page, offOrigin } = await openPage(browser, url);
  await page.goto(url);
  const times = {} as Record<M, number>;
  for (const [metric, mark] of Object.entries(marks) as [M, string][]) times[metric] = await waitForMark(page, mark, 120_000);
  if (offOrigin.length > 0) throw new Error(`${url}: requests left the origin: ${offOrigin.join(', ')}`);
  await page.context().close();
  return times;
}

/**
 * Cold loads of the built app and of the floor page, alternated (floor, app, floor, app…) so
 * that both meet the same machine state. `first_paint_ratio` is the app's median first paint
 * over the floor's (its p95, the same ratio of the p95s); the runs behind each are those of
 * `first_paint_ms` and `first_paint_floor_ms`.
 */
export async function benchColdLoads(browser: Browser, appUrl: string, floorUrl: string, runs: number): Promise<Record<LoadMetric, MetricSummary>> {
  const samples = Object.fromEntries([...Object.keys(MARK_METRICS), ...Object.keys(FLOOR_MARK_METRICS)].map((m) => [m, [] as number[]])) as Record<string, number[]>;
  const record = (times: Record<string, number>) => Object.entries(times).forEach(([metric, ms]) => samples[metric]!.push(ms));
  for (let run = 0; run < runs; run++) {
    record(await coldLoad(browser, floorUrl, FLOOR_MARK_METRICS));
    record(await coldLoad(browser, appUrl, MARK_METRICS));
  }
  const summaries = summariseAll(samples) as Record<Exclude<LoadMetric, 'first_paint_ratio'>, MetricSummary>;
  const [app, floor] = [summaries.first_paint_ms, summaries.first_paint_floor_ms];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { ...summaries, first_paint_ratio: { median: round(app.median / floor.median), p95: round(app.p95 / floor.p95), unit: 'x', runs } };
}

/** Cold loads of the built app alone (the national dataset has no floor page): each mark's metric. */
export async function benchAppColdLoads(browser: Browser, appUrl: string, runs: number): Promise<Record<keyof typeof MARK_METRICS, MetricSummary>> {
  const samples = Object.fromEntries(Object.keys(MARK_METRICS).map((m) => [m, [] as number[]])) as Record<keyof typeof MARK_METRICS, number[]>;
  for (let run = 0; run < runs; run++) {
    for (const [metric, ms] of Object.entries(await coldLoad(browser, appUrl, MARK_METRICS))) samples[metric as keyof typeof MARK_METRICS].push(ms as number);
  }
  return summariseAll(samples) as Record<keyof typeof MARK_METRICS, MetricSummary>;
}

const summariseAll = (samples: Record<string, number[]>) => Object.fromEntries(Object.entries(samples).map(([metric, values]) => [metric, summarise(values, 'ms')]));
