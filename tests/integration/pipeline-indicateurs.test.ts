import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { INDICATOR_CATALOGUE, isIndicatorId, millesimeLabel } from '../../src/domain/indicator-catalogue.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { type Manifest, PUBLISHED_DIR, readManifest } from '../support/published-data.ts';

/*
 * One full pipeline run into a temp folder (never public/data), its indicateurs and
 * indicateurs_meta loaded into the Node DuckDB as the app loads them, and checked against
 * qp.csv read independently (csv-parse directly, not the pipeline's reader).
 */
let db: Connector;
/** indicateurs and indicateurs_meta of the committed public/data. */
let published: Connector;
let result: PipelineResult;
let manifest: Manifest;
let qp: Record<string, string>[];

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  manifest = await readManifest(out);
  db = await createNodeConnector();
  for (const name of ['qpv', 'indicateurs', 'indicateurs_meta']) await db.loadArrow(name, await readFile(path.join(out, `${name}.arrow`)));
  published = await createNodeConnector();
  for (const name of ['indicateurs', 'indicateurs_meta']) await published.loadArrow(name, await readFile(path.join(PUBLISHED_DIR, `${name}.arrow`)));
  qp = parse(await readFile(path.join(SOURCES_DIR, 'qpv-occitanie-2015/qp.csv')), { columns: true, bom: true }) as Record<string, string>[];
});
afterAll(async () => {
  await db?.close();
  await published?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;
const IDENTIFIERS = ['code_qp', 'nom_qp', 'nom_commune'];
/** The counts of people of qp.csv (type_valeur 'effectif'): under 11, published hidden. */
const PEOPLE_COUNTS = ['pop_mun', 'pop_com_qp', 'pop_com', 'percou', 'a', 'abcde', 'abcde_f', 'abcde_h', 'abc_capbep', 'abc_bac', 'abc_supbac', 'auto_ent'];
const underSecret = (column: string, value: string) => PEOPLE_COUNTS.includes(column) && value !== '' && Number(value) < 11;

describe('pipeline: indicateurs from qp.csv', () => {
  it('builds both tables with nothing rejected, warns of the one commune total that is no sum, and lists their sources in the manifest', () => {
    const summary = (table: string) => result.tables.find((t) => t.table === table);
    expect(summary('indicateurs_meta')).toMatchObject({ rowsIn: 41, rowsKept: 41, rejected: 0, warnings: 0 });
    expect(summary('indicateurs')).toMatchObject({ rowsIn: 105 * 41, rowsKept: 105 * 41, rejected: 0, warnings: 2 });
    // QP065003 lies in Séméac and Tarbes: Tarbes' pop_com_qp counts part of it.
    expect(result.warnings.filter((w) => w.location.file.endsWith('qp.csv')).map((w) => w.reason)).toEqual([
      'additive group pop_com_qp = Σ pop_mun (nom_commune « Tarbes ») does not add up: its secondary suppression is applied all the same',
      'additive group pop_com_qp = Σ pop_mun (nom_commune « Séméac, Tarbes ») does not add up: its secondary suppression is applied all the same',
    ]);
    const sources = (table: string) => manifest.tables.find((t) => t.name === table)?.sources.map((s) => s.id);
    expect(sources('indicateurs')).toEqual(['qpv-occitanie-2015-indicateurs']);
    expect(sources('indicateurs_meta')).toEqual(['qpv-occitanie-2015-dictionnaire']);
  });

  it('has one row per QPV and numeric column of qp.csv (105 × 41), with a unique key', async () => {
    expect(qp).toHaveLength(105);
    const numeric = Object.keys(qp[0]!).filter((c) => !IDENTIFIERS.includes(c));
    expect(numeric).toHaveLength(41);
    expect(await one('SELECT count(*) AS n, count(DISTINCT territoire_code) AS qpv, count(DISTINCT indicateur) AS ids FROM indicateurs')).toEqual({ n: 4305, qpv: 105, ids: 41 });
    expect(await one('SELECT count(*) - count(DISTINCT (territoire_code, indicateur, annee)) AS duplicates FROM indicateurs')).toEqual({ duplicates: 0 });
    expect(await one("SELECT count(*) AS n FROM indicateurs WHERE niveau <> 'qpv' OR source_id <> 'qpv-occitanie-2015-indicateurs'")).toEqual({ n: 0 });
  });

  it('reads values as published: tp60 of QP009001 is 40.2, its empty part_chomprinc is null and nd', async () => {
    expect(await one("SELECT valeur, statut, annee FROM indicateurs WHERE territoire_code = 'QP009001' AND indicateur = 'tp60'")).toEqual({ valeur: 40.2, statut: 'ok', annee: 2019 });
    expect(await one("SELECT valeur, statut FROM indicateurs WHERE territoire_code = 'QP009001' AND indicateur = 'part_chomprinc'")).toEqual({ valeur: null, statut: 'nd' });
    expect(await one("SELECT DISTINCT annee FROM indicateurs WHERE indicateur = 'tx_tot_empl'")).toEqual({ annee: 2020 });
  });

  it('has as many nd rows as qp.csv has empty cells, as many secret ones as it has counts of people under 11, and a value exactly where statut is ok', async () => {
    const cells = qp.flatMap((r) => Object.entries(r).filter(([c]) => !IDENTIFIERS.includes(c)));
    const empty = cells.filter(([, v]) => v === '').length;
    const secret = cells.filter(([c, v]) => underSecret(c, v)).length;
    expect(empty).toBeGreaterThan(0);
    expect(secret).toBeGreaterThan(0);
    expect(await one("SELECT count(*) FILTER (statut = 'nd') AS nd, count(*) FILTER (statut = 'secret') AS secret, count(*) FILTER ((valeur IS NULL) <> (statut <> 'ok')) AS inconsistent FROM indicateurs")).toEqual({ nd: empty, secret, inconsistent: 0 });
  });

  it('agrees with qp.csv on every value it publishes', async () => {
    const published = new Map((await rows('SELECT territoire_code, indicateur, valeur FROM indicateurs')).map((r) => [`${r.territoire_code}/${r.indicateur}`, r.valeur]));
    const differences = qp.flatMap((r) =>
      Object.entries(r)
        .filter(([c]) => !IDENTIFIERS.includes(c))
        .filter(([c, v]) => published.get(`${r.code_qp}/${c}`) !== (v === '' || underSecret(c, v) ? null : Number(v)))
        .map(([c, v]) => `${r.code_qp}/${c}: ${v}`),
    );
    expect(differences).toEqual([]);
  });

  it('computes in SQL the median poverty rate of the QPV that qp.csv gives', async () => {
    const rates = qp.map((r) => Number(r.tp60)).sort((a, b) => a - b);
    const expected = rates.length % 2 === 1 ? rates[(rates.length - 1) / 2] : (rates[rates.length / 2 - 1]! + rates[rates.length / 2]!) / 2;
    expect(await one("SELECT median(valeur) AS median, count(valeur) AS n FROM indicateurs WHERE indicateur = 'tp60'")).toEqual({ median: expected, n: 105 });
  });

  it('joins every value to a QPV of the qpv table', async () => {
    expect(await rows('SELECT DISTINCT i.territoire_code FROM indicateurs i LEFT JOIN qpv q ON q.code = i.territoire_code WHERE q.code IS NULL')).toEqual([]);
  });
});

describe('pipeline: indicateurs_meta', () => {
  it('describes every indicator of indicateurs, and only those', async () => {
    expect(await rows('SELECT DISTINCT i.indicateur FROM indicateurs i ANTI JOIN indicateurs_meta m USING (indicateur)')).toEqual([]);
    expect(await rows('SELECT m.indicateur FROM indicateurs_meta m ANTI JOIN indicateurs i USING (indicateur)')).toEqual([]);
    expect(await one('SELECT count(*) AS n, count(DISTINCT indicateur) AS ids FROM indicateurs_meta')).toEqual({ n: 41, ids: 41 });
  });

  it('gives the dictionary definition beside the curated label, unit and direction', async () => {
    expect(await one("SELECT * FROM indicateurs_meta WHERE indicateur = 'tp60'")).toEqual({
      indicateur: 'tp60',
      libelle: 'Taux de pauvreté (seuil 60 %)',
      definition: 'Taux de pauvreté',
      unite: '%',
      type_valeur: 'taux',
      sens: 'hausse_defavorable',
      theme: 'revenus',
      source_id: 'qpv-occitanie-2015-indicateurs',
      millesime: 'publié en 2019, année observée non précisée',
      annee_observee: null,
      annee_publication: 2019,
    });
  });

  it('takes every definition from meta_qp.csv, spaces tidied', async () => {
    const dictionary = parse(await readFile(path.join(SOURCES_DIR, 'qpv-occitanie-2015/meta_qp.csv')), { columns: true, bom: true }) as Record<string, string>[];
    const expected = dictionary.filter((d) => !IDENTIFIERS.includes(d.colonne!)).map((d) => ({ indicateur: d.colonne, definition: d.description!.replace(/\s+/g, ' ').trim() }));
    const published = await rows('SELECT indicateur, definition FROM indicateurs_meta');
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.indicateur).localeCompare(String(b.indicateur));
    expect(published.sort(byId)).toEqual(expected.sort(byId));
  });

  it('publishes every count of people under 11 of qp.csv hidden, found by joining on type_valeur', async () => {
    const counts = await one(`
      SELECT count(*) FILTER (WHERE i.valeur < 11) AS shown, count(*) FILTER (WHERE i.statut = 'secret') AS hidden
      FROM indicateurs i JOIN indicateurs_meta m USING (indicateur) WHERE m.type_valeur = 'effectif'`);
    const expected = qp.flatMap((r) => PEOPLE_COUNTS.filter((c) => underSecret(c, r[c]!))).length;
    expect(counts).toEqual({ shown: 0, hidden: expected });
  });
});

describe.each([
  ['a fresh pipeline run', () => db],
  ['the committed public/data', () => published],
])('indicateurs_meta millésimes, in %s', (_, connector) => {
  const all = async (sql: string) => tableRows(await connector().query(sql));

  it('dates the three population counts 2013, the year they describe, from the 2019 edition', async () => {
    expect(await all("SELECT indicateur, millesime, annee_observee, annee_publication FROM indicateurs_meta WHERE theme = 'population' AND annee_observee IS NOT NULL ORDER BY indicateur")).toEqual(
      ['pop_com', 'pop_com_qp', 'pop_mun'].map((indicateur) => ({ indicateur, millesime: '2013', annee_observee: 2013, annee_publication: 2019 })),
    );
  });

  it('says « année observée non précisée » for every other indicator, with its edition, never a bare release year', async () => {
    const rows = await all('SELECT indicateur, theme, millesime, annee_observee, annee_publication FROM indicateurs_meta WHERE annee_observee IS NULL');
    expect(rows).toHaveLength(41 - 3);
    for (const r of rows) {
      const edition = r.theme === 'emploi' ? 2020 : 2019;
      expect(r).toEqual({ ...r, millesime: `publié en ${edition}, année observée non précisée`, annee_publication: edition });
    }
    // No millésime shows the edition as if it were the year observed.
    expect(await all('SELECT indicateur FROM indicateurs_meta WHERE millesime = annee_publication::VARCHAR')).toEqual([]);
  });

  it('holds the catalogue\'s millésime of each indicator, and its edition is the year of its values', async () => {
    const rows = await all('SELECT indicateur, millesime, annee_observee, annee_publication FROM indicateurs_meta');
    for (const r of rows) {
      const id = String(r.indicateur);
      expect(isIndicatorId(id)).toBe(true);
      const { millesime } = INDICATOR_CATALOGUE[id as keyof typeof INDICATOR_CATALOGUE];
      expect(r).toEqual({ indicateur: id, millesime: millesimeLabel(millesime), annee_observee: millesime.observee, annee_publication: millesime.publication });
    }
    expect(await all('SELECT DISTINCT i.indicateur, i.annee, m.annee_publication FROM indicateurs i JOIN indicateurs_meta m USING (indicateur) WHERE i.annee <> m.annee_publication')).toEqual([]);
  });
});
