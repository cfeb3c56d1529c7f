import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { countPixels, differingShare, DIST_DIR, expectPagesClean, findPixel, isQpvPixel, launchChromium, nextFrames, openPage, REPO_ROOT, startPreview, VIEWPORT, waitForMapDrawn, waitForMark } from '../support/browser.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'tests/e2e/artifacts');
// Toulouse and its QPV, as polygons (zoom ≥ 10), right of the side panel and above the table.
const START = '#onglet=filtres&carte=11.2/43.60/1.33';
const MAP_BOX = { x: 420, y: 130, width: VIEWPORT.width - 440, height: 380 };
const HISTOGRAM = '[data-testid="histogram-Taux de pauvreté (seuil 60 %)"] svg';

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;
/** The data the built app serves, in a DuckDB of our own: the independent side of each check. */
let db: Connector;

async function screenshot(p: Page, name: string): Promise<Buffer> {
  const png = await p.screenshot();
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), png);
  return png;
}

async function sqlCount(sql: string): Promise<number> {
  return Number(tableRows(await db.query(sql))[0]!.n);
}

/** The count the result table shows, once it shows the result of the current filters. */
async function tableCount(p: Page = page): Promise<number> {
  const count = p.getByTestId('result-count');
  await p.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') !== '');
  return Number(await count.getAttribute('data-count'));
}

/** Poverty-rate QPV inside [lo, hi], counted straight from `indicateurs`. */
const tp60Between = (lo: number, hi: number) => `
  SELECT count(*) AS n FROM indicateurs
  WHERE indicateur = 'tp60' AND niveau = 'qpv' AND valeur BETWEEN ${lo} AND ${hi}
    AND annee = (SELECT max(annee) FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv')`;

const urlRange = async (key: string): Promise<[number, number]> => {
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  const match = new RegExp(`${key}=(-?[\\d.e-]+)~(-?[\\d.e-]+)`).exec(hash);
  if (!match) throw new Error(`no ${key} in ${hash}`);
  return [Number(match[1]), Number(match[2])];
};

async function settle(p: Page = page): Promise<void> {
  await tableCount(p);
  // Two frames: deck.gl draws the new filter uniforms on its next frame.
  await nextFrames(p);
}

beforeAll(async () => {
  db = await connectToPublishedData(path.join(DIST_DIR, 'data'));
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await page.goto(server.url + START);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.locator(HISTOGRAM).waitFor({ timeout: 60_000 });
  await settle();
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('cross-filter', () => {
  test('without a filter the table lists every QPV, and the grey bars name them: the loaded QPV, not France’s', async () => {
    const loaded = await sqlCount('SELECT count(*) AS n FROM qpv');
    expect(await tableCount()).toBe(loaded);
    const groups = page.locator(`${HISTOGRAM} g[role="group"]`);
    expect(await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')))).toEqual([
      `les ${loaded} QPV des données chargées : Occitanie, Ille-et-Vilaine`,
      'QPV passant les autres filtres',
    ]);
  });

  test('dragging a brush on the histogram filters the table as SQL does, and changes the map', async () => {
    await page.locator(HISTOGRAM).scrollIntoViewIfNeeded();
    const before = await screenshot(page, 'cross-filter-before');
    const box = (await page.locator(HISTOGRAM).boundingBox())!;
    // Plot area: 34 px of axis on the left, 10 on the right; bars above the 22-px axis.
    const [left, right, y] = [box.x + 34, box.x + box.width - 10, box.y + 40];
    await page.mouse.move(left + 0.45 * (right - left), y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(left + (0.45 + 0.045 * i) * (right - left), y);
    await page.mouse.up();
    const [lo, hi] = await urlRange('f_valeur');
    expect(lo).toBeLessThan(hi);
    await settle();
    const expected = await sqlCount(tp60Between(lo, hi));
    expect(expected).toBeGreaterThan(0);
    expect(await tableCount()).toBe(expected);
    expect(Number(await page.getByTestId('match-count').getAttribute('data-count'))).toBe(expected);
    const after = await screenshot(page, 'cross-filter-brush');
    expect(differingShare(before, after, MAP_BOX)).toBeGreaterThan(0.002);
  });

  test('the brush has keyboard handles: arrows move a bound by one bin', async () => {
    const [lo, hi] = await urlRange('f_valeur');
    const upper = page.locator(`${HISTOGRAM} [role="slider"]`).nth(1);
    await upper.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const [lo2, hi2] = await urlRange('f_valeur');
    expect(lo2).toBeCloseTo(lo, 6);
    expect(hi2).toBeLessThan(hi);
    await settle();
    expect(await tableCount()).toBe(await sqlCount(tp60Between(lo2, hi2)));
  });

  test('the result table sorts by a column from its header, both ways, and says so', async () => {
    const table = page.getByTestId('result-table');
    const header = table.getByRole('columnheader', { name: 'Commune' });
    const communes = async () => table.locator('tbody tr[data-code] td:nth-child(2)').allInnerTexts();
    const inOrder = (list: string[], direction: 1 | -1) => list.every((c, i) => i === 0 || direction * new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare(list[i - 1]!, c) <= 0);
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect(await header.innerText()).toMatch(/^▲ Commune/);
    const ascending = await communes();
    expect(ascending.length).toBeGreaterThan(2);
    expect(inOrder(ascending, 1)).toBe(true);
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(inOrder(await communes(), -1)).toBe(true);
    // Back to the default order: the indicator, highest first.
    await table.getByRole('columnheader', { name: /Taux de pauvreté/ }).getByRole('button').click();
    await expect.poll(() => table.getByRole('columnheader', { name: /Taux de pauvreté/ }).getAttribute('aria-sort')).toBe('descending');
  });

  test('under a filter the legends say what is greyed: the QPV left out, counted, and the schools away from the kept ones', async () => {
    const [lo, hi] = await urlRange('f_valeur');
    const kept = await sqlCount(tp60Between(lo, hi));
    await page.getByRole('tab', { name: 'Indicateur' }).click();
    const excluded = page.locator('[data-testid="legend"] li[data-excluded]');
    await expect.poll(() => excluded.getAttribute('data-count')).toBe(String((await sqlCount('SELECT count(*) AS n FROM qpv')) - kept));
    expect(await excluded.innerText()).toContain('Hors des filtres (grisés)');
    // Scrolled to, the line is on top: the loading status under the panel does not cover it.
    await excluded.scrollIntoViewIfNeeded();
    const line = (await excluded.boundingBox())!;
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('li[data-excluded]') != null, [line.x + line.width / 2, line.y + line.height / 2])).toBe(true);
    await page.getByRole('tab', { name: 'Couches' }).click();
    expect(await page.getByTestId('ep-legend').innerText()).toContain('Estompés : à plus de 300 m de tout QPV retenu par les filtres');
    await page.getByRole('tab', { name: /^Filtres/ }).click();
    await page.locator(HISTOGRAM).waitFor();
  });

  test('a bar adds its category: schools of éducation prioritaire in or near the QPV', async () => {
    const [lo, hi] = await urlRange('f_valeur');
    await page.locator('rect[data-category="REP+"]').click();
    await settle();
    // Independent of the app's fact tables: a QPV is REP+ if a REP+ school lies in it or within 300 m.
    const expected = await sqlCount(`
      WITH rep_plus AS (
        SELECT DISTINCT unnest(string_split(concat_ws(',', qpv_code, qpv_300m), ',')) AS code FROM etablissements WHERE ep = 'REP+'
      ), v AS (${tp60Between(lo, hi).replace('count(*) AS n', 'territoire_code AS code')})
      SELECT count(*) AS n FROM v WHERE code IN (SELECT code FROM rep_plus)`);
    expect(await tableCount()).toBe(expected);
    expect(await page.locator('rect[data-category="REP+"]').getAttribute('aria-checked')).toBe('true');
  });

  test('the URL reproduces the view in a new page, within tolerance', async () => {
    const url = page.url();
    const original = await screenshot(page, 'cross-filter-original');
    const copyPage = await openPage(browser, server.url);
    const copy = copyPage.page;
    await copy.goto(url);
    await waitForMark(copy, 'obs:duckdb-ready', 90_000);
    await copy.locator(HISTOGRAM).waitFor({ timeout: 60_000 });
    await settle(copy);
    expect(await tableCount(copy)).toBe(await tableCount());
    const copied = await screenshot(copy, 'cross-filter-copy');
    // Same map and table (the side panel's scroll position is not part of the view).
    expect(differingShare(original, copied, { x: 400, y: 120, width: VIEWPORT.width - 400, height: VIEWPORT.height - 120 })).toBeLessThan(0.01);
    await copyPage.close();
  });

  test('the territory selector narrows the QPV to a département', async () => {
    await page.getByRole('button', { name: 'Réinitialiser' }).click();
    await page.getByTestId('territoire-departement').selectOption('31');
    await settle();
    expect(await tableCount()).toBe(await sqlCount("SELECT count(*) AS n FROM qpv WHERE departement_code = '31'"));
    // The grey bars now count the QPV of the département only, and say so.
    await expect.poll(() => page.locator(`${HISTOGRAM} g[role="group"]`).first().getAttribute('aria-label')).toBe('QPV du territoire et du texte choisis, sans les autres filtres');
  });

  test('clicking a school on the map opens its fiche beside the map', async () => {
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    // Grand Mirail (Toulouse): REP+ schools, drawn as navy diamonds.
    await p.goto(`${server.url}#carte=14/43.5745/1.3960`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    await p.getByTestId('legend').waitFor();
    const isRepPlus = (r: number, g: number, b: number) => r < 30 && g < 30 && b > 110 && b < 170;
    // Once the schools are drawn: a REP+ diamond near the middle of the map.
    let target: { x: number; y: number } | null = null;
    await expect.poll(async () => (target = findPixel(await screenshot(p, 'ecole-avant-clic'), isRepPlus, { x: 800, y: 420 }, 300)), { timeout: 30_000 }).not.toBeNull();
    await p.mouse.click(target!.x, target!.y);
    const fiche = p.getByTestId('fiche-objet');
    await expect.poll(() => fiche.getAttribute('data-kind'), { timeout: 15_000 }).toBe('etablissement');
    const uai = /objet=etablissement:(\w+)/.exec(p.url())![1]!;
    const [school] = tableRows(await db.query(`SELECT nom, ep FROM etablissements WHERE uai = '${uai}'`));
    expect(school!.ep).toBe('REP+');
    await expect.poll(() => fiche.locator('h2').innerText()).toBe(school!.nom);
    await screenshot(p, 'ecole-fiche');
    await opened.close();
  });

  test('DuckDB that cannot fetch its wasm says so, naming the file; the schools are drawn all the same', async () => {
    // The refused wasm, as the browser and the app log it: expected, and nothing else. DuckDB's
    // worker leaves its own failed fetch uncaught (duckdb/duckdb-wasm#1588): allowed from there only.
    const opened = await openPage(browser, server.url, {
      expectedConsoleErrors: [/net::ERR_FAILED/, /duckdb-eh-[\w-]+\.wasm/],
      expectedPageErrors: [/^Failed to fetch\n[\s\S]*\/assets\/duckdb-browser-eh\.worker-[\w-]+\.js/],
    });
    const p = opened.page;
    await p.route('**/*.wasm', (route) => route.abort());
    // Grand Mirail (Toulouse), the schools alone.
    await p.goto(`${server.url}#carte=14/43.5745/1.3960&couches=etablissements`);
    await expect.poll(() => p.getByTestId('status').innerText(), { timeout: 90_000 }).toMatch(/Base DuckDB indisponible : \/assets\/duckdb-eh-[\w-]+\.wasm : inaccessible/);
    const isRepPlus = (r: number, g: number, b: number) => r < 30 && g < 30 && b > 110 && b < 170;
    await expect.poll(async () => countPixels(await p.screenshot(), isRepPlus).matching, { timeout: 60_000 }).toBeGreaterThan(200);
    await opened.close();
  });

  test('a school’s fiche writes its figures in French and names its source', async () => {
    // The largest collège with an IPS and a DNB rate: a number with thousands.
    const [school] = tableRows(
      await db.query('SELECT uai, nature, effectifs, source_id FROM etablissements WHERE ips IS NOT NULL AND dnb_taux_reussite IS NOT NULL AND nature IS NOT NULL ORDER BY effectifs DESC, uai LIMIT 1'),
    );
    expect(school!.effectifs).toBeGreaterThanOrEqual(1000);
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.goto(`${server.url}#objet=etablissement:${String(school!.uai)}`);
    const field = (label: string) => p.getByTestId('fiche-objet').locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
    await expect.poll(() => field('IPS').innerText(), { timeout: 90_000 }).toMatch(/^\d+,\d \(rentrée \d{4}\)$/);
    expect(await field('Réussite au DNB').innerText()).toMatch(/^\d+,\d % \(session \d{4}\)$/);
    expect(await field('Élèves').innerText()).toBe(new Intl.NumberFormat('fr-FR').format(Number(school!.effectifs)));
    expect(await field('Nature').innerText()).toBe('Collège');
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/manifest.json'), 'utf8')) as { tables: { sources: { id: string; publisher: string; millesime: string }[] }[] };
    const source = manifest.tables.flatMap((t) => t.sources).find((s) => s.id === school!.source_id)!;
    expect(await field('Source').innerText()).toContain(`${source.publisher}, millésime ${source.millesime}`);
    await opened.close();
  });

  test('a network’s fiche links to its écoles and its QPV: each link opens that fiche and takes the map there', async () => {
    // A network whose collège lies in a QPV.
    const [network] = tableRows(
      await db.query('SELECT r.uai_college, r.nom, r.membres, e.qpv_code FROM reseaux_ep r JOIN etablissements e ON e.uai = r.uai_college WHERE r.ecoles >= 3 AND e.qpv_code IS NOT NULL ORDER BY r.uai_college LIMIT 1'),
    );
    const [ecole] = tableRows(await db.query(`SELECT uai, nom FROM etablissements WHERE uai = '${String(network!.membres).split('|')[0]}'`));
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.goto(`${server.url}#objet=reseau:${String(network!.uai_college)}`);
    const fiche = p.getByTestId('fiche-objet');
    const ecoles = fiche.getByRole('region', { name: /^Écoles du réseau/ }).getByRole('button');
    await expect.poll(() => ecoles.count(), { timeout: 90_000 }).toBe(String(network!.membres).split('|').length);
    // Its footprint is said estimated, with the method one click away.
    expect(await fiche.innerText()).toMatch(new RegExp(`Emprise sur la carte\\s+emprise estimée : collège et ${String(network!.membres).split('|').length} écoles`));
    await fiche.getByText('Emprise estimée : comment ?').click();
    await expect.poll(() => fiche.getByTestId('reseau-emprise-methode').innerText()).toContain('disque de 300 m autour du collège');
    await ecoles.first().click();
    await expect.poll(() => fiche.getAttribute('data-kind')).toBe('etablissement');
    await expect.poll(() => fiche.locator('h2').innerText()).toBe(ecole!.nom);
    await expect.poll(() => p.url()).toContain(`objet=etablissement:${String(ecole!.uai)}`);
    // The map goes to the école (MapLibre writes its view in the URL once it has moved).
    await expect.poll(() => Number(/carte=([\d.]+)/.exec(p.url())?.[1]), { timeout: 30_000 }).toBeGreaterThanOrEqual(13);
    await fiche.getByRole('region', { name: 'Réseau d’éducation prioritaire' }).getByRole('button').click();
    await expect.poll(() => fiche.locator('h2').innerText()).toBe(network!.nom);
    // From the national view, its QPV: the QPV's fiche, and the map on the QPV.
    await p.goto(`${server.url}#objet=reseau:${String(network!.uai_college)}&carte=5/46.5/2.5`);
    await expect.poll(() => Number(/carte=([\d.]+)/.exec(p.url())?.[1])).toBe(5);
    await fiche.getByRole('button', { name: new RegExp(`\\(${String(network!.qpv_code)}\\)$`) }).click();
    await expect.poll(() => p.url()).toContain(`qpv=${String(network!.qpv_code)}`);
    await expect.poll(() => Number(/carte=([\d.]+)/.exec(p.url())?.[1]), { timeout: 30_000 }).toBeGreaterThanOrEqual(11);
    await opened.close();
  });

  test('the object whose fiche is open is ringed on the map, until the fiche is closed', async () => {
    const [school] = tableRows(await db.query("SELECT uai, lon, lat FROM etablissements WHERE ep = 'REP+' ORDER BY uai LIMIT 1"));
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    // The schools hidden: the ring is alone at the centre of the map.
    await p.goto(`${server.url}#objet=etablissement:${String(school!.uai)}&couches=&carte=15/${String(school!.lat)}/${String(school!.lon)}`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    const map = (await p.getByTestId('map').boundingBox())!;
    const around = { x: Math.round(map.x + map.width / 2 - 30), y: Math.round(map.y + map.height / 2 - 30), width: 60, height: 60 };
    const isRing = (r: number, g: number, b: number) => r < 40 && g < 40 && b < 40;
    await expect.poll(async () => countPixels(await p.screenshot(), isRing, around).matching, { timeout: 30_000 }).toBeGreaterThan(100);
    await p.getByTestId('fiche-objet').getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(async () => countPixels(await p.screenshot(), isRing, around).matching, { timeout: 30_000 }).toBe(0);
    await opened.close();
  });

  test('a link that opens a fiche but gives no view takes the map to the object', async () => {
    const [school] = tableRows(await db.query("SELECT uai, lon, lat FROM etablissements WHERE ep = 'REP+' ORDER BY uai LIMIT 1"));
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.goto(`${server.url}#objet=etablissement:${String(school!.uai)}`);
    const view = () => /carte=([\d.]+)\/([\d.-]+)\/([\d.-]+)/.exec(p.url())?.slice(1).map(Number) ?? [];
    await expect.poll(() => view()[0] ?? 0, { timeout: 90_000 }).toBeGreaterThanOrEqual(13);
    // Centred on the school, but for the panels' padding (a few dozen pixels at zoom 14).
    await expect.poll(() => Math.abs(view()[1]! - Number(school!.lat)) + Math.abs(view()[2]! - Number(school!.lon))).toBeLessThan(0.02);
    await opened.close();
  });

  test('« Voir sur la carte » frames the listed QPV clear of the panels', async () => {
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    // A filter from the national view: the list unfolds over the south, where the QPV are.
    // QPV only: the other layers' colours would count as QPV pixels.
    await p.goto(`${server.url}#onglet=filtres&couches=qpv&f_valeur=50~70`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    const listed = await tableCount(p);
    expect(listed).toBe(await sqlCount(tp60Between(50, 70)));
    await waitForMapDrawn(p);
    // The map left visible: right of the side panel, above the list.
    const clear = async () => {
      const panel = (await p.locator('.app__panel').boundingBox())!;
      const list = (await p.getByTestId('result-panel').boundingBox())!;
      const x = Math.ceil(panel.x + panel.width) + 2;
      return { x, y: 130, width: VIEWPORT.width - x, height: Math.floor(list.y) - 130 };
    };
    const before = countPixels(await screenshot(p, 'voir-sur-la-carte-avant'), isQpvPixel, await clear()).matching;
    const zoom = await p.evaluate(() => Number(/carte=([\d.]+)/.exec(location.hash)![1]));
    await p.getByRole('button', { name: 'Voir sur la carte' }).click();
    await p.waitForFunction((z) => Number(/carte=([\d.]+)/.exec(location.hash)?.[1] ?? 0) > z + 1, zoom, { timeout: 15_000 });
    // Matching QPV are drawn in their class colour, the others in grey: far more colour in view.
    await expect.poll(async () => countPixels(await screenshot(p, 'voir-sur-la-carte-apres'), isQpvPixel, await clear()).matching, { timeout: 30_000 }).toBeGreaterThan(Math.max(800, 3 * before));
    await opened.close();
  });

  test('a Cité perimeter, drawn with the basemap under the other layers, has its tooltip and opens its fiche', async () => {
    const [cite] = tableRows(await db.query("SELECT nom, (xmin + xmax) / 2 AS lon, (ymin + ymax) / 2 AS lat FROM cites WHERE geometry IS NOT NULL AND nom LIKE '%Vénissieux%'"));
    expect(cite).toBeDefined();
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.goto(`${server.url}#couches=cites&carte=11/${cite!.lat}/${cite!.lon}`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    // The map's centre, the centre of the perimeter's box: inside it (Vénissieux and Saint-Fons).
    const box = (await p.getByTestId('map').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const tooltip = p.locator('.deck-tooltip').filter({ visible: true });
    // Hovered again until the perimeter, which comes from a DuckDB query, is drawn and answers.
    let nudge = 0;
    await expect
      .poll(
        async () => {
          await p.mouse.move(x + (nudge++ % 2), y);
          return (await tooltip.count()) > 0 ? tooltip.innerText() : '';
        },
        { timeout: 30_000 },
      )
      .toContain('Cité éducative');
    expect(await tooltip.innerText()).toContain(String(cite!.nom));
    // No seed names its QPV: drawn as its two communes, and said to be approached.
    expect(await tooltip.innerText()).toContain('périmètre : périmètre approché (commune entière)');
    await p.mouse.click(x + ((nudge + 1) % 2), y);
    const fiche = p.getByTestId('fiche-objet');
    await expect.poll(() => fiche.getAttribute('data-kind'), { timeout: 15_000 }).toBe('cite');
    await expect.poll(() => fiche.locator('h2').innerText()).toBe(cite!.nom);
    await expect.poll(() => fiche.innerText()).toMatch(/Périmètre\s+périmètre approché \(commune entière\)/);
    await opened.close();
  });

  test('with the QPV and schools hidden, a brush move leaves the basemap undrawn', async () => {
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    // Counts MapLibre's draw calls: the basemap canvas is the only one with that class.
    await p.addInitScript(() => {
      const counter = { basemapDraws: 0 };
      (window as unknown as { __draws: typeof counter }).__draws = counter;
      const draw = WebGL2RenderingContext.prototype.drawElements;
      WebGL2RenderingContext.prototype.drawElements = function (this: WebGL2RenderingContext, ...args: Parameters<typeof draw>) {
        if ((this.canvas as HTMLCanvasElement).classList.contains('maplibregl-canvas')) counter.basemapDraws++;
        return draw.apply(this, args);
      };
    });
    await p.goto(`${server.url}#onglet=filtres&couches=cites`);
    await waitForMark(p, 'obs:first-paint', 90_000);
    const histogram = p.locator(HISTOGRAM);
    await histogram.waitFor({ timeout: 60_000 });
    const draws = () => p.evaluate(() => (window as unknown as { __draws: { basemapDraws: number } }).__draws.basemapDraws);
    // The basemap drawn, then still (MapLibre idle: its tiles and fades done).
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    await waitForMapDrawn(p);
    await histogram.scrollIntoViewIfNeeded();
    await waitForMapDrawn(p);
    const quiet = await draws();
    expect(quiet).toBeGreaterThan(0);
    const box = (await histogram.boundingBox())!;
    await p.mouse.move(box.x + 60, box.y + 40);
    await p.mouse.down();
    for (let i = 1; i <= 10; i++) await p.mouse.move(box.x + 60 + 8 * i, box.y + 40);
    await p.mouse.up();
    await expect.poll(() => p.getByTestId('match-count').getAttribute('data-count')).not.toBe(String(await sqlCount('SELECT count(*) AS n FROM qpv')));
    await settle(p);
    expect(await draws()).toBe(quiet);
    await opened.close();
  });

  test('on a phone held upright, the panel above and the list below, the list at full width', async () => {
    const opened = await openPage(browser, server.url);
    const p = opened.page;
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`${server.url}#onglet=filtres&f_valeur=30~45`);
    await waitForMark(p, 'obs:duckdb-ready', 90_000);
    expect(await tableCount(p)).toBe(await sqlCount(tp60Between(30, 45)));
    const left = (await p.locator('.app__left').boundingBox())!;
    const list = (await p.getByTestId('result-panel').boundingBox())!;
    expect(list.width).toBeGreaterThan(0.9 * 390);
    expect(left.y + left.height).toBeLessThanOrEqual(list.y);
    // The columns keep their width: the list scrolls sideways rather than squeeze them.
    const scroller = p.getByTestId('result-table');
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await opened.close();
  });
});
