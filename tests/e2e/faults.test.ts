import type { Page, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForMark } from '../support/browser.ts';
import { colouredMapPixels, ENGINE_TEXT, mapStatusLine, openApp, PUBLISHED_ROWS, servedApp } from '../support/app-page.ts';

// Faults of the server, the network and the browser, simulated with `page.route` and init
// scripts (never by changing the app): each is said in French, naming the file or the cause,
// the technical detail goes to the console, and the rest of the app keeps working.

const app = servedApp();

const QPV_COUNT = PUBLISHED_ROWS.get('qpv')!;
const TABLE_COUNT = PUBLISHED_ROWS.size;

/** Serves the file of `route` with its bytes changed by `alter`. */
const alterBody = (alter: (body: Buffer) => Buffer) => async (route: Route) => {
  const response = await route.fetch();
  await route.fulfill({ response, body: alter(await response.body()) });
};

const statusText = (page: Page) => page.getByTestId('status').innerText();

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ }).fill(text);
}

/** The search answers with a commune of that name. */
async function expectSearchWorks(page: Page): Promise<void> {
  await searchFor(page, 'Toulouse');
  await expect.poll(() => page.getByRole('option').allInnerTexts(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('Toulouse'));
}

async function expectMapDrawn(page: Page): Promise<void> {
  expect(await mapStatusLine(page)).toBe(`Carte : ${QPV_COUNT} QPV affichés`);
  expect(await colouredMapPixels(page)).toBeGreaterThan(300);
}

describe('a published file that is missing, truncated or altered', () => {
  test('missing (404): the table is named with the cause, a view needing it says so, the rest loads', async () => {
    const { page, close, consoleLog } = await openApp(app.browser, app.url, 'onglet=couches&couches=qpv,lieux', (p) =>
      p.route('**/data/lieux.arrow', (route) => route.fulfill({ status: 404, body: 'Not Found' })),
      [/lieux\.arrow|404|table "lieux" not loaded/],
    );
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await expect.poll(() => statusText(page)).toContain(`DuckDB prêt · ${TABLE_COUNT - 1} tables`);
    expect(await page.getByTestId('failed-tables').innerText()).toBe('Table « lieux » non chargée : le fichier « lieux.arrow » n’a pas pu être chargé (HTTP 404).');
    await expect
      .poll(() => page.getByTestId('layer-panel').locator('.fr-error-text').innerText())
      .toBe('Couche indisponible : il faut la table « lieux », qui n’a pas pu être chargée : le fichier « lieux.arrow » n’a pas pu être chargé (HTTP 404)');
    await expectMapDrawn(page);
    await expectSearchWorks(page);
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    expect(consoleLog.join('\n')).toContain('/data/lieux.arrow: HTTP 404');
    await close();
  });

  test('truncated: refused by its size before use, named with both sizes; the map and search work', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'onglet=couches', (p) =>
      p.route(
        '**/data/etablissements.arrow',
        alterBody((body) => body.subarray(0, body.length >> 1)),
      ),
      [/etablissements\.arrow|table "etablissements" not loaded/],
    );
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const refused = /^le fichier « etablissements\.arrow » est incomplet ou périmé : [\d\s]+ octets reçus, [\d\s]+ octets attendus ; il n’est pas utilisé$/;
    await expect.poll(() => page.getByTestId('failed-tables').innerText()).toMatch(/^Table « etablissements » non chargée : /);
    expect((await page.getByTestId('failed-tables').innerText()).replace(/^Table « etablissements » non chargée : |\.$/g, '')).toMatch(refused);
    await expect.poll(() => page.getByTestId('layer-panel').locator('.fr-error-text').innerText()).toMatch(/^Couche indisponible : le fichier « etablissements\.arrow » est incomplet/);
    expect(await statusText(page)).toContain(`DuckDB prêt · ${TABLE_COUNT - 1} tables`);
    await expectMapDrawn(page);
    await expectSearchWorks(page);
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    await close();
  });

  test('altered (same size, one byte changed) on the first-paint path: never drawn, named; the basemap and the other tables load', async () => {
    const { page, close, consoleLog } = await openApp(app.browser, app.url, 'couches=qpv', (p) =>
      p.route(
        '**/data/qpv.arrow',
        alterBody((body) => {
          body[body.length >> 1]! ^= 0x01;
          return body;
        }),
      ),
      [/qpv\.arrow|table "qpv" not loaded/],
    );
    const altered = 'le fichier « qpv.arrow » ne correspond pas au manifeste des données (empreinte sha256 différente) ; il n’est pas utilisé';
    expect(await page.getByTestId('map-problem').innerText()).toBe(`Carte incomplète : ${altered}.`);
    expect(await mapStatusLine(page)).toBe('Carte : 0 QPV affichés');
    // Not one QPV drawn from the altered file.
    expect(await colouredMapPixels(page)).toBeLessThan(30);
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await expect.poll(() => statusText(page)).toContain(`DuckDB prêt · ${TABLE_COUNT - 1} tables`);
    expect(await page.getByTestId('failed-tables').innerText()).toBe(`Table « qpv » non chargée : ${altered}.`);
    // The search finds the territories without the QPV, and says why they are missing.
    await expectSearchWorks(page);
    await expect.poll(() => page.locator('.search-box .fr-error-text').innerText()).toBe(`Recherche incomplète : il faut la table « qpv », qui n’a pas pu être chargée : ${altered}`);
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    expect(consoleLog.join('\n')).toMatch(/qpv\.arrow: checksum sha256:[0-9a-f]{64}, the manifest says sha256:[0-9a-f]{64}/);
    await close();
  });
});

describe('the DuckDB worker failing to load', () => {
  test('is said with its file; the map is drawn and the places searched from the Arrow files; views needing the database say why', async () => {
    const { page, close } = await openApp(app.browser, app.url, '', (p) => p.route('**/duckdb-browser-eh.worker*.js', (route) => route.fulfill({ status: 404, body: 'Not Found' })), [/\/assets\/duckdb-browser(-eh\.worker)?-[\w-]+\.js/]);
    const worker = /\/assets\/duckdb-browser-eh\.worker-[\w-]+\.js : inaccessible \(le programme de la base n’a pas démarré\)/;
    const start = new RegExp(`la base de données du navigateur \\(DuckDB\\) n’a pas démarré — ${worker.source}`);
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(new RegExp(`Base DuckDB indisponible : ${worker.source}\\.`));
    await expectMapDrawn(page);
    await expect.poll(() => page.getByTestId('indicator-panel').locator('.fr-error-text').innerText()).toMatch(new RegExp(`^Indicateur indisponible : ${start.source}$`));
    // The QPV and territories are found without DuckDB; the schools, Cités and PRE are not, and it says why.
    await expectSearchWorks(page);
    await expect.poll(() => page.locator('.search-box .fr-error-text').innerText()).toMatch(new RegExp(`^Recherche des écoles, Cités éducatives et PRE impossible : ${start.source}$`));
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    await close();
  });
});

const VALID_CSV = ['id;titre;spheres;tranches;commune_code;financement;source', 'ecrans-tout-petits;Ateliers écrans et tout-petits;Virtualité|Famille;0-3;33119;Droit commun;saisie de test e2e'].join('\n');
const catalogueCount = async (page: Page) => Number(/\((\d+)\)/.exec((await page.locator('#catalogue-title').textContent()) ?? '')?.[1]);

/** Imports VALID_CSV on the actions page; returns the French outcome. */
async function importActions(page: Page): Promise<string> {
  await page.getByTestId('actions-import').locator('input[type=file]').setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: Buffer.from(VALID_CSV) });
  const outcome = page.getByTestId('actions-import-result').locator('.fr-error-text, .fr-alert');
  await outcome.waitFor({ timeout: 30_000 });
  return outcome.innerText();
}

describe('browser storage disabled or full', () => {
  test.each([
    [
      'disabled (localStorage and IndexedDB refused, as when a browser keeps no site data)',
      () => {
        const denied = () => {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        };
        Object.defineProperty(window, 'localStorage', { configurable: true, get: denied });
        IDBFactory.prototype.open = denied;
      },
      'le stockage du navigateur est indisponible (désactivé, ou navigation privée)',
    ],
    [
      'full (IndexedDB refuses every write)',
      () => {
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      'le stockage du navigateur est plein',
    ],
  ])('%s: the app works, an import is refused whole and says why', async (_what, script, why) => {
    const { page, close } = await openApp(app.browser, app.url, 'vue=actions', (p) => p.addInitScript(script), [/^actions locales non rechargées/]);
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const published = PUBLISHED_ROWS.get('actions')!;
    await expect.poll(() => catalogueCount(page), { timeout: 30_000 }).toBe(published);
    expect(await importActions(page)).toBe(`« actions.csv » : ${why}. Rien n’a changé : les actions locales précédentes sont gardées.`);
    // Nothing applied, nothing kept.
    expect(await catalogueCount(page)).toBe(published);
    expect(await page.getByTestId('actions-locales').innerText().catch(() => '')).not.toMatch(/\d+ actions? locales?/);
    await page.reload();
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await expect.poll(() => catalogueCount(page), { timeout: 30_000 }).toBe(published);
    expect(await mapStatusLine(page)).toBe(`Carte : ${QPV_COUNT} QPV affichés`);
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    await close();
  });
});

describe('a part of the code that cannot be loaded', () => {
  test('the Filtres tab says so in its place; the map, the search and the other tabs stay', async () => {
    const { page, close } = await openApp(
      app.browser,
      app.url,
      'onglet=filtres',
      (p) => p.route('**/assets/cross-filter-panel-*.js', (route) => route.fulfill({ status: 404, body: 'Not Found' })),
      [/cross-filter-panel-[\w-]+\.js|lazy part \(les filtres\)/],
    );
    await expect.poll(() => page.locator('.fr-error-text').allInnerTexts(), { timeout: 30_000 }).toContain('Impossible d’afficher les filtres : rechargez la page.');
    await expectMapDrawn(page);
    await expectSearchWorks(page);
    await page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ }).press('Escape');
    await page.getByRole('tab', { name: 'Couches' }).click();
    await expect.poll(() => page.getByTestId('layer-panel').count()).toBe(1);
    await close();
  });
});
