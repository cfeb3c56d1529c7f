import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { queryInPage, waitForMark } from '../support/browser.ts';
import { ENGINE_TEXT, mapStatusLine, openApp, PUBLISHED_ROWS, servedApp } from '../support/app-page.ts';

// The read-only SQL console of the Données panel, in the built app: it answers as the app
// does, refuses what is not a reading query in French, and changes nothing the app shows.

const app = servedApp();

/** The same question as the console's example « QPV à 3 km ou plus du CIO le plus proche ». */
const FAR_FROM_CIO = 'onglet=filtres&f_d_cio=3000~100000&panneau=donnees';

/** The count of the app's result table under the map, once its filters are applied. */
async function appTableCount(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') !== '', null, { timeout: 60_000 });
  return Number(await page.getByTestId('result-count').getAttribute('data-count'));
}

async function waitForConsole(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="workbench-status"]')?.getAttribute('data-status') === 'ready', null, { timeout: 90_000 });
}

/** Runs `sql` in the console; resolves to its row count once shown. */
async function runInConsole(page: Page, sql: string): Promise<number> {
  await page.getByTestId('workbench-editor').fill(sql);
  await page.getByRole('button', { name: 'Exécuter' }).click();
  await expect.poll(() => page.getByTestId('workbench-outcome').getAttribute('data-count'), { timeout: 30_000 }).not.toBeNull();
  return Number(await page.getByTestId('workbench-outcome').getAttribute('data-count'));
}

describe('SQL console', () => {
  test('loaded on first use; answers as the app’s result table; its query round-trips through the link', async () => {
    const { page, close } = await openApp(app.browser, app.url, FAR_FROM_CIO);
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const appCount = await appTableCount(page);
    expect(appCount).toBeGreaterThan(0);
    // Not in the first paint's code: its chunk comes with the click.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('sql-workbench')))).toEqual([]);
    await page.getByRole('button', { name: 'Console SQL (lecture seule)' }).click();
    await waitForConsole(page);
    expect(loaded.some((url) => /sql-workbench-[^/]*\.js$/.test(url))).toBe(true);

    await page.getByLabel('Exemples de requêtes').selectOption('qpv-loin-cio');
    const sql = await page.getByTestId('workbench-editor').inputValue();
    expect(sql).toContain("a.categorie = 'cio' AND a.distance_m >= 3000");
    await page.getByRole('button', { name: 'Exécuter' }).click();
    await expect.poll(() => page.getByTestId('workbench-outcome').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(appCount));
    expect(await page.getByTestId('workbench-results').locator('tbody tr:not([aria-hidden])').count()).toBeGreaterThan(0);

    // The query run is in the link, line breaks and quotes as written.
    const link = page.url();
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('sql')).toBe(sql);
    await close();

    const again = await openApp(app.browser, app.url, new URL(link).hash.slice(1));
    await waitForConsole(again.page);
    expect(await again.page.getByTestId('workbench-editor').inputValue()).toBe(sql);
    // Shown, not run: a link never runs SQL on its own.
    expect(await again.page.getByTestId('workbench-outcome').count()).toBe(0);
    await again.page.getByRole('button', { name: 'Exécuter' }).click();
    await expect.poll(() => again.page.getByTestId('workbench-outcome').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(appCount));
    await again.close();
    // Three cold starts of DuckDB-WASM (the app's, the console's twice) on two shared cores.
  }, 240_000);

  test('markup in a linked query is text: shown in the editor, not run, its result cell text too', async () => {
    const sql = `SELECT '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>' AS balisage`;
    const { page, close } = await openApp(app.browser, app.url, `panneau=donnees&sql=${encodeURIComponent(sql)}`);
    await waitForConsole(page);
    expect(await page.getByTestId('workbench-editor').inputValue()).toBe(sql);
    expect(await page.getByTestId('workbench-outcome').count()).toBe(0);
    await page.getByRole('button', { name: 'Exécuter' }).click();
    await expect.poll(() => page.getByTestId('workbench-outcome').getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId('workbench-results').locator('tbody td').first().innerText()).toBe('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src=x], script:not([src])').count()).toBe(0);
    await close();
  });

  test('DROP, INSERT, COPY, ATTACH and read_csv(http…) are refused in French and change nothing; a long query can be interrupted', async () => {
    const { page, close } = await openApp(app.browser, app.url, FAR_FROM_CIO);
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const appCount = await appTableCount(page);
    await page.getByRole('button', { name: 'Console SQL (lecture seule)' }).click();
    await waitForConsole(page);
    const refusals: [string, string][] = [
      ['DROP TABLE qpv', 'L’instruction DROP est refusée'],
      ["INSERT INTO qpv (code, nom) VALUES ('QP999999', 'Inventé')", 'L’instruction INSERT est refusée'],
      ["COPY qpv TO 'qpv.csv'", 'L’instruction COPY est refusée'],
      ["ATTACH 'autre.duckdb' AS autre", 'L’instruction ATTACH est refusée'],
      ["SELECT * FROM read_csv('http://exemple.fr/donnees.csv')", 'La fonction read_csv() est refusée'],
      ["SELECT * FROM 'https://exemple.fr/donnees.parquet'", 'L’adresse « https://exemple.fr/donnees.parquet » est refusée'],
      ['SELECT 1; DROP TABLE qpv', 'Une seule requête à la fois'],
    ];
    for (const [sql, message] of refusals) {
      await page.getByTestId('workbench-editor').fill(sql);
      await page.getByRole('button', { name: 'Exécuter' }).click();
      await expect.poll(() => page.getByTestId('workbench-message').innerText(), { timeout: 30_000 }).toContain(message);
      expect(await page.getByTestId('workbench-message').getAttribute('data-status')).toBe('refused');
    }
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);

    // The console's own tables are intact…
    expect(await runInConsole(page, 'SELECT * FROM qpv')).toBe(PUBLISHED_ROWS.get('qpv'));
    expect(await runInConsole(page, "SELECT * FROM qpv WHERE code = 'QP999999'")).toBe(0);
    // The export, for French Excel: BOM, « ; », the query and the sources of the tables read.
    expect(await runInConsole(page, "SELECT code, nom, lon FROM qpv WHERE code = 'QP066007'")).toBe(1);
    const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Exporter en CSV' }).click()])) as [Download, void];
    expect(download.suggestedFilename()).toBe('requete-sql.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcode;nom;lon');
    expect(lines[1]).toMatch(/^QP066007;[^;]+;2,\d+$/);
    expect(lines[3]).toMatch(/^Sources : .*ANCT/);
    expect(lines[4]).toContain("requête de la console SQL : SELECT code, nom, lon FROM qpv WHERE code = 'QP066007'");
    // …and so are the app's: every table, the map, the result table.
    for (const [table, rows] of PUBLISHED_ROWS) {
      const [{ n }] = (await queryInPage(page, `SELECT count(*) AS n FROM "${table}"`)) as [{ n: number }];
      expect(n, table).toBe(rows);
    }
    expect(await mapStatusLine(page)).toBe(`Carte : ${PUBLISHED_ROWS.get('qpv')} QPV affichés`);
    expect(await appTableCount(page)).toBe(appCount);
    // A query DuckDB cannot run: a French sentence, DuckDB's words only in the folded detail.
    await page.getByTestId('workbench-editor').fill('SELECT colonne_inconnue FROM qpv');
    await page.getByRole('button', { name: 'Exécuter' }).click();
    await expect.poll(() => page.getByTestId('workbench-message').getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await page.getByTestId('workbench-message').locator('p').innerText()).toBe('La requête nomme une table, une colonne ou une fonction qui n’existe pas dans les données publiées.');
    // A query that would run for hours (a cross product, streamed: no memory to run out of) is interrupted: the console starts again and answers.
    await page.getByTestId('workbench-editor').fill('SELECT sum(a.lat * b.lon * c.lat) FROM etablissements a, etablissements b, lieux c');
    await page.getByRole('button', { name: 'Exécuter' }).click();
    await page.locator('[data-testid="workbench-outcome"][data-status="running"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Interrompre' }).click();
    await page.locator('[data-testid="workbench-outcome"][data-status="interrupted"]').waitFor({ timeout: 30_000 });
    await waitForConsole(page);
    expect(await runInConsole(page, 'SELECT * FROM qpv')).toBe(PUBLISHED_ROWS.get('qpv'));
    await close();
  });
});
