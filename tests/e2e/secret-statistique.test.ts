import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { secretNote } from '../../src/domain/secret-statistique.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { servedApp } from '../support/app-page.ts';
import { DIST_DIR, openPage, waitForMark } from '../support/browser.ts';

/**
 * The secret statistique in the built app, on the data it serves: the fiche of a school with
 * fewer than 11 pupils and the cross-filter result table (and its CSV) of a QPV whose job
 * seekers are hidden show « < 11 » with the note — never a raw count, never « secret » alone.
 */
const app = servedApp();
/** The data the built app serves, in a DuckDB of our own. */
let db: Connector;

async function open(hash: string): Promise<Page> {
  const { page } = await openPage(app.browser, app.url);
  await page.goto(app.url + hash);
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  return page;
}

const first = async (sql: string) => tableRows(await db.query(sql))[0]!;

beforeAll(async () => {
  db = await connectToPublishedData(path.join(DIST_DIR, 'data'));
});

afterAll(async () => {
  await db?.close();
});

describe('secret statistique in the app', () => {
  test('the fiche of a school with fewer than 11 pupils shows « < 11 » and the note', async () => {
    // The Collège privé Nazareth (Montpellier) has 9 pupils in the sources: published hidden.
    expect(await first("SELECT effectifs, effectifs_statut FROM etablissements WHERE uai = '0341726S'")).toEqual({ effectifs: null, effectifs_statut: 'secret' });
    const page = await open('#objet=etablissement:0341726S');
    const fiche = page.getByTestId('fiche-objet');
    const pupils = fiche.locator('dt', { hasText: 'Élèves' }).locator('xpath=following-sibling::dd[1]');
    await pupils.waitFor({ timeout: 60_000 });
    expect(await pupils.textContent()).toBe('< 11');
    expect(await fiche.getByTestId('secret-note').textContent()).toBe(`${secretNote()}.`);
    expect(await fiche.textContent()).not.toMatch(/\bsecret\b(?! statistique)/);
  });

  test('the result table and its CSV show « < 11 » for hidden job seekers, with the note', async () => {
    const hidden = await first("SELECT territoire_code AS code FROM indicateurs WHERE indicateur = 'abcde' AND statut = 'secret' AND territoire_code = 'QP034016'");
    expect(hidden.code).toBe('QP034016');
    // Frontignan (34108): its one QPV, Les Deux Pins, alone in the list.
    const page = await open('#onglet=filtres&indicateur=abcde&territoire=commune:34108');
    const row = page.getByTestId('result-table').locator('tr[data-code="QP034016"]');
    await row.waitFor({ timeout: 60_000 });
    const cells = await row.locator('td').allTextContents();
    expect(cells[3]).toBe('< 11');
    expect(cells).not.toContain('secret');
    const panel = page.getByTestId('result-panel');
    expect(await panel.getByTestId('secret-note').textContent()).toBe(`${secretNote()}.`);

    const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), panel.getByRole('button', { name: 'CSV' }).click()])) as [Download, void];
    const csv = readFileSync(await download.path()).toString('utf8');
    const lines = csv.split('\r\n').map((l) => l.split(';'));
    const line = lines.find((l) => l[0] === 'QP034016')!;
    expect(line[4]).toBe('< 11');
    expect(lines.flat()).not.toContain('secret');
    expect(csv).toContain(secretNote());
  });
});
