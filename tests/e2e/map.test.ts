import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { REFRESH_REPORT_FILE, RefreshReportSchema } from '../../src/domain/refresh-report.ts';
import { refreshReportView } from '../../src/view-models/refresh-report-model.ts';
import {
  countPixels,
  differingShare,
  DIST_DIR,
  expectPagesClean,
  findPixel,
  isQpvPixel,
  launchChromium,
  mapView,
  openPage,
  queryInPage,
  REPO_ROOT,
  startPreview,
  VIEWPORT,
  waitForMapDrawn,
  waitForMark,
} from '../support/browser.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/e2e/artifacts');
const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'data/manifest.json'), 'utf8')) as { tables: { name: string; rows: number }[] };

// Below the header (116 px), right of the side panel, above the folded result table: the map alone.
const MAP_BOX = { x: 420, y: 130, width: VIEWPORT.width - 480, height: VIEWPORT.height - 222 };
const isLand = (r: number, g: number, b: number) => r === 247 && g === 246 && b === 242;

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;

async function screenshot(name: string): Promise<Buffer> {
  const png = await page.screenshot();
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), png);
  return png;
}

async function waitForView(predicate: (v: { zoom: number; lat: number; lon: number }) => boolean): Promise<{ zoom: number; lat: number; lon: number }> {
  await page.waitForFunction(() => !document.querySelector('.maplibregl-map')?.classList.contains('maplibregl-moving'));
  await expect.poll(async () => predicate(await mapView(page)), { timeout: 15_000, interval: 100 }).toBe(true);
  // The moves ended and the map drawn at its new zoom, before pixels are read.
  await waitForMapDrawn(page);
  return mapView(page);
}

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await page.goto(server.url);
  await waitForMark(page, 'obs:interactive', 90_000);
  // Every table loaded: the QPV have their choropleth colours, pixels no longer change.
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.getByTestId('legend').waitFor();
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the observatory in Chromium', () => {
  test('paints France and its QPV from the embedded data (pixels, not just DOM)', async () => {
    const png = await screenshot('carte-france');
    const land = countPixels(png, isLand, MAP_BOX);
    const qpv = countPixels(png, isQpvPixel, MAP_BOX);
    expect(land.matching / land.total).toBeGreaterThan(0.2);
    expect(land.distinctColours).toBeGreaterThan(20);
    // 111 markers of ~9 px diameter, many overlapping: several hundred pixels.
    expect(qpv.matching).toBeGreaterThan(300);
    await expect.poll(() => page.locator('[data-testid=status]').innerText()).toContain('111 QPV affichés');
  });

  test('the choropleth legend follows the classification, the class count and the indicator', async () => {
    const legend = page.getByTestId('legend');
    const bounds = () => legend.locator('li:not([data-nd])').evaluateAll((items) => items.map((li) => [Number(li.getAttribute('data-min')), Number(li.getAttribute('data-max')), Number(li.getAttribute('data-count'))]));
    const quantiles = await bounds();
    expect(quantiles).toHaveLength(5);
    // The 105 Occitanie QPV with a poverty rate, 21 per quintile; the 6 of Ille-et-Vilaine have none.
    expect(quantiles.map(([, , n]) => n)).toEqual([21, 21, 21, 21, 21]);
    expect(await legend.locator('[data-nd]').getAttribute('data-count')).toBe('6');
    const sql = await queryInPage(page, "SELECT min(valeur) AS lo, max(valeur) AS hi, count(valeur) AS n FROM indicateurs WHERE indicateur = 'tp60'");
    expect(quantiles[0]![0]).toBe(sql[0]!.lo);
    expect(quantiles[4]![1]).toBe(sql[0]!.hi);

    const panel = page.getByTestId('indicator-panel');
    const before = await screenshot('choroplethe-quantiles');
    await panel.getByLabel('Classes').selectOption('egales');
    await expect.poll(async () => JSON.stringify(await bounds())).not.toBe(JSON.stringify(quantiles));
    const equal = await bounds();
    const widths = equal.map(([lo, hi]) => hi! - lo!);
    for (const w of widths) expect(w).toBeCloseTo(widths[0]!, 6);
    await panel.getByLabel('Nombre').selectOption('7');
    await expect.poll(async () => (await bounds()).length).toBe(7);
    await waitForMapDrawn(page);
    const after = await screenshot('choroplethe-egales-7');
    expect(countPixels(after, isQpvPixel, MAP_BOX).matching).toBeGreaterThan(300);
    expect(after.equals(before)).toBe(false);

    await panel.getByLabel('Colorer les QPV selon').selectOption('tx_tot_empl');
    await expect.poll(() => legend.locator('..').locator('figcaption').innerText()).toContain('emploi');
    // Back to the defaults for the next tests.
    await panel.getByLabel('Colorer les QPV selon').selectOption('tp60');
    await panel.getByLabel('Classes').selectOption('quantiles');
    await panel.getByLabel('Nombre').selectOption('5');
  });

  test('layers toggle, with counts equal to SQL; REP+, REP, hors EP and inconnu told apart in the legend', async () => {
    await page.getByRole('tab', { name: 'Couches' }).click();
    const legend = page.getByTestId('ep-legend');
    const sql = await queryInPage(page, 'SELECT ep, count(*) AS n FROM etablissements WHERE lon IS NOT NULL GROUP BY ALL ORDER BY ep');
    expect(sql.map((r) => r.ep)).toEqual(['REP', 'REP+', 'hors_ep', 'inconnu']);
    for (const { ep, n } of sql) expect(await legend.locator(`[data-ep="${ep}"]`).getAttribute('data-count')).toBe(String(n));
    // Four symbols, four labels: an unknown status is not drawn as hors EP.
    const icons = await legend.locator('li[data-ep] img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(new Set(icons).size).toBe(4);
    expect((await legend.locator('[data-ep="inconnu"]').innerText()).trim()).toMatch(/^Éducation prioritaire inconnue · 5\d\d/);
    expect((await legend.locator('[data-ep="hors_ep"]').innerText()).trim()).toMatch(/^Hors éducation prioritaire · /);
    await legend.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'legende-ep-quatre-statuts.png'), clip: (await legend.boundingBox())! });
    const layers = page.getByTestId('layer-panel');
    // Every object layer counts its table's rows.
    for (const [label, table] of [[/Réseaux REP/, 'reseaux_ep'], [/Cités éducatives/, 'cites'], [/Lieux partenaires/, 'lieux'], [/Programmes de réussite/, 'pre'], [/Actions éducatives/, 'actions']] as const) {
      const [count] = await queryInPage(page, `SELECT count(*) AS n FROM ${table}`);
      expect(await layers.getByLabel(label).locator('..').innerText()).toContain(`(${new Intl.NumberFormat('fr-FR').format(count!.n as number)})`.replace(/\s/g, '\u202f'));
    }
    const withSchools = await screenshot('couches-toutes');
    await layers.getByLabel(/Établissements scolaires/).uncheck({ force: true });
    await expect.poll(() => page.url()).toContain('couches=qpv,cites&');
    await waitForMapDrawn(page);
    const withoutSchools = await screenshot('couches-qpv');
    expect(differingShare(withSchools, withoutSchools, MAP_BOX)).toBeGreaterThan(0.002);
    await layers.getByLabel(/Lieux partenaires/).check({ force: true });
    await layers.getByLabel(/Réseaux REP/).check({ force: true });
    await expect.poll(() => page.url()).toContain('couches=qpv,reseaux,cites,lieux&');
    // The footprints are modelled, and said so, with the method one click away.
    expect(await layers.getByLabel(/Réseaux REP/).locator('..').innerText()).toContain('emprises estimées');
    const reseaux = page.getByTestId('reseaux-legend');
    expect(await reseaux.innerText()).toContain('disque de 300 m autour du collège seul');
    await reseaux.getByText('Emprise estimée : comment ?').click();
    expect(await reseaux.getByTestId('reseau-emprise-methode').innerText()).toContain('Aucune source ne publie le contour des réseaux');
    // The places and networks come from DuckDB queries: wait for them on the picture itself.
    await expect.poll(async () => differingShare(withoutSchools, await screenshot('couches-lieux-reseaux'), MAP_BOX), { timeout: 30_000 }).toBeGreaterThan(0.002);
    for (const label of [/QPV \(/, /Cités éducatives/, /Lieux partenaires/, /Réseaux REP/]) await layers.getByLabel(label).uncheck({ force: true });
    await expect.poll(() => page.url()).toMatch(/couches=(&|$)/);
    await waitForMapDrawn(page);
    expect(countPixels(await screenshot('couches-aucune'), isQpvPixel, MAP_BOX).matching).toBe(0);
    await layers.getByLabel(/QPV \(/).check({ force: true });
    await layers.getByLabel(/Cités éducatives/).check({ force: true });
    await layers.getByLabel(/Établissements scolaires/).check({ force: true });
    await expect.poll(() => page.url()).toContain('couches=qpv,etablissements,cites');
    await page.getByRole('tab', { name: 'Indicateur' }).click();
  });

  test('DuckDB answers count(*) equal to the manifest and to the source files', async () => {
    for (const table of manifest.tables) {
      const [count] = await queryInPage(page, `SELECT count(*) AS n FROM ${table.name}`);
      expect(count!.n, table.name).toBe(table.rows);
    }
    const [qpv] = await queryInPage(page, 'SELECT count(*) AS n FROM qpv');
    // 105 features in the Occitanie file + 6 in the Ille-et-Vilaine one.
    expect(qpv!.n).toBe(111);
    const status = page.locator('[data-testid=status] [data-table=qpv]');
    await expect.poll(() => status.getAttribute('data-rows')).toBe('111');
  });

  test('search finds a commune by name and zooms to it', async () => {
    const before = await mapView(page);
    const input = page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ });
    await input.fill('perpignan');
    const option = page.getByRole('option').first();
    await expect.poll(() => option.innerText()).toContain('Perpignan');
    await input.press('Enter');
    const view = await waitForView((v) => v.zoom > 10);
    expect(view.zoom).toBeGreaterThan(before.zoom + 4);
    expect(view.lat).toBeCloseTo(42.7, 0);
    expect(view.lon).toBeCloseTo(2.9, 0);
    const png = await screenshot('recherche-perpignan');
    // At city zoom the QPV polygons themselves cover a visible area.
    expect(countPixels(png, isQpvPixel, MAP_BOX).matching).toBeGreaterThan(2000);
  });

  test('search finds a QPV by code, and hovering it shows an escaped text tooltip', async () => {
    const input = page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ });
    await input.fill('QP066007');
    await expect.poll(() => page.getByRole('option').first().innerText()).toContain('Bas-Vernet');
    await page.getByRole('option').first().click();
    await waitForView((v) => v.zoom > 12);
    // Schools off: the pointer must land on the QPV, not on a school drawn over it.
    await page.getByRole('tab', { name: 'Couches' }).click();
    await page.getByTestId('layer-panel').getByLabel(/Établissements scolaires/).uncheck({ force: true });
    await expect.poll(() => page.url()).not.toContain('etablissements');
    await waitForMapDrawn(page);
    const png = await screenshot('recherche-qp066007');
    // fitBounds put the QPV in the middle of the map left visible by the panel and the fiche.
    const target = findPixel(png, isQpvPixel, { x: 610, y: MAP_BOX.y + MAP_BOX.height / 2 });
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    // Each of the two deck.gl instances has its tooltip element: the one showing the QPV.
    const tooltip = page.locator('.deck-tooltip').filter({ visible: true });
    await expect.poll(() => tooltip.innerText(), { timeout: 10_000 }).toContain('QP066007');
    expect(await tooltip.innerText()).toContain('Perpignan');
    // Text only: the line break is the sole element deck.gl may create from `text`.
    expect(await tooltip.evaluate((el) => el.querySelectorAll(':not(br)').length)).toBe(0);
    await page.getByTestId('layer-panel').getByLabel(/Établissements scolaires/).check({ force: true });
    await page.getByRole('tab', { name: 'Indicateur' }).click();
  });

  test('the selected QPV has its fiche: indicators with median and rank as SQL gives them, schools nearby', async () => {
    const fiche = page.getByTestId('fiche-qpv');
    await expect.poll(() => fiche.locator('h2').innerText()).toBe('Bas-Vernet Nouveau QPV');
    const row = fiche.locator('[data-indicateur="tp60"]');
    await expect.poll(() => row.count()).toBe(1);
    const [sql] = await queryInPage(page, "SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007'");
    const value = await row.locator('td[data-col="valeur"]').innerText();
    expect(value.replace(/\s/g, ' ')).toBe(`${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(sql!.valeur as number)} %`.replace(/\s/g, ' '));
    expect(await row.locator('td[data-col="rang"]').innerText()).toMatch(/^\d+ \/ 105$/);
    expect(await fiche.getByTestId('fiche-indicateurs').locator('tbody tr[data-indicateur]').count()).toBe(41);
    const [schools] = await queryInPage(page, "SELECT count(*) AS n FROM etablissements WHERE qpv_code = 'QP066007' OR qpv_300m LIKE '%QP066007%'");
    expect(await fiche.getByTestId('fiche-etablissements').locator('li').count()).toBe(schools!.n);
    await screenshot('fiche-qpv');
  });

  test('the URL reproduces the view: same legend, selection and map in a new page; back and forward work', async () => {
    const panel = page.getByTestId('indicator-panel');
    await panel.getByLabel('Colorer les QPV selon').selectOption('tx_tot_empl');
    await panel.getByLabel('Classes').selectOption('jenks');
    await panel.getByLabel('Nombre').selectOption('4');
    const legendOf = (p: Page) => p.getByTestId('legend').innerText();
    await expect.poll(() => legendOf(page)).toContain('QPV');
    // Off any QPV, so that no hover highlight is left on the picture.
    await page.mouse.move(5, 400);
    await expect.poll(() => page.locator('.deck-tooltip').filter({ visible: true }).count()).toBe(0);
    await waitForMapDrawn(page);
    const url = page.url();
    const params = new URLSearchParams(new URL(url).hash.slice(1));
    expect(params.get('carte')).toMatch(/^[\d.]+\/[\d.]+\/[\d.]+$/);
    expect([params.get('indicateur'), params.get('classes'), params.get('qpv')]).toEqual(['tx_tot_empl', 'jenks-4', 'QP066007']);
    const original = await screenshot('url-original');
    const legend = await legendOf(page);

    const copy = await openPage(browser, url);
    await copy.page.goto(url);
    await waitForMark(copy.page, 'obs:duckdb-ready', 90_000);
    await expect.poll(() => legendOf(copy.page)).toBe(legend);
    // The new page draws its layers as its queries answer: compare once it has settled.
    let reproduced: Buffer = Buffer.alloc(0);
    await expect
      .poll(
        async () => {
          reproduced = await copy.page.screenshot();
          return differingShare(original, reproduced, MAP_BOX);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeLessThan(0.01);
    writeFileSync(path.join(ARTIFACTS, 'url-reproduit.png'), reproduced);
    await copy.close();

    await page.goBack();
    await expect.poll(() => page.url()).toContain('classes=jenks-5');
    await page.goForward();
    await expect.poll(() => page.url()).toContain('classes=jenks-4');
    await panel.getByLabel('Colorer les QPV selon').selectOption('tp60');
    await panel.getByLabel('Classes').selectOption('quantiles');
    await panel.getByLabel('Nombre').selectOption('5');
  });

  test('La Réunion is one click away', async () => {
    await page.getByRole('button', { name: 'La Réunion' }).click();
    const view = await waitForView((v) => v.lat < -20 && v.lon > 55);
    expect(view.lat).toBeCloseTo(-21.1, 0);
    expect(view.lon).toBeCloseTo(55.5, 0);
    const png = await screenshot('la-reunion');
    expect(countPixels(png, isLand, MAP_BOX).matching / (MAP_BOX.width * MAP_BOX.height)).toBeGreaterThan(0.1);
  });

  test('search finds a school by its UAI, then by words of its name and commune; each opens its fiche, the map on it', async () => {
    const input = page.getByRole('combobox', { name: /Rechercher une commune, un QPV, une école/ });
    const fiche = page.getByTestId('fiche-objet');
    await input.fill('0300025P');
    // Offered once the schools' table is loaded, named with its kind, network and commune.
    await expect.poll(() => page.getByRole('option').first().innerText(), { timeout: 30_000 }).toMatch(/^Collège Romain Rolland\s+Collège public REP\+ · Nîmes \(30\) · 0300025P$/);
    await input.press('Enter');
    await expect.poll(() => fiche.locator('h2').innerText()).toBe('Collège Romain Rolland');
    await expect.poll(() => page.url()).toContain('objet=etablissement:0300025P');
    const view = await waitForView((v) => v.zoom >= 13);
    expect(view.lat).toBeCloseTo(43.84, 1);
    await input.fill('jaures toulouse');
    await expect.poll(() => page.getByRole('option').first().innerText(), { timeout: 30_000 }).toContain('École maternelle publique Jean Jaurès');
    await page.getByRole('option').first().click();
    await expect.poll(() => fiche.locator('h2').innerText()).toBe('École maternelle publique Jean Jaurès');
    await waitForView((v) => Math.abs(v.lat - 43.6) < 0.2 && v.zoom >= 13);
    await fiche.getByRole('button', { name: 'Fermer' }).click();
    // Said once both searches have answered.
    await input.fill('zzzzqqq');
    await expect.poll(() => page.locator('.search-box__empty').innerText()).toBe('Aucun résultat pour « zzzzqqq »');
    await input.fill('');
  });

  test('the Données panel lists every table with its rows, sources, licences and millésimes', async () => {
    await page.getByRole('button', { name: 'Données' }).first().click();
    const panel = page.getByTestId('data-panel');
    for (const table of manifest.tables) {
      const article = panel.locator(`[data-table="${table.name}"]`);
      await expect.poll(() => article.innerText()).toContain(table.name);
      const text = (await article.innerText()).replace(/\s/g, ' ');
      expect(text).toContain(`${new Intl.NumberFormat('fr-FR').format(table.rows).replace(/\s/g, ' ')} lignes`);
      expect(text).toMatch(/Licence Ouverte/);
      expect(text).toMatch(/millésime/);
    }
    expect(await panel.innerText()).toContain('QPV 2015');
    // The refresh report of the served data: its date, what it was compared with, each source's millésime.
    const report = refreshReportView(RefreshReportSchema.parse(JSON.parse(readFileSync(path.join(DIST_DIR, `data/${REFRESH_REPORT_FILE}`), 'utf8'))));
    const section = panel.getByTestId('refresh-report');
    await expect.poll(() => section.innerText()).toContain(report.comparison);
    // The sources are folded under a summary: opened as a user would.
    await section.locator('summary').click();
    await expect.poll(() => section.locator('details').getAttribute('open')).not.toBeNull();
    const shown = (await section.innerText()).replace(/\s/g, ' ');
    for (const text of [report.title, report.warnings, ...report.sources.map((s) => `${s.publisher} — millésime ${s.millesime}`)]) expect(shown).toContain(text.replace(/\s/g, ' '));
    expect(await panel.getByRole('heading', { name: report.title }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await screenshot('donnees-ferme');
  });
});

describe('the first frame, drawn by MapLibre before deck.gl starts', () => {
  test('shows the QPV and takes a click at once: the QPV clicked at the first paint gets its fiche', async () => {
    const { page: first, close } = await openPage(browser, server.url);
    await first.goto(`${server.url}#carte=13/43.3436/3.2150`);
    await waitForMark(first, 'obs:first-paint', 90_000);
    const point = findPixel(await first.screenshot(), isQpvPixel, { x: 640, y: 480 });
    expect(point).not.toBeNull();
    await first.mouse.click(point!.x, point!.y);
    await expect.poll(() => new URLSearchParams(new URL(first.url()).hash.slice(1)).get('qpv'), { timeout: 30_000 }).toMatch(/^QP034\d{3}$/);
    await expect.poll(() => first.getByTestId('fiche-qpv').count()).toBe(1);
    await close();
  });

  test('comes without the QPV when the link hides them (nothing of theirs to wait for)', async () => {
    const { page: bare, close } = await openPage(browser, server.url);
    await bare.goto(`${server.url}#couches=cites`);
    await waitForMark(bare, 'obs:first-paint', 90_000);
    await waitForMapDrawn(bare, 60_000);
    await close();
  });
});
