import type { Browser, Page } from 'playwright-core';
import { FILTER_MEASURE, MARKS } from '../src/perf-marks.ts';
import { openPage, waitForMark } from '../tests/support/browser.ts';
import { type MetricSummary, summarise } from './stats.ts';

const HISTOGRAMS = '[data-testid^="histogram-"] svg';
/** Pixels per brush move: each one changes the brushed range, so each is a filter change. */
const STEP_PX = 4;

/** What the sweep opens: the Filtres tab as it is by default, or with more charts (`FOUR_DIMS`). */
export interface FilterScene {
  /** The URL hash, without `#`. */
  hash: string;
  /** Range charts (histograms) the tab must show before the sweep. */
  histograms: number;
  /** Whether the crossing view (scatter) must be shown too. */
  scatter: boolean;
  /** Brush every histogram but the swept one first, so that each is an active filter. */
  brushOthers: boolean;
}

export const DEFAULT_SCENE: FilterScene = { hash: 'onglet=filtres', histograms: 1, scatter: false, brushOthers: false };

/**
 * Four range dimensions at once (the mapped indicator, the distance to the nearest 16–25
 * service, the décrochage risk index, the poverty rate) and the scatter of risk × distance:
 * the issue 22 bar, `filter_p95_ms` ≤ 16 with four active range dimensions and the scatter
 * visible. The three histograms not swept are brushed first, so that the GPU filters on four
 * ranges during the sweep.
 */
export const FOUR_DIMS: FilterScene = { hash: 'onglet=filtres&dims=valeur,distance,risque,i_tp60&nuage=risque,distance', histograms: 4, scatter: true, brushOthers: true };

/**
 * Drags the brush of the first histogram (the mapped indicator) over `moves` mouse moves, in
 * each of `sweeps` fresh pages, and returns the distribution of `obs:filter` over all the
 * moves (input event → map, charts and table drawn with the result; src/perf-marks.ts), with
 * each sweep's own p95. Each move waits for the previous measure, so none is superseded.
 */
export async function benchFilter(browser: Browser, url: string, moves: number, sweeps: number, scene: FilterScene = DEFAULT_SCENE): Promise<MetricSummary> {
  const durations: number[] = [];
  const sweepP95: number[] = [];
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const measured = await brushSweep(browser, url, moves, scene);
    durations.push(...measured);
    sweepP95.push(summarise(measured, 'ms').p95);
  }
  // Hundreds of moves: each sweep's p95 stands for them.
  const { values: _moves, ...pooled } = summarise(durations, 'ms');
  return { ...pooled, sweeps_p95: sweepP95 };
}

/** `obs:filter` measures whose input came after `since` (page time): a brush move before it, still drawing, is not counted. */
const measuresSince = (page: Page, since: number) =>
  page.evaluate(([name, t]) => performance.getEntriesByName(name as string).filter((e) => e.startTime >= (t as number)).map((e) => e.duration), [FILTER_MEASURE, since] as const);
const waitForMeasures = (page: Page, since: number, count: number) =>
  page.waitForFunction(([name, t, n]) => performance.getEntriesByName(name as string).filter((e) => e.startTime >= (t as number)).length >= (n as number), [FILTER_MEASURE, since, count] as const, {
    timeout: 60_000,
    polling: 'raf',
  });
const pageNow = (page: Page) => page.evaluate(() => performance.now());

async function brushSweep(browser: Browser, url: string, moves: number, scene: FilterScene): Promise<number[]> {
  const { page, offOrigin } = await openPage(browser, url);
  await page.goto(`${url}#${scene.hash}`);
  await waitForMark(page, MARKS.duckdbReady, 240_000);
  const histograms = page.locator(HISTOGRAMS);
  await histograms.first().waitFor({ timeout: 120_000 });
  if (scene.histograms > 1) await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length >= (n as number), [HISTOGRAMS, scene.histograms] as const, { timeout: 120_000 });
  if (scene.scatter) await page.locator('[data-testid="scatter"]').waitFor({ timeout: 120_000 });
  if (scene.brushOthers) {
    // Most of each one's width, so that the swept range still changes what passes.
    for (let i = 1; i < scene.histograms; i++) {
      const other = histograms.nth(i);
      await other.scrollIntoViewIfNeeded();
      const box = (await other.boundingBox())!;
      const since = await pageNow(page);
      await page.mouse.move(box.x + box.width * 0.15, box.y + 40);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.9, box.y + 40, { steps: 4 });
      await page.mouse.up();
      await waitForMeasures(page, since, 1);
    }
  }
  const histogram = histograms.first();
  await histogram.scrollIntoViewIfNeeded();
  const box = (await histogram.boundingBox())!;
  const [left, y] = [box.x + 40, box.y + 40];
  const since = await pageNow(page);
  await page.mouse.move(left, y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(left + 20 + i * STEP_PX, y);
    await waitForMeasures(page, since, i);
  }
  // Read before the release, which ends the gesture (its history entry) and is no brush move.
  const durations = await measuresSince(page, since);
  await page.mouse.up();
  if (offOrigin.length > 0) throw new Error(`requests left the origin: ${offOrigin.join(', ')}`);
  await page.context().close();
  return durations;
}
