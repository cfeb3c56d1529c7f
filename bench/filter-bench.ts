import type { Browser } from 'playwright-core';
import { FILTER_MEASURE, MARKS } from '../src/perf-marks.ts';
import { openPage, waitForMark } from '../tests/support/browser.ts';
import { type MetricSummary, summarise } from './stats.ts';

const HISTOGRAM = '[data-testid^="histogram-"] svg';
/** Pixels per brush move: each one changes the brushed range, so each is a filter change. */
const STEP_PX = 4;

/**
 * Drags the brush of the indicator histogram over `moves` mouse moves, in each of `sweeps`
 * fresh pages, and returns the distribution of `obs:filter` over all the moves (input event →
 * map, charts and table drawn with the result; src/perf-marks.ts), with each sweep's own p95.
 * Each move waits for the previous measure, so none is superseded.
 */
export async function benchFilter(browser: Browser, url: string, moves: number, sweeps: number): Promise<MetricSummary> {
  const durations: number[] = [];
  const sweepP95: number[] = [];
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const measured = await brushSweep(browser, url, moves);
    durations.push(...measured);
    sweepP95.push(summarise(measured, 'ms').p95);
  }
  return { ...summarise(durations, 'ms'), sweeps_p95: sweepP95 };
}

async function brushSweep(browser: Browser, url: string, moves: number): Promise<number[]> {
  const { page, offOrigin } = await openPage(browser, url);
  await page.goto(`${url}#onglet=filtres`);
  await waitForMark(page, MARKS.duckdbReady, 240_000);
  const histogram = page.locator(HISTOGRAM).first();
  await histogram.waitFor({ timeout: 120_000 });
  await histogram.scrollIntoViewIfNeeded();
  const box = (await histogram.boundingBox())!;
  const [left, y] = [box.x + 40, box.y + 40];
  await page.mouse.move(left, y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(left + 20 + i * STEP_PX, y);
    await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length >= (n as number), [FILTER_MEASURE, i] as const, { timeout: 60_000, polling: 'raf' });
  }
  // Read before the release, which ends the gesture (its history entry) and is no brush move.
  const durations = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), FILTER_MEASURE);
  await page.mouse.up();
  if (offOrigin.length > 0) throw new Error(`requests left the origin: ${offOrigin.join(', ')}`);
  await page.context().close();
  return durations;
}
