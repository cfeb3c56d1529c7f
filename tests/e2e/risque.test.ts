import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { formatValue } from '../../src/domain/format-fr.ts';
import { buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS, type RiskWeights } from '../../src/domain/risk-index.ts';
import { rankText } from '../../src/view-models/fiche-risque-model.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { DIST_DIR, expectPagesClean, launchChromium, nextFrames, openPage, REPO_ROOT, startPreview, waitForMark } from '../support/browser.ts';

/*
 * The risk index in the browser: chosen like any indicator, reweighted from the keyboard, its
 * ranking in the result table checked against the same SQL run in Node's DuckDB on the data
 * the built app serves, with the new weights.
 */
const ARTIFACTS = path.join(REPO_ROOT, 'tests/e2e/artifacts');
const START = '#carte=11.2/43.60/1.33';
/** Rows compared at the top of the table (the virtualised body renders at least these). */
const TOP = 8;
/** Poverty weighed 3, the collèges' IPS left out: what the keyboard sets below. */
const NEW_WEIGHTS: RiskWeights = { ...DEFAULT_RISK_WEIGHTS, taux_pauvrete: 3, ips_colleges: 0 };

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let page: Page;
/** The data the built app serves, in a DuckDB of our own: the independent side of each check. */
let db: Connector;

interface Score {
  qpv_code: string;
  score: number | null;
  rang: number | null;
  rang_min: number | null;
  rang_max: number | null;
  statut: string;
}

/** The index recomputed in Node with `weights`, from the published source tables. */
async function recompute(weights: RiskWeights): Promise<{ top: string[]; nd: string[]; scores: Map<string, Score> }> {
  const rows = tableRows(await db.query(buildRiskScoresQuery(weights))) as unknown as Score[];
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.qpv_code.localeCompare(b.qpv_code));
  return { top: scored.slice(0, TOP).map((r) => r.qpv_code), nd: rows.filter((r) => r.score === null).map((r) => r.qpv_code), scores: new Map(rows.map((r) => [r.qpv_code, r])) };
}

/** Waits until the table shows the result of the current state, then reads its first rows' codes. */
async function topRows(p: Page = page): Promise<string[]> {
  await p.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count') !== '');
  return p.locator('[data-testid="result-table"] tbody tr[data-code]').evaluateAll((rows, n) => rows.slice(0, n).map((r) => r.getAttribute('data-code')!), TOP);
}

/**
 * A QPV's row, scrolled into the virtualised table (from its end up, as n.d. rows sort last)
 * and centred, so that the next render keeps it. Retried as a whole: on a loaded machine a
 * render can land between finding the row and centring it.
 */
async function rowOf(code: string): Promise<Locator> {
  const table = page.getByTestId('result-table');
  const row = page.locator(`[data-testid="result-table"] tr[data-code="${code}"]`);
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect
    .poll(
      async () => {
        if (await row.isVisible()) {
          await row.evaluate((el) => el.scrollIntoView({ block: 'center' }), undefined, { timeout: 2_000 }).catch(() => undefined);
        } else {
          // Up half a screen, or back to the end once at the top.
          await table.evaluate((el) => (el.scrollTop === 0 ? el.scrollTo(0, el.scrollHeight) : el.scrollBy(0, -el.clientHeight / 2)));
        }
        // The virtualised body renders the rows scrolled to on its next frame.
        await nextFrames(page);
        return row.isVisible();
      },
      { timeout: 60_000, interval: 10 },
    )
    .toBe(true);
  return row;
}

/** The value cell of a QPV's row, read again with its row if a render replaced it meanwhile. */
async function valueCell(code: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const text = await (await rowOf(code)).locator('td').nth(3).textContent({ timeout: 5_000 }).catch((error: unknown) => {
      if (attempt === 5) throw error;
      return null;
    });
    if (text !== null) return text;
  }
}

const slider = (composante: string) => page.locator(`[data-testid="risk-weights"] li[data-composante="${composante}"] input[type="range"]`);

async function screenshot(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, `${name}.png`), await page.screenshot());
}

beforeAll(async () => {
  db = await connectToPublishedData(path.join(DIST_DIR, 'data'));
  server = await startPreview();
  browser = await launchChromium();
  ({ page } = await openPage(browser, server.url));
  await page.goto(server.url + START);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('décrochage risk index', () => {
  test('is offered first in the indicator selector; choosing it opens the pondérations and ranks the table as the published index', async () => {
    const select = page.getByLabel('Colorer les QPV selon');
    await expect.poll(() => select.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await select.locator('option').first().getAttribute('value')).toBe('risque_decrochage');
    await select.selectOption('risque_decrochage');
    await page.getByTestId('risk-weights').waitFor();
    await page.getByRole('button', { name: 'Afficher la liste' }).click();

    const expected = await recompute(DEFAULT_RISK_WEIGHTS);
    expect(await topRows()).toEqual(expected.top);
    const published = tableRows(await db.query(`SELECT qpv_code FROM risque_decrochage WHERE score IS NOT NULL ORDER BY score DESC, qpv_code LIMIT ${TOP}`)).map((r) => r.qpv_code);
    expect(expected.top).toEqual(published);
    const counts = page.getByTestId('risk-counts');
    await expect.poll(() => counts.getAttribute('data-nd')).toBe(String(expected.nd.length));
    expect(await counts.getAttribute('data-scored')).toBe(String(expected.scores.size - expected.nd.length));
    await screenshot('risque-default');
  });

  test('changing weights from the keyboard reorders the table as the SQL recomputation with the new weights does', async () => {
    const before = await topRows();
    await slider('taux_pauvrete').focus();
    await page.keyboard.press('End');
    await slider('ips_colleges').focus();
    await page.keyboard.press('Home');
    expect(await slider('taux_pauvrete').inputValue()).toBe('3');
    expect(await slider('ips_colleges').inputValue()).toBe('0');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('poids=taux_pauvrete:3,ips_colleges:0');
    // Rendered with the new weights (the same commit turns the table to « loading » until DuckDB answers).
    expect(await page.locator('[data-testid="risk-weights"] li[data-composante="ips_colleges"] output').textContent()).toBe('retirée');

    const expected = await recompute(NEW_WEIGHTS);
    const after = await topRows();
    expect(after).toEqual(expected.top);
    expect(after).not.toEqual(before);
    // The first value shown is the recomputed score.
    const first = expected.scores.get(after[0]!)!.score!;
    expect(await page.locator(`[data-testid="result-table"] tr[data-code="${after[0]}"] td`).nth(3).textContent()).toBe(formatValue(first, 'indice'));
    // The legend counts every QPV: the scored ones in its classes, the others as n.d.
    const legend = page.getByTestId('legend');
    const nd = await legend.locator('li[data-nd]').getAttribute('data-count');
    expect(nd).toBe(String(expected.nd.length));
    await screenshot('risque-reweighted');
  });

  test('a QPV missing a weighted component shows « n.d. », never 0, in the table and its fiche', async () => {
    const { nd } = await recompute(NEW_WEIGHTS);
    expect(nd.length).toBeGreaterThan(0);
    for (const code of nd) expect(await valueCell(code), code).toBe('n.d.');
    await (await rowOf(nd[0]!)).locator('.result-table__open').click();
    const fiche = page.getByTestId('fiche-risque');
    await fiche.waitFor({ timeout: 30_000 });
    expect(await fiche.locator('[data-score]').count()).toBe(0);
    expect(await fiche.textContent()).toMatch(/n\.d\. : \d composante\(s\) renseignée\(s\)/);
  });

  test('the fiche of the top QPV gives its score under the new weights, and zone blanche flags at the chosen radius', async () => {
    const { top, scores } = await recompute(NEW_WEIGHTS);
    await page.getByTestId('result-table').evaluate((el) => el.scrollTo(0, 0));
    await page.locator(`[data-testid="result-table"] tr[data-code="${top[0]}"] .result-table__open`).click();
    const score = page.locator('[data-testid="fiche-risque"] [data-score]');
    await expect.poll(async () => Number(await score.getAttribute('data-score')), { timeout: 30_000 }).toBeCloseTo(scores.get(top[0]!)!.score!, 9);
    expect(await page.getByTestId('fiche-risque-weights').getAttribute('data-custom')).toBe('true');
    // Its rank and how far halving or doubling each weight moves it, under the new weights.
    const expected = scores.get(top[0]!)!;
    const rang = page.getByTestId('fiche-risque-rang');
    await expect.poll(() => rang.getAttribute('data-rang-max')).toBe(String(expected.rang_max));
    expect(await rang.getAttribute('data-rang-min')).toBe(String(expected.rang_min));
    const scored = [...scores.values()].filter((r) => r.score !== null && r.qpv_code.startsWith(top[0]!.slice(0, 2))).length;
    const weighted = Object.values(NEW_WEIGHTS).filter((w) => w > 0).length;
    expect(await rang.textContent()).toContain(rankText({ rang: expected.rang, rangMin: expected.rang_min, rangMax: expected.rang_max, qpvClasses: scored, composantesTotal: weighted }));
    // Taken among the QPV scored under these weights, named from the data (Ille-et-Vilaine's have no INSEE indicator).
    // (« QPV notés » alone while the coverage query runs.)
    await expect.poll(() => rang.textContent()).toContain(`; classement parmi les ${scored} QPV notés des données chargées : Occitanie.`);
    // The collèges its school components come from, nearest first.
    const colleges = tableRows(await db.query(`SELECT uai FROM qpv_colleges WHERE qpv_code = '${top[0]}' ORDER BY rang`)).map((r) => r.uai);
    expect(colleges.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="fiche-risque-colleges"] tbody tr[data-uai]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-uai')))).toEqual(colleges);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'risque-fiche-rang.png'), await rang.screenshot());
    writeFileSync(path.join(ARTIFACTS, 'risque-fiche-colleges.png'), await page.getByTestId('fiche-risque-colleges').screenshot());

    await page.getByTestId('zone-blanche-radius').selectOption('1');
    // The URL is written right after the input's task.
    await expect.poll(() => new URL(page.url()).hash).toContain('zone_blanche=1');
    const [blanches] = tableRows(await db.query(`SELECT count(*)::INTEGER AS n FROM acces_services WHERE qpv_code = '${top[0]}' AND n_1km = 0`));
    await expect.poll(() => page.getByTestId('zone-blanche-summary').getAttribute('data-count')).toBe(String(blanches!.n));
    await screenshot('risque-fiche');
  });

  test('the URL reproduces the weights: a new page ranks the table the same way', async () => {
    // Without the open fiche, which would cover the result panel's button.
    const url = new URL(page.url());
    const params = new URLSearchParams(url.hash.slice(1));
    params.delete('qpv');
    url.hash = params.toString();
    const opened = await openPage(browser, server.url);
    const copy = opened.page;
    await copy.goto(url.href);
    await waitForMark(copy, 'obs:duckdb-ready', 90_000);
    await copy.getByRole('button', { name: 'Afficher la liste' }).click();
    expect(await topRows(copy)).toEqual((await recompute(NEW_WEIGHTS)).top);
    expect(await copy.locator('[data-testid="risk-weights"] li[data-composante="ips_colleges"] input').inputValue()).toBe('0');
    await opened.close();
  });
});
