import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { differingShare, DIST_DIR, expectPagesClean, launchChromium, nextFrames, openPage, startPreview, VIEWPORT, waitForMapDrawn, waitForMark } from '../support/browser.ts';

// Toulouse and its QPV, as polygons, right of the side panel and above the table; no chart but
// éducation prioritaire, and no scatter plot: the test adds them from the UI.
const START = '#onglet=filtres&dims=ep&nuage=&carte=11.2/43.60/1.33';
const MAP_BOX = { x: 420, y: 130, width: VIEWPORT.width - 440, height: 380 };

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;
/** The data the built app serves, in a DuckDB of our own: the independent side of each check. */
let db: Connector;

/** The count the result table shows, once it shows the result of the current filters. */
async function tableCount(p: Page = page): Promise<number> {
  await p.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') !== '');
  return Number(await p.getByTestId('result-count').getAttribute('data-count'));
}

async function settle(p: Page = page): Promise<void> {
  await tableCount(p);
  await nextFrames(p);
}

/** The brushed ranges the link carries, by dimension id. */
async function urlRanges(p: Page = page): Promise<Record<string, [number, number]>> {
  const params = new URLSearchParams(await p.evaluate(() => location.hash.slice(1)));
  return Object.fromEntries([...params].filter(([k]) => k.startsWith('f_') && k !== 'f_texte').map(([k, v]) => [k.slice(2), v.split('~').map(Number) as [number, number]]));
}

/**
 * The QPV within every brushed range, counted straight from the published tables: the risk
 * score of `risque_decrochage` (the default weights), the latest poverty rate, the nearest CIO
 * and the nearest 16–25 service of `acces_services`.
 */
async function sqlCount(ranges: Record<string, [number, number]>): Promise<number> {
  const column: Record<string, string> = { risque: 'r.score', i_tp60: 't.valeur', d_cio: 'c.distance_m', distance: 's.d' };
  const where = Object.entries(ranges).map(([id, [lo, hi]]) => `${column[id] ?? 'missing_column'} BETWEEN ${lo} AND ${hi}`);
  const sql = `
    SELECT count(*) AS n FROM qpv q
    LEFT JOIN risque_decrochage r ON r.qpv_code = q.code
    LEFT JOIN (SELECT territoire_code, valeur FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv'
               AND annee = (SELECT max(annee) FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv')) t ON t.territoire_code = q.code
    LEFT JOIN acces_services c ON c.qpv_code = q.code AND c.categorie = 'cio'
    LEFT JOIN (SELECT qpv_code, min(distance_m) AS d FROM acces_services GROUP BY qpv_code) s ON s.qpv_code = q.code
    WHERE ${where.length > 0 ? where.join(' AND ') : 'TRUE'}`;
  return Number(tableRows(await db.query(sql))[0]!.n);
}

/** Adds a chart from the picker, as a user does. */
async function addChart(id: string): Promise<void> {
  await page.getByTestId('dimension-picker').selectOption(id);
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator(`[data-dimension="${id}"] svg`).first().waitFor({ timeout: 60_000 });
}

/** Drags across a histogram's plot area from `from` to `to` (shares of its width). */
async function brushHistogram(id: string, from: number, to: number): Promise<void> {
  const svg = page.locator(`[data-dimension="${id}"] svg`).first();
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  // Plot area: 34 px of axis on the left, 10 on the right; bars above the 22-px axis.
  const [left, right, y] = [box.x + 34, box.x + box.width - 10, box.y + 40];
  await page.mouse.move(left + from * (right - left), y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(left + (from + ((to - from) * i) / 8) * (right - left), y);
  await page.mouse.up();
}

/** The table shows what SQL finds in the link's ranges, and says it in the panel too. */
async function expectSqlCount(): Promise<number> {
  await settle();
  const ranges = await urlRanges();
  const expected = await sqlCount(ranges);
  expect(await tableCount()).toBe(expected);
  expect(Number(await page.getByTestId('match-count').getAttribute('data-count'))).toBe(expected);
  return expected;
}

beforeAll(async () => {
  db = await connectToPublishedData(path.join(DIST_DIR, 'data'));
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await page.goto(server.url + START);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.locator('[data-dimension="ep"] svg').waitFor({ timeout: 60_000 });
  await settle();
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('crossing any dimensions', () => {
  test('three charts and the scatter plot added from the UI, each brushed: the table counts what SQL counts, the map greys the QPV left out, and the link gives the same picture', async () => {
    for (const id of ['risque', 'i_tp60', 'd_cio']) await addChart(id);
    await page.getByRole('button', { name: 'Afficher le nuage de points' }).click();
    const scatter = page.getByTestId('scatter');
    await scatter.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-dimension]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dimension')))).toEqual(['ep', 'risque', 'i_tp60', 'd_cio']);
    // Nothing brushed yet: every QPV.
    expect(await tableCount()).toBe(await sqlCount({}));
    await waitForMapDrawn(page);
    const before = await page.screenshot();

    // Each histogram brushed in turn.
    await brushHistogram('risque', 0.25, 0.98);
    const afterRisk = await expectSqlCount();
    await brushHistogram('i_tp60', 0.15, 0.95);
    await expectSqlCount();
    await brushHistogram('d_cio', 0.0, 0.5);
    const afterThree = await expectSqlCount();
    expect(Object.keys(await urlRanges()).sort()).toEqual(['d_cio', 'i_tp60', 'risque']);
    expect(afterThree).toBeLessThan(afterRisk);

    // The scatter plot's rectangle: risk (again) × distance to the nearest service.
    await scatter.scrollIntoViewIfNeeded();
    const plot = (await scatter.locator('svg').first().boundingBox())!;
    const [x0, x1, y0, y1] = [plot.x + 46, plot.x + plot.width - 12, plot.y + 22, plot.y + plot.height - 34];
    await page.mouse.move(x0 + 0.3 * (x1 - x0), y0 + 0.2 * (y1 - y0));
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x0 + (0.3 + 0.08 * i) * (x1 - x0), y0 + (0.2 + 0.1 * i) * (y1 - y0));
    await page.mouse.up();
    await expect.poll(() => scatter.getAttribute('data-brush')).not.toBe('');
    const final = await expectSqlCount();
    expect(Object.keys(await urlRanges()).sort()).toEqual(['d_cio', 'distance', 'i_tp60', 'risque']);
    expect(final).toBeGreaterThan(0);
    expect(final).toBeLessThanOrEqual(afterThree);

    // The map: the QPV left out are greyed.
    await waitForMapDrawn(page);
    const after = await page.screenshot();
    expect(differingShare(before, after, MAP_BOX)).toBeGreaterThan(0.002);

    // The link in a new page: the same charts, brushes, count and map.
    const copyPage = await openPage(browser, server.url);
    const copy = copyPage.page;
    await copy.goto(page.url());
    await waitForMark(copy, 'obs:duckdb-ready', 90_000);
    await copy.getByTestId('scatter').waitFor({ timeout: 60_000 });
    await settle(copy);
    expect(await tableCount(copy)).toBe(final);
    expect(await copy.locator('[data-dimension]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dimension')))).toEqual(['ep', 'risque', 'i_tp60', 'd_cio']);
    expect(await copy.getByTestId('scatter').getAttribute('data-brush')).toBe(await scatter.getAttribute('data-brush'));
    expect(await urlRanges(copy)).toEqual(await urlRanges());
    await waitForMapDrawn(copy);
    expect(differingShare(after, await copy.screenshot(), MAP_BOX)).toBeLessThan(0.01);
    await copyPage.close();
  });

  test('removing a chart drops its filter, and a fifth range waits for a free histogram', async () => {
    const count = await tableCount();
    await page.locator('[data-dimension="d_cio"]').getByRole('button', { name: 'Retirer' }).click();
    await settle();
    expect(Object.keys(await urlRanges()).sort()).toEqual(['distance', 'i_tp60', 'risque']);
    expect(await tableCount()).toBeGreaterThanOrEqual(count);
    expect(await tableCount()).toBe(await sqlCount(await urlRanges()));
    // Two histograms of ranges left: two more can be added; then a fifth range is offered but disabled.
    await addChart('ips');
    await addChart('postes');
    await expect.poll(() => page.getByTestId('dimension-picker').locator('option[value="dnb"]').isDisabled()).toBe(true);
    expect(await page.getByTestId('dimension-picker').locator('option[value="spheres"]').isDisabled()).toBe(false);
  });

  test('the question of DESIGN.md §2 is one link: the QPV of the Gard in the top third of risk, with no CIO within 3 km and no action « famille »', async () => {
    const [{ q }] = tableRows(
      await db.query("SELECT quantile_cont(r.score, 2 / 3) AS q FROM risque_decrochage r JOIN qpv ON qpv.code = r.qpv_code WHERE qpv.departement_code = '30' AND r.score IS NOT NULL"),
    ) as [{ q: number }];
    const threshold = Math.floor(q * 1e4) / 1e4;
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.goto(`${server.url}#onglet=filtres&territoire=departement:30&f_risque=${threshold}~100&f_d_cio=3000~100000&f_actions_famille=0~0`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    await p.locator('[data-dimension="actions_famille"] svg').first().waitFor({ timeout: 60_000 });
    await settle(p);
    const expected = Number(
      tableRows(
        await db.query(`
      SELECT count(*) AS n FROM qpv q
      JOIN risque_decrochage r ON r.qpv_code = q.code
      JOIN acces_services s ON s.qpv_code = q.code AND s.categorie = 'cio'
      WHERE q.departement_code = '30' AND r.score >= ${threshold} AND s.distance_m >= 3000
        AND NOT EXISTS (SELECT 1 FROM actions a WHERE list_contains(string_split(a.spheres, '|'), 'famille')
          AND (list_contains(string_split(a.qpv_code, '|'), q.code) OR (a.qpv_code IS NULL AND list_contains(string_split(a.commune_code, '|'), q.commune_code))))`),
      )[0]!.n,
    );
    expect(expected).toBeGreaterThan(0);
    expect(await tableCount(p)).toBe(expected);
    // Every QPV of the list is in the Gard.
    const departements = await p.locator('[data-testid="result-table"] tbody tr[data-code] td:nth-child(3)').allInnerTexts();
    expect(new Set(departements)).toEqual(new Set(['30']));
    await opened.close();
  });
});

