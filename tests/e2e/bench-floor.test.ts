import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { appWithFloor, FLOOR_PATH } from '../../bench/floor-build.ts';
import { MARKS } from '../../src/perf-marks.ts';
import { countPixels, expectPagesClean, isQpvPixel, launchChromium, openPage, PRODUCTION_DIST_DIR, startPreview, VIEWPORT, waitForMark } from '../support/browser.ts';

/*
 * The bench's floor page (bench/floor/): what `first_paint_floor_ms` times must be the app's
 * first view drawn by MapLibre alone, served beside the production build, never inside it.
 */

/** Under the app's 116-pixel header, where both pages draw their map. */
const MAP_BOX = { x: 0, y: 116, width: VIEWPORT.width, height: VIEWPORT.height - 116 };
const isLand = (r: number, g: number, b: number) => r === 247 && g === 246 && b === 242;
/** Text that survives minification in each library the floor must not carry (checked present in the app); DuckDB's: its wasm's file name. */
const LIBRARY_TRACES = { React: 'react.transitional.element', 'deck.gl': 'deck.gl', 'DuckDB-WASM': 'duckdb-eh' };

const scripts = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
const holding = (dir: string, needle: string) => scripts(dir).filter((f) => readFileSync(path.join(dir, f), 'utf8').includes(needle));

let floor: Awaited<ReturnType<typeof appWithFloor>>;
let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;

beforeAll(async () => {
  floor = await appWithFloor(PRODUCTION_DIST_DIR);
  server = await startPreview(floor.dir);
  browser = await launchChromium();
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  floor?.remove();
});

describe('the bench floor page', () => {
  test('at its first-paint mark shows the basemap and the QPV, from its own origin, clean under the app’s CSP', async () => {
    const floorPage = await openPage(browser, server.url);
    await floorPage.page.goto(`${server.url}${FLOOR_PATH}`);
    await waitForMark(floorPage.page, MARKS.firstPaint, 60_000);
    const png = await floorPage.page.screenshot();
    // The 111 QPV as 4-pixel markers (about 2,000 pixels), on the départements' land.
    expect(countPixels(png, isQpvPixel, MAP_BOX).matching).toBeGreaterThan(500);
    expect(countPixels(png, isLand, MAP_BOX).matching).toBeGreaterThan(100_000);
    await floorPage.close();
  });

  test('carries neither React, deck.gl nor DuckDB, and is no part of the build users load', () => {
    const floorDir = path.join(floor.dir, path.dirname(FLOOR_PATH));
    for (const [library, trace] of Object.entries(LIBRARY_TRACES)) {
      expect(holding(PRODUCTION_DIST_DIR, trace).length, `${library} in the app`).toBeGreaterThan(0);
      expect(holding(floorDir, trace), `${library} in the floor`).toEqual([]);
    }
    expect(readdirSync(PRODUCTION_DIST_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes(path.dirname(FLOOR_PATH)))).toEqual([]);
  });
});
