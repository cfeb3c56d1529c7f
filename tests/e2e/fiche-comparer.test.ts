import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { countPixels, expectPagesClean, isQpvPixel, launchChromium, mapView, openPage, queryInPage, REPO_ROOT, startPreview, waitForMapDrawn, waitForMark } from '../support/browser.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/e2e/artifacts');

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;
/** QPV codes in the order they were added to the comparison. */
const added: string[] = [];

async function screenshot(name: string): Promise<Buffer> {
  const png = await page.screenshot();
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), png);
  return png;
}

async function downloaded(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()])) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/**
 * A point of the map where a QPV is drawn and nothing lies over the map (panels, tables):
 * scanned from the middle of the map outwards on the screenshot.
 */
async function qpvPointOnMap(png: Buffer): Promise<{ x: number; y: number }> {
  const image = PNG.sync.read(png);
  const candidates: { x: number; y: number; d: number }[] = [];
  const [cx, cy] = [image.width / 2, image.height / 2];
  for (let y = 130; y < image.height - 20; y += 4) {
    for (let x = 10; x < image.width - 10; x += 4) {
      const o = (y * image.width + x) * 4;
      if (isQpvPixel(image.data[o]!, image.data[o + 1]!, image.data[o + 2]!)) candidates.push({ x, y, d: Math.hypot(x - cx, y - cy) });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  for (const c of candidates) {
    const onCanvas = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains('maplibregl-canvas') ?? false, [c.x, c.y]);
    if (onCanvas) return c;
  }
  throw new Error('no QPV drawn on a visible part of the map');
}

/** The pointer moved off the map: once no tooltip shows, the map drawn without a hover highlight. */
async function mapWithoutHover(): Promise<void> {
  await expect.poll(() => page.locator('.deck-tooltip').filter({ visible: true }).count()).toBe(0);
  await waitForMapDrawn(page);
}

/** Options of the map's search box (the indicator <select> has options too). */
const searchOptions = () => page.locator('.app__panel .search-box').getByRole('option');
const comparerTable = () => page.getByTestId('comparer-table');
const headCodes = () => comparerTable().locator('thead th[data-qpv]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-qpv')));

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await page.goto(server.url);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.getByTestId('legend').waitFor();
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('fiche QPV, Comparer and exports in Chromium', () => {
  test('a click on a QPV polygon opens its fiche, which adds it to the comparison', async () => {
    // The legend dates the poverty rate as indicateurs_meta does: no INSEE edition given as the year observed.
    expect(await page.getByTestId('legend').locator('..').locator('figcaption').innerText()).toBe('Taux de pauvreté (seuil 60 %) — INSEE, publié en 2019, année observée non précisée');
    const input = page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ });
    await input.fill('perpignan');
    await expect.poll(() => searchOptions().first().innerText()).toContain('Perpignan');
    await input.press('Enter');
    await expect.poll(async () => (await mapView(page)).zoom, { timeout: 15_000 }).toBeGreaterThan(10);
    await page.mouse.move(5, 400);
    await mapWithoutHover();
    const point = await qpvPointOnMap(await page.screenshot());
    await page.mouse.click(point.x, point.y);

    const fiche = page.getByTestId('fiche-qpv');
    await expect.poll(() => fiche.getByTestId('fiche-identite').count(), { timeout: 20_000 }).toBe(1);
    const code = await fiche.getByTestId('fiche-identite').locator('code').innerText();
    expect(code).toMatch(/^QP066\d{3}$/);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('qpv')).toBe(code);
    const [sql] = await queryInPage(page, `SELECT nom FROM qpv WHERE code = '${code}'`);
    expect(await fiche.locator('h2').innerText()).toBe(sql!.nom);
    // Every indicator with its three references; the sections below are there.
    expect(await fiche.locator('tbody tr[data-indicateur]').count()).toBe(41);
    for (const col of ['valeur', 'departement', 'region', 'qpv', 'rang']) expect(await fiche.locator(`tr[data-indicateur="tp60"] td[data-col="${col}"]`).innerText()).not.toBe('');
    // Each indicator with the year it describes: 2013 for the population, else that it is not known.
    const year = (id: string) => fiche.locator(`tr[data-indicateur="${id}"] th .fiche__year`).innerText();
    expect([await year('pop_mun'), await year('tp60'), await year('tx_tot_empl')]).toEqual(['(2013)', '(publié en 2019, année observée non précisée)', '(publié en 2020, année observée non précisée)']);
    expect(await fiche.getByTestId('fiche-identite').innerText()).toMatch(/ habitants \(2013\)$/);
    // The references name the QPV they are taken over: the loaded ones, counted from the data, not France's.
    const [loaded] = await queryInPage(page, `SELECT count(*) AS n, count(*) FILTER (WHERE departement_code = '66') AS pyr FROM qpv`);
    const head = fiche.getByTestId('fiche-indicateurs').locator('thead');
    expect(await head.locator('th[data-col="qpv"] abbr').innerText()).toBe(`${loaded!.n} QPV chargés`);
    expect(await head.locator('th[data-col="qpv"] abbr').getAttribute('title')).toBe(`Médiane des ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine`);
    expect(await head.locator('abbr', { hasText: 'Dép.' }).getAttribute('title')).toBe(`Médiane des ${loaded!.pyr} QPV du département (Pyrénées-Orientales)`);
    expect(await fiche.getByTestId('fiche-indicateurs').locator('caption').innerText()).toContain(`(les ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine)`);
    expect(await fiche.getByTestId('fiche-indicateurs').innerText()).not.toMatch(/tous (les )?QPV|France|national/i);
    // Each median says how many QPV of its set have a value: INSEE gives none for some (Ille-et-Vilaine).
    const [tp60] = await queryInPage(page, "SELECT count(valeur) AS n FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv'");
    expect(tp60!.n).toBeLessThan(loaded!.n as number);
    expect(await fiche.locator('tr[data-indicateur="tp60"] td[data-col="qpv"]').getAttribute('title')).toBe(`médiane de ${tp60!.n} QPV ayant une valeur`);
    await expect.poll(() => fiche.getByTestId('fiche-actions').locator('[data-sphere]').count()).toBe(5);
    await screenshot('fiche-depuis-la-carte');

    await fiche.getByRole('button', { name: 'Ajouter à la comparaison' }).click();
    await expect.poll(() => fiche.getByRole('button', { name: /Dans la comparaison \(1\)/ }).count()).toBe(1);
    added.push(code);
  });

  test('exports the fiche as CSV: the risk index first, as published under the default weights, then every indicator', async () => {
    const code = added[0]!;
    const { name, bytes } = await downloaded(() => page.getByTestId('fiche-qpv').getByRole('button', { name: 'Exporter (CSV)' }).click());
    expect(name).toBe(`fiche-${code}.csv`);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('Code QPV;Nom du QPV;Commune(s);Département;Thème;Indicateur;')).toBe(true);
    const [loaded] = await queryInPage(
      page,
      `SELECT count(*) AS n, count(*) FILTER (WHERE departement_code = '66') AS pyr, count(*) FILTER (WHERE region_code = '76') AS occitanie FROM qpv`,
    );
    expect(lines[0]).toContain(`;Médiane des ${loaded!.pyr} QPV du département (Pyrénées-Orientales);Médiane des ${loaded!.occitanie} QPV de la région (Occitanie);`);
    expect(lines[0]).toContain(`;Médiane des ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine;Écart à la médiane des ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine;`);
    const risk = lines[1]!.split(';');
    expect(risk.slice(0, 1).concat(risk.slice(4, 6))).toEqual([code, 'Risque de décrochage', 'Indice de risque de décrochage (calcul de l’observatoire)']);
    const [published] = await queryInPage(page, `SELECT score FROM risque_decrochage WHERE qpv_code = '${code}'`);
    expect(Number(risk[8]!.replace(',', '.'))).toBeCloseTo(published!.score as number, 6);
    expect(lines.filter((l) => l.startsWith(`${code};`))).toHaveLength(42);
    // Its sources line names the producers of the index's components too.
    expect(lines.at(-3)).toMatch(/^Sources : .*DEPP/);
  });

  test('the fiche has a full page with its own URL, printed on A4 without the map', async () => {
    await page.getByTestId('fiche-qpv').getByRole('button', { name: 'Pleine page' }).click();
    await expect.poll(() => page.url()).toContain('vue=fiche');
    const fiche = page.getByTestId('fiche-qpv');
    await expect.poll(() => fiche.getAttribute('data-layout')).toBe('page');
    await expect.poll(() => fiche.getByTestId('fiche-indicateurs').locator('th:has-text("Centile")').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => ['.fr-header', '.map-view', '.app__left'].map((s) => getComputedStyle(document.querySelector(s)!).display));
    expect(hidden).toEqual(['none', 'none', 'none']);
    expect(await fiche.isVisible()).toBe(true);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    // A4 in points (210 × 297 mm), as the print stylesheet's @page asks.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
    expect(Number(box[1])).toBeCloseTo(595.3, -1);
    expect(Number(box[2])).toBeCloseTo(841.9, -1);
    await page.emulateMedia({ media: 'screen' });
    await fiche.getByRole('button', { name: 'Retour à la carte' }).click();
    await expect.poll(() => page.url()).not.toContain('vue=');
  });

  test('two more QPV join the comparison: one from its fiche, one from the search of the Comparer page', async () => {
    const input = page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ });
    await input.fill('QP034004');
    await expect.poll(() => searchOptions().first().innerText()).toContain('QP034004');
    await searchOptions().first().click();
    const fiche = page.getByTestId('fiche-qpv');
    await expect.poll(() => fiche.getByTestId('fiche-identite').locator('code').innerText().catch(() => '')).toBe('QP034004');
    // Celleneuve, in Montpellier beside La Mosson, whose Cité is drawn on its QPV (Mosson), not on the commune.
    await expect.poll(() => fiche.getByTestId('fiche-programmes').innerText()).toContain('Aucune Cité éducative recensée dont le périmètre comprend ce QPV.');
    await fiche.getByRole('button', { name: 'Ajouter à la comparaison' }).click();
    added.push('QP034004');

    await page.getByRole('button', { name: 'Comparer (2)' }).first().click();
    await expect.poll(() => page.url()).toContain(`vue=comparer`);
    const search = page.getByRole('combobox', { name: /Ajouter un QPV à la comparaison/ });
    await search.fill('QP031001');
    await expect.poll(() => page.getByTestId('comparer').getByRole('option').first().innerText()).toContain('QP031001');
    await search.press('Enter');
    added.push('QP031001');
    await expect.poll(headCodes).toEqual(added);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('comparer')).toBe(added.join(','));
  });

  test('the comparison shows the same rows as the fiche, values as SQL gives them, best and worst in words', async () => {
    const table = comparerTable();
    // The published indicators, after the risk index.
    await expect.poll(() => table.locator('tbody tr[data-indicateur]').count()).toBe(42);
    expect(await table.locator('tbody tr[data-indicateur]').first().getAttribute('data-indicateur')).toBe('risque_decrochage');
    const sql = await queryInPage(page, `SELECT territoire_code AS code, valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code IN ('${added.join("','")}')`);
    const row = table.locator('tr[data-indicateur="tp60"]');
    for (const { code, valeur } of sql) {
      const text = await row.locator(`td[data-qpv="${code}"] .comparer__value`).innerText();
      expect(text.replace(/\s/g, ' ')).toBe(`${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(valeur as number)} %`.replace(/\s/g, ' '));
    }
    // Poverty: the lowest rate is the most favourable.
    const lowest = [...sql].sort((a, b) => (a.valeur as number) - (b.valeur as number))[0]!.code;
    expect(await row.locator('td[data-mark="meilleur"]').getAttribute('data-qpv')).toBe(lowest);
    expect(await row.locator('td[data-mark="meilleur"]').innerText()).toContain('le plus favorable');
    expect(await row.locator('td[data-mark="moins-bon"]').innerText()).toContain('le moins favorable');
    // The risk index (default weights: the published score): the most exposed QPV is the least favourable.
    const [mostExposed] = await queryInPage(page, `SELECT qpv_code AS code FROM risque_decrochage WHERE qpv_code IN ('${added.join("','")}') AND score IS NOT NULL ORDER BY score DESC LIMIT 1`);
    expect(await table.locator('tr[data-indicateur="risque_decrochage"] td[data-mark="moins-bon"]').getAttribute('data-qpv')).toBe(mostExposed!.code);
    // The median column names the QPV it is taken over: the loaded ones, counted from the data.
    const [loaded] = await queryInPage(page, 'SELECT count(*) AS n FROM qpv');
    const median = table.locator('thead th[data-col="mediane"]');
    expect((await median.innerText()).replace(/\s/g, ' ')).toBe(`Médiane des ${loaded!.n} QPV chargés`);
    expect(await median.locator('abbr').getAttribute('title')).toBe(`Médiane des ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine`);
    expect(await table.innerText()).not.toMatch(/tous (les )?QPV|France|national/i);
    const [tp60] = await queryInPage(page, "SELECT count(valeur) AS n FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv'");
    expect(await row.locator('td[data-col="mediane"]').getAttribute('title')).toBe(`médiane de ${tp60!.n} QPV ayant une valeur`);
    await screenshot('comparer');
  });

  test('columns move and go with the keyboard; the URL follows', async () => {
    const first = added[0]!;
    await comparerTable().getByRole('button', { name: /vers la droite/ }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(headCodes).toEqual([added[1], first, added[2]]);
    // The focus stays on the moved column's buttons, so that it can be moved again.
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('data-qpv'))).toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(headCodes).toEqual([added[1], added[2], first]);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('comparer')).toBe([added[1], added[2], first].join(','));
    added.splice(0, 3, added[1]!, added[2]!, first);
  });

  test('exports the comparison as CSV for French Excel: BOM, `;`, decimal comma, French header, sources line', async () => {
    const { name, bytes } = await downloaded(() => page.getByTestId('comparer').getByRole('button', { name: 'Exporter (CSV)' }).click());
    expect(name).toBe(`comparaison-${added.join('-')}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]!.startsWith('Thème;Indicateur;Millésime;Unité;')).toBe(true);
    const [loaded] = await queryInPage(page, 'SELECT count(*) AS n FROM qpv');
    expect(lines[0]).toContain(`;Médiane des ${loaded!.n} QPV des données chargées : Occitanie, Ille-et-Vilaine;Le plus favorable;Le moins favorable`);
    expect(lines.filter((l) => l.includes(';')).length).toBeGreaterThanOrEqual(43);
    expect(lines[1]!.startsWith('Risque de décrochage;Indice de risque de décrochage')).toBe(true);
    expect(lines.at(-3)).toMatch(/DEPP/);
    const tp60 = lines.find((l) => l.includes(';Taux de pauvreté (seuil 60 %);'))!.split(';');
    const [sql] = await queryInPage(page, `SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = '${added[0]}'`);
    expect(tp60[4]).toBe(String(sql!.valeur).replace('.', ','));
    expect(tp60[4]).toMatch(/^\d+,\d$/);
    expect(tp60[2]).toBe('publié en 2019, année observée non précisée');
    expect(lines.find((l) => l.includes(';Population du quartier;'))!.split(';')[2]).toBe('2013');
    expect(lines.at(-3)).toMatch(/^Sources : .*INSEE.*millésime publié en 2019 \(insertion professionnelle : 2020\) — population 2013/);
    // Quoted: the line holds the secret statistique note, whose « ; » is the separator.
    expect(lines.at(-2)).toMatch(/^"Exporté le \d{2}\/\d{2}\/\d{4} depuis l’Observatoire de la réussite éducative · Secret statistique : /);
    expect(lines.at(-1)).toBe('');
  });

  test('reloading the comparison URL gives the same table', async () => {
    const url = page.url();
    const before = await comparerTable().innerText();
    const copy = await openPage(browser, url);
    await copy.page.goto(url);
    await waitForMark(copy.page, 'obs:duckdb-ready', 90_000);
    const table = copy.page.getByTestId('comparer-table');
    await expect.poll(() => table.locator('tbody tr[data-indicateur]').count(), { timeout: 20_000 }).toBe(42);
    expect(await table.innerText()).toBe(before);
    await copy.close();
  });

  test('exports the map as a PNG with its legend and source line', async () => {
    await page.getByTestId('comparer').getByRole('button', { name: 'Retour à la carte' }).click();
    await expect.poll(() => page.getByTestId('comparer').count()).toBe(0);
    await page.mouse.move(5, 400);
    await mapWithoutHover();
    const { name, bytes } = await downloaded(() => page.getByRole('button', { name: 'Exporter la carte (PNG)' }).click());
    expect(name).toBe('carte-tp60.png');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'export-carte.png'), bytes);
    const png = PNG.sync.read(bytes);
    const canvas = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      return { width: c.width, height: c.height };
    });
    expect(png.width).toBe(canvas.width);
    // The source line is drawn under the map.
    expect(png.height).toBeGreaterThan(canvas.height);
    // Not blank: the basemap, coloured QPV, and the legend's five quintile colours.
    const all = countPixels(bytes, () => true);
    expect(all.distinctColours).toBeGreaterThan(50);
    expect(countPixels(bytes, isQpvPixel, { x: 0, y: 0, width: png.width, height: canvas.height }).matching).toBeGreaterThan(1000);
    const swatches = await page.getByTestId('legend').locator('li:not([data-nd]) .legend__swatch').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(swatches).toHaveLength(5);
    const legendBox = { x: 0, y: 0, width: Math.min(400, png.width), height: Math.min(200, canvas.height) };
    for (const rgb of swatches) {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      expect(countPixels(bytes, (pr, pg, pb) => pr === r && pg === g && pb === b, legendBox).matching, rgb).toBeGreaterThan(100);
    }
    // The source line: dark text on the white band under the map.
    const band = { x: 0, y: canvas.height, width: png.width, height: png.height - canvas.height };
    expect(countPixels(bytes, (r, g, b) => r < 120 && g < 120 && b < 120, band).matching).toBeGreaterThan(200);
  });

  test('a QPV leaves the comparison from the keyboard; the focus stays in the table', async () => {
    await page.getByRole('button', { name: /^Comparer \(3\)/ }).first().click();
    await expect.poll(headCodes).toEqual(added);
    const [, middle, last] = added;
    await comparerTable().locator(`th[data-qpv="${middle}"]`).getByRole('button', { name: /^Retirer/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(headCodes).toEqual([added[0], last]);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('comparer')).toBe(`${added[0]},${last}`);
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('data-qpv'))).toBe(last);
  });
});
