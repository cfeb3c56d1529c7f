import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';

/*
 * One full pipeline run into a temp folder (never public/data), the etablissements, qpv and
 * territoires tables loaded into the Node DuckDB as the app loads them, and checked against
 * the counts the sources' SOURCE.md files give.
 */
let db: Connector;
let result: PipelineResult;

const OCCITANIE = 'annuaire-education-occitanie-2024';
const ILLE_ET_VILAINE = 'annuaire-education-ille-et-vilaine-2023';

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await createNodeConnector();
  for (const name of ['territoires', 'qpv', 'etablissements']) await db.loadArrow(name, await readFile(path.join(out, `${name}.arrow`)));
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;
const epCounts = (source: string) =>
  rows(`SELECT ep, count(*) AS n FROM etablissements WHERE source_id = '${source}' GROUP BY ep ORDER BY ep`);

describe('pipeline: etablissements', () => {
  it("publishes every open establishment; leaves out the 107 collèges of collectivités d'outre-mer; rejects one nameless row", () => {
    const summary = result.tables.find((t) => t.table === 'etablissements')!;
    // 6,240 + 996 annuaire rows, 7,654 géolocalisation, 6,935 DNB, 6,973 IPS.
    expect(summary).toMatchObject({ rowsIn: 28798, rejected: 1 });
    expect(summary.rejectedByReason).toEqual({ 'empty value': 1 });
    // (lieux leaves out the posts of Saint-Martin for the same reason: not counted here.)
    expect(result.warnings.filter((w) => w.reason.startsWith("collectivité d'outre-mer") && w.location.file.includes('colleges-geolocalisation'))).toHaveLength(107);
  });

  it('has one row per UAI, each UAI of 7 digits + a letter', async () => {
    expect(await one("SELECT count(*) = count(DISTINCT uai) AS unique_uai, bool_and(regexp_full_match(uai, '[0-9]{7}[A-Z]')) AS well_formed FROM etablissements")).toEqual({ unique_uai: true, well_formed: true });
  });

  it('gives every row a région, the one of its département in territoires', async () => {
    const orphans = await one(`
      SELECT count(*) AS n FROM etablissements e
      LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = e.departement_code AND d.region_code = e.region_code
      WHERE d.code IS NULL`);
    expect(orphans).toEqual({ n: 0 });
  });

  it('keeps the EP of the annuaires, whose empty column is a stated hors EP: Occitanie REP 199, REP+ 175; Ille-et-Vilaine REP 50, REP+ 6; none inconnu', async () => {
    expect(await epCounts(OCCITANIE)).toEqual([
      { ep: 'REP', n: 199 },
      { ep: 'REP+', n: 175 },
      { ep: 'hors_ep', n: 5863 },
    ]);
    expect(await epCounts(ILLE_ET_VILAINE)).toEqual([
      { ep: 'REP', n: 50 },
      { ep: 'REP+', n: 6 },
      { ep: 'hors_ep', n: 936 },
    ]);
  });

  // SOURCE.md's cross-check: annuaire rows (all open, with coordinates) whose point lies in one
  // of the QPV 2015 polygons. The 3 multi-line UAI of Occitanie, merged here, lie in none.
  it('places 344 Occitanie establishments in the 105 Occitanie QPV, 151 of them REP/REP+', async () => {
    const inQpv = await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE e.ep IN ('REP', 'REP+')) AS ep FROM etablissements e
      JOIN qpv q ON q.code = e.qpv_code AND q.source_id = 'qpv-occitanie-2015'
      WHERE e.source_id = '${OCCITANIE}'`);
    expect(inQpv).toEqual({ n: 344, ep: 151 });
  });

  it('places 20 Ille-et-Vilaine establishments in the 6 Rennes and Saint-Malo QPV, 13 of them REP/REP+', async () => {
    const inQpv = await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE e.ep IN ('REP', 'REP+')) AS ep FROM etablissements e
      JOIN qpv q ON q.code = e.qpv_code AND q.source_id = 'qpv-ille-et-vilaine-2015'
      WHERE e.source_id = '${ILLE_ET_VILAINE}'`);
    expect(inQpv).toEqual({ n: 20, ep: 13 });
  });

  it('lists the containing QPV first in qpv_300m, and only QPV that exist', async () => {
    expect(await one("SELECT count(*) AS n FROM etablissements WHERE qpv_code IS NOT NULL AND split_part(qpv_300m, ',', 1) <> qpv_code")).toEqual({ n: 0 });
    const unknown = await rows(`
      SELECT DISTINCT c.code FROM etablissements, unnest(string_split(qpv_300m, ',')) AS c(code)
      WHERE c.code NOT IN (SELECT code FROM qpv)`);
    expect(unknown).toEqual([]);
  });

  it('joins IPS 2022 and DNB 2021 to a collège: Georges Chaumeton, L’Union (IPS file line 4539)', async () => {
    const college = await one("SELECT type, ips, ips_annee, dnb_taux_reussite, dnb_session, source_id FROM etablissements WHERE uai = '0311094W'");
    expect(college).toEqual({ type: 'college', ips: 118.9, ips_annee: 2022, dnb_taux_reussite: 92.4, dnb_session: 2021, source_id: OCCITANIE });
  });

  it('adds the collèges of the rest of France with their REP/REP+ of rentrée 2020 (DNB flags); those absent from the DNB file are inconnu, not hors EP', async () => {
    const national = await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE ep IN ('REP', 'REP+')) AS ep, count(*) FILTER (WHERE ep = 'hors_ep') AS hors_ep,
             count(*) FILTER (WHERE ep = 'inconnu') AS inconnu, count(*) FILTER (WHERE ep = 'inconnu' AND secteur = 'public') AS inconnu_public,
             count(*) FILTER (WHERE ep = 'inconnu' AND dnb_session IS NOT NULL) AS inconnu_in_dnb
      FROM etablissements WHERE source_id = 'colleges-geolocalisation-2024'`);
    expect(national).toEqual({ n: 6768, ep: 1028, hors_ep: 5189, inconnu: 551, inconnu_public: 56, inconnu_in_dnb: 0 });
    // Every région of the territoires but Occitanie, whose annuaire already lists all its collèges.
    const missing = await rows(`
      SELECT code FROM territoires WHERE niveau = 'region' AND code NOT IN
        (SELECT region_code FROM etablissements WHERE source_id = 'colleges-geolocalisation-2024')`);
    expect(missing).toEqual([{ code: '76' }]);
  });
});
