import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { countPixels, expectPagesClean, launchChromium, openPage, queryInPage, REPO_ROOT, startPreview, waitForMark } from '../support/browser.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/e2e/artifacts');

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), await page.screenshot());
}

const matrix = () => page.getByTestId('territoire').getByTestId('parcours-matrix').first();
const cell = (tranche: string, sphere: string): Locator => matrix().locator(`td[data-tranche="${tranche}"][data-sphere="${sphere}"]`);
const catalogueCount = async () => Number(/\((\d+)\)/.exec((await page.locator('#catalogue-title').textContent()) ?? '')?.[1]);

async function openTerritory(hash: string): Promise<void> {
  await page.goto(`${server.url}#${hash}`);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await matrix().waitFor({ timeout: 60_000 });
}

async function importFile(name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('actions-import').locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('actions-import-result').locator('.fr-alert').waitFor({ timeout: 30_000 });
}

// A commune of the recueil (Cenon, 33): fiches 3, 6 and 9.
const CENON = 'panneau=territoire&territoire=commune:33119';
const VALID_CSV = ['id;titre;spheres;tranches;commune_code;financement;source', 'ecrans-tout-petits;Ateliers écrans et tout-petits;Virtualité|Famille;0-3;33119;Droit commun;saisie de test e2e'].join('\n');
const BROKEN_CSV = ['titre;spheres;tranches;commune_code;source', 'Atelier;sport;0-3;33119;saisie', ';famille;0 à 4 ans;331;saisie'].join('\n');

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await openTerritory(CENON);
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Territoire: the parcours matrix of a commune of the recueil', () => {
  test('shows the commune, its matrix with gaps flagged in words', async () => {
    await expect.poll(() => page.locator('#territoire-title').textContent()).toBe('Cenon');
    expect(await matrix().locator('tbody tr').count()).toBe(5);
    expect(await matrix().locator('thead th[scope=col]').allTextContents()).toEqual(['Famille', 'École', 'Tiers-lieux éducatifs', 'Quartier', 'Virtualité']);
    const gaps = matrix().locator('td[data-gap=true]');
    expect(await gaps.count()).toBeGreaterThan(0);
    expect(await cell('0-3', 'virtualite').textContent()).toBe('aucune action');
    expect(await cell('0-3', 'virtualite').getByRole('button').getAttribute('aria-label')).toBe('0–3 ans, Virtualité : aucune action (besoin non couvert)');
    await screenshot('territoire-cenon');
  });

  test('clicking a cell lists its actions, marks the cell as chosen and rings the actions on the map', async () => {
    // The map between the left panel and the territory panel; the actions' symbol and ring are plum.
    const mapBox = { x: 410, y: 130, width: 220, height: 420 };
    const isPlum = (r: number, g: number, b: number) => Math.abs(r - 160) < 30 && Math.abs(g - 69) < 30 && Math.abs(b - 127) < 30;
    const plumPixels = async () => countPixels(await page.screenshot(), isPlum, mapBox).matching;
    const before = await plumPixels();
    await cell('11-15', 'ecole').getByRole('button').click();
    await expect.poll(plumPixels, { timeout: 20_000 }).toBeGreaterThan(before + 40);
    const listed = page.getByTestId('territoire-case').locator('[data-action-id]');
    await listed.first().waitFor();
    const ids = await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
    expect(ids).toEqual(expect.arrayContaining(['fiche-03', 'fiche-06']));
    expect(ids).toHaveLength(Number(await cell('11-15', 'ecole').textContent()));
    expect(await cell('11-15', 'ecole').getByRole('button').getAttribute('aria-pressed')).toBe('true');
    // A gap answers too.
    await cell('0-3', 'virtualite').getByRole('button').click();
    await expect.poll(() => page.getByTestId('territoire-case').textContent()).toContain('Aucune action : besoin non couvert.');
  });

  test('an action of the list opens its fiche with its source', async () => {
    await page.getByTestId('territoire-actions').locator('[data-action-id="fiche-06"] button').click();
    const fiche = page.getByTestId('action-fiche');
    await expect.poll(() => fiche.textContent()).toContain('seeds/000_9047d71bbe43d373.txt');
    expect(await fiche.textContent()).toContain('Consortium Erasmus+');
    await fiche.getByRole('button', { name: 'Retour' }).click();
  });

  test('the territory picker, unfolded, fits in the panel', async () => {
    const picker = page.locator('.territoire__picker');
    await picker.locator('summary').click();
    const panel = (await page.locator('.side-panel').boundingBox())!;
    const controls = await picker.locator('select, input').all();
    expect(controls).toHaveLength(2);
    for (const control of controls) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
    await picker.locator('summary').click();
  });
});

describe('Actions: import of the template, all or nothing, kept in the browser', () => {
  let published: number;

  test('the catalogue lists every published action', async () => {
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByTestId('actions-catalogue').waitFor();
    await expect.poll(catalogueCount).toBeGreaterThan(0);
    published = await catalogueCount();
    const [actions] = await queryInPage(page, 'SELECT count(*) AS n FROM actions');
    expect(published).toBe(actions!.n);
  });

  test('a broken file lists its errors by line and column, and changes nothing', async () => {
    await importFile('actions-cassees.csv', 'text/csv', Buffer.from(BROKEN_CSV));
    const rows = page.getByTestId('actions-import-errors').locator('tbody tr');
    const located = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-line')} ${tr.getAttribute('data-column')}`));
    expect(located).toEqual(['2 spheres', '3 titre', '3 commune_code', '3 tranches']);
    expect(await page.getByTestId('actions-import-errors').textContent()).toContain('rien n’a été importé');
    expect(await catalogueCount()).toBe(published);
    expect(await page.getByTestId('actions-locales').count()).toBe(0);
    await screenshot('actions-import-erreurs');
  });

  test('a valid file adds local actions: the catalogue and the matrix count them', async () => {
    await importFile('actions-cenon.csv', 'text/csv', Buffer.from(VALID_CSV));
    expect(await page.getByTestId('actions-import-result').textContent()).toContain('1 action importée');
    await expect.poll(catalogueCount).toBe(published + 1);
    expect(await page.getByTestId('actions-locales').textContent()).toContain('actions-cenon.csv');
    await openTerritory(CENON);
    await expect.poll(() => cell('0-3', 'virtualite').textContent(), { timeout: 30_000 }).toBe('1');
    expect(await cell('0-3', 'virtualite').getAttribute('data-gap')).toBe('false');
  });

  test('local actions survive a reload; an XLSX file from the template replaces them', async () => {
    await page.reload();
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await matrix().waitFor();
    await expect.poll(() => cell('0-3', 'virtualite').textContent(), { timeout: 30_000 }).toBe('1');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('actions');
    sheet.addRow(['titre', 'spheres', 'tranches', 'commune_code', 'source']);
    sheet.addRow(['Café des parents du mercredi', 'Famille', '0-3|3-6', 33119, 'saisie de test e2e (XLSX)']);
    sheet.addRow(['Club numérique collège', 'Virtualité', '11-15', 33119, 'saisie de test e2e (XLSX)']);
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await importFile('actions.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await page.getByTestId('actions-import-result').textContent()).toContain('2 actions importées');
    await expect.poll(catalogueCount).toBe(published + 2);
  });
});
