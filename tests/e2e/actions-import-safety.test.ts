import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { LEGACY_STORAGE_KEY } from '../../src/db/local-actions-storage.ts';
import { servedApp } from '../support/app-page.ts';
import { openPage, waitForMark } from '../support/browser.ts';

/*
 * The actions import is all or nothing across DuckDB and the browser's storage. The storage is
 * made to fail as a full browser fails it: `IDBObjectStore.put` / `Storage.setItem` throw a
 * QuotaExceededError while the page's `__storageFull` is set (an init script, so a reload
 * starts with working storage). The page and the page after a reload must show the same set
 * of local actions: the old one after a failed import, the new one after a successful one.
 */
const FULL_STORAGE = `(() => {
  const full = () => { if (window.__storageFull) throw new DOMException('quota exceeded (test)', 'QuotaExceededError'); };
  for (const [proto, names] of [[IDBObjectStore.prototype, ['put', 'add']], [Storage.prototype, ['setItem']]]) {
    for (const name of names) {
      const original = proto[name];
      proto[name] = function (...args) { full(); return original.apply(this, args); };
    }
  }
})();`;


const csv = (rows: readonly string[]) => Buffer.from(['id;titre;spheres;tranches;commune_code;source', ...rows].join('\n'));
const FILE_A = csv(['essai-a;Atelier lecture du soir;Famille;6-11;33119;saisie de test e2e']);
const FILE_B = csv(['essai-b1;Club échecs du collège;École;11-15;33119;saisie de test e2e', 'essai-b2;Sortie nature en famille;Famille|Quartier;3-6;33119;saisie de test e2e']);
const tooManyRows = (n: number) => csv(Array.from({ length: n }, (_, i) => `;Action ${i};Famille;6-11;33119;saisie`));

const app = servedApp();

async function newPage(): Promise<Page> {
  const { page } = await openPage(app.browser, app.url);
  await page.addInitScript(FULL_STORAGE);
  return page;
}

/** The actions page, once DuckDB and the kept local actions are loaded. */
async function openActions(page: Page, reload = false): Promise<void> {
  if (reload) await page.reload();
  else await page.goto(`${app.url}#vue=actions`);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.getByTestId('actions-catalogue').waitFor();
  await page.locator('#catalogue-origine').selectOption('locales');
}

/** Ids of the local actions the catalogue lists (its « Locales » filter). */
async function localIds(page: Page): Promise<string[]> {
  const rows = page.getByTestId('actions-catalogue').locator('[data-action-id]');
  await expect.poll(() => page.locator('#catalogue-title').textContent(), { timeout: 30_000 }).not.toContain('…');
  return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id') ?? ''))).sort();
}

async function importFile(page: Page, name: string, buffer: Buffer): Promise<string> {
  const result = page.getByTestId('actions-import-result');
  await page.getByTestId('actions-import').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await result.locator('.fr-alert, .fr-error-text').waitFor({ timeout: 60_000 });
  return (await result.textContent()) ?? '';
}

const keptLine = (page: Page) => page.getByTestId('actions-locales').textContent();

describe('Actions import: the page and the storage change together, or neither does', () => {
  let page: Page;

  test('a first import is kept', async () => {
    page = await newPage();
    await openActions(page);
    expect(await importFile(page, 'actions-a.csv', FILE_A)).toContain('1 action importée');
    await expect.poll(() => localIds(page)).toEqual(['essai-a']);
  });

  test('with the storage full, an import says so in French and the old set stays, in the page and after a reload', async () => {
    await page.evaluate(() => Object.assign(window, { __storageFull: true }));
    const message = await importFile(page, 'actions-b.csv', FILE_B);
    expect(await localIds(page)).toEqual(['essai-a']);
    expect(message).toContain('« actions-b.csv » : le stockage du navigateur est plein. Rien n’a changé : les actions locales précédentes sont gardées.');
    expect(await keptLine(page)).toContain('actions-a.csv');
    await openActions(page, true);
    await expect.poll(() => localIds(page), { timeout: 30_000 }).toEqual(['essai-a']);
    expect(await keptLine(page)).toContain('1 action locale (« actions-a.csv »');
  });

  test('with the storage working again, the import is kept and survives a reload', async () => {
    expect(await importFile(page, 'actions-b.csv', FILE_B)).toContain('2 actions importées');
    await expect.poll(() => localIds(page)).toEqual(['essai-b1', 'essai-b2']);
    await openActions(page, true);
    await expect.poll(() => localIds(page), { timeout: 30_000 }).toEqual(['essai-b1', 'essai-b2']);
    expect(await keptLine(page)).toContain('2 actions locales (« actions-b.csv »');
  });

  test('a file over 20,000 rows is refused, naming the limit, and changes nothing', async () => {
    const message = await importFile(page, 'trop-long.csv', tooManyRows(20_001));
    expect(message).toMatch(/« trop-long\.csv » refusé : Le fichier dépasse 20\s000 lignes \(20\s001 lignes d’actions ; limite : 20\s000\)\. Rien n’a été importé\./);
    expect(await localIds(page)).toEqual(['essai-b1', 'essai-b2']);
    await openActions(page, true);
    await expect.poll(() => localIds(page), { timeout: 30_000 }).toEqual(['essai-b1', 'essai-b2']);
  });
});

describe('Actions import: what an earlier version kept is never dropped on load', () => {
  test.each([
    ['over the row limit', JSON.stringify({ fichier: 'ancien.csv', importeLe: '2026-01-01T00:00:00.000Z', lignes: Array.from({ length: 20_001 }, (_, i) => ({ line: i + 2, cells: { titre: `Action ${i}`, spheres: 'famille', source: 'saisie' } })) }), /actions locales de « ancien\.csv » non rechargées : Le fichier dépasse 20\s000 lignes .* elles restent enregistrées dans ce navigateur/],
    ['unreadable', '{"fichier": "ancien.csv", "lignes": [', /actions locales enregistrées illisibles : non rechargées ; elles restent enregistrées dans ce navigateur/],
  ])('localStorage data %s is reported on each load, and kept', async (_, stored, expected) => {
    const page = await newPage();
    await openActions(page);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [LEGACY_STORAGE_KEY, stored]);
    for (let load = 0; load < 2; load++) {
      await openActions(page, true);
      await expect.poll(() => page.getByTestId('actions-locales-error').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(expected);
      expect(await localIds(page)).toEqual([]);
    }
  });
});
