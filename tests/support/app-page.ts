import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { countPixels, DIST_DIR, expectPagesClean, isQpvPixel, launchChromium, openPage, startPreview, VIEWPORT, waitForMark } from './browser.ts';

/** Row counts of the built app's published tables, by name. */
export const PUBLISHED_ROWS = new Map(
  (JSON.parse(readFileSync(path.join(DIST_DIR, 'data/manifest.json'), 'utf8')) as { tables: { name: string; rows: number }[] }).tables.map((t) => [t.name, t.rows]),
);

// Below the header (116 px), right of the side panel, above the folded result table: the map alone.
const MAP_BOX = { x: 420, y: 130, width: VIEWPORT.width - 480, height: VIEWPORT.height - 222 };

/** Saturated pixels of the map (QPV in colour, schools): none on the bare basemap. */
export async function colouredMapPixels(page: Page): Promise<number> {
  return countPixels(await page.screenshot(), isQpvPixel, MAP_BOX).matching;
}

/**
 * Text an engine or a browser writes, which the user must never read: DuckDB's error classes
 * and its query echo, JavaScript exception names, English HTTP wording.
 */
export const ENGINE_TEXT = /\b(Parser|Catalog|Binder|Conversion|Constraint|Invalid Input|Out of Range|Internal|IO|Syntax|Type|Range|Security|Data(Load|Integrity)?|Storage) ?Error\b|LINE \d+:|unterminated|QuotaExceeded|DOMException|Exception|\bundefined\b|\bnull\b|Failed to/;

/** The built app served and a Chromium, for the tests of a file: started before them, every page checked after each, closed after. */
export function servedApp(): { url: string; browser: Browser } {
  const app = {} as { url: string; browser: Browser };
  let server: Awaited<ReturnType<typeof startPreview>> | undefined;
  beforeAll(async () => {
    server = await startPreview();
    app.url = server.url;
    app.browser = await launchChromium();
  });
  afterEach(expectPagesClean);
  afterAll(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/**
 * A fresh page of the app at `hash` (see `openPage`: its checks run at `close()` and after
 * each test), after `setup` (routes, init scripts). `expectedConsoleErrors` are the console
 * errors the fault a test provokes may log; `consoleLog` holds every console error, for
 * assertions on the detail. Waits for the first paint.
 */
export async function openApp(browser: Browser, url: string, hash: string, setup?: (page: Page) => Promise<unknown>, expectedConsoleErrors: readonly RegExp[] = []) {
  const opened = await openPage(browser, url, { expectedConsoleErrors });
  const consoleLog: string[] = [];
  opened.page.on('console', (message) => {
    if (message.type() === 'error') consoleLog.push(message.text());
  });
  await setup?.(opened.page);
  await opened.page.goto(`${url}#${hash}`);
  await waitForMark(opened.page, 'obs:first-paint', 90_000);
  return { ...opened, consoleLog };
}

/** The status area's line of the map, once drawn (`Carte : 111 QPV affichés`). */
export async function mapStatusLine(page: Page): Promise<string> {
  return page.getByTestId('status').locator('p').first().innerText();
}
