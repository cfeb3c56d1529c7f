import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { type Place, searchPlaces } from '../../src/queries/place-search.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, type Manifest, readManifest, readPublishedPlaces } from '../support/published-data.ts';

/*
 * Contrats de ville as territoires: one full pipeline run into a temp folder (never
 * public/data), read back through DuckDB, checked against the ANCT file, and searched with the
 * app's own search.
 */
let db: Connector;
let result: PipelineResult;
let manifest: Manifest;
let places: Place[];
/** code_cv → codgeo (EPCI SIREN or INSEE commune code) and point, from the ANCT file. */
let anct: Map<string, { codgeo: string; point: [number, number] }>;

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
  manifest = await readManifest(out);
  places = await readPublishedPlaces(out);
  const file = JSON.parse(await readFile(path.join(SOURCES_DIR, 'anct-contrats-de-ville-points/geom_cv_ctr.json'), 'utf8')) as {
    features: { properties: { code_cv: string; codgeo: string }; geometry: { coordinates: [number, number] } }[];
  };
  anct = new Map(file.features.map((f) => [f.properties.code_cv, { codgeo: f.properties.codgeo, point: f.geometry.coordinates }]));
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const contrat = async (code: string) => (await rows(`SELECT * FROM territoires WHERE niveau = 'contrat_de_ville' AND code = '${code}'`))[0];

describe('pipeline: contrats de ville in territoires', () => {
  it('publishes the 433 contracts of the 434 features but the two of collectivités d’outre-mer, declaring the ANCT file as a source', async () => {
    expect(anct.size).toBe(433);
    expect(await rows(`SELECT count(*) AS n, count(DISTINCT code) AS codes, count(geometry) AS outlines FROM territoires WHERE niveau = 'contrat_de_ville'`)).toEqual([{ n: 431, codes: 431, outlines: 62 }]);
    const leftOut = result.warnings.filter((w) => w.location.file.endsWith('geom_cv_ctr.json') && w.reason.endsWith('left out'));
    expect(leftOut.map((w) => w.location.value)).toEqual(['CV415', 'CV429']);
    const sources = manifest.tables.find((t) => t.name === 'territoires')!.sources;
    expect(sources.find((s) => s.id === 'anct-contrats-de-ville-points')).toMatchObject({ records: 434 });
  });

  it('names a contract by the ANCT label without its département prefix, in a known département of its région', async () => {
    expect(await contrat('CV116')).toMatchObject({ nom: 'Rennes Métropole', departement_code: '35', region_code: '53' });
    expect(await contrat('CV043')).toMatchObject({ nom: "CA du Pays d'Aix en Provence (CAPA)", departement_code: '13', region_code: '93' });
    // Corsica: no insee_dep in the file, the point says which département.
    expect(await contrat('CV366')).toMatchObject({ nom: 'CA du Pays Ajaccien', departement_code: '2A', region_code: '94' });
    expect(await contrat('CV368')).toMatchObject({ departement_code: '2B' });
    const orphans = await rows(`
      SELECT c.code FROM territoires c
      LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = c.departement_code AND d.region_code = c.region_code
      WHERE c.niveau = 'contrat_de_ville' AND d.code IS NULL`);
    expect(orphans).toEqual([]);
  });

  it('gives a single-commune contract the outline of its commune, as contours_communes publishes it', async () => {
    const outlined = await rows(`SELECT code, geometry FROM territoires WHERE niveau = 'contrat_de_ville' AND geometry IS NOT NULL`);
    expect(outlined).toHaveLength(62);
    for (const { code, geometry } of outlined) {
      const { codgeo } = anct.get(String(code))!;
      expect(codgeo, String(code)).toMatch(/^\d{5}$/);
      expect(await rows(`SELECT geometry FROM contours_communes WHERE code = '${codgeo}'`), String(code)).toEqual([{ geometry }]);
    }
    // Le Moule (Guadeloupe): a real place, not the ANCT basemap inset off Brittany.
    expect(await contrat('CV373')).toMatchObject({ nom: 'Le Moule', departement_code: '971' });
    expect(Number((await contrat('CV373'))!.lon)).toBeLessThan(-61);
  });

  it('gives an EPCI contract no outline, the ANCT point, and the box of its département grown to hold the point', async () => {
    const rennes = (await contrat('CV116'))!;
    expect(rennes.geometry).toBeNull();
    expect([rennes.lon, rennes.lat]).toEqual(anct.get('CV116')!.point);
    const ille = (await rows(`SELECT xmin, ymin, xmax, ymax FROM territoires WHERE niveau = 'departement' AND code = '35'`))[0]!;
    expect(rennes).toMatchObject(ille);
    // Redon's point lies in Loire-Atlantique: the box grows to hold it.
    const redon = (await contrat('CV115'))!;
    expect(Number(redon.ymin)).toBeLessThanOrEqual(Number(redon.lat));
    const outside = await rows(`SELECT code FROM territoires WHERE niveau = 'contrat_de_ville' AND NOT (lon BETWEEN xmin AND xmax AND lat BETWEEN ymin AND ymax)`);
    expect(outside).toEqual([]);
  });

  it('places the EPCI contracts of the DROM, whose ANCT points are basemap insets, at their département’s point, with a warning', async () => {
    const guadeloupe = (await rows(`SELECT lon, lat FROM territoires WHERE niveau = 'departement' AND code = '971'`))[0]!;
    expect(await contrat('CV425')).toMatchObject({ nom: 'CA CAP Excellence', ...guadeloupe, geometry: null });
    const insets = result.warnings.filter((w) => w.location.file.endsWith('geom_cv_ctr.json') && w.reason.includes('basemap inset'));
    expect(insets.map((w) => w.location.value)).toEqual(['CV425', 'CV426', 'CV428']);
  });
});

describe('the app’s search finds contrats de ville', () => {
  const search = async (text: string) => searchPlaces(places, text)!;

  it('by name and by code, labelled with their département', async () => {
    const hit = { kind: 'contrat_de_ville', code: 'CV116', nom: 'Rennes Métropole', detail: 'Contrat de ville (35)' };
    expect((await search('rennes metropole'))[0]).toMatchObject(hit);
    expect((await search('cv116'))[0]).toMatchObject(hit);
  });

  it('after the commune of the same name: « perpignan », « toulouse »', async () => {
    const perpignan = await search('perpignan');
    expect(perpignan.map((h) => [h.kind, h.code])).toEqual([
      ['commune', '66136'],
      ['contrat_de_ville', 'CV235'],
    ]);
    const toulouse = await search('toulouse');
    expect(toulouse[0]).toMatchObject({ kind: 'commune', code: '31555' });
    expect(toulouse.find((h) => h.kind === 'contrat_de_ville')).toMatchObject({ code: 'CV101', nom: 'Toulouse Métropole', detail: 'Contrat de ville (31)' });
  });

  it('with a box to zoom to that holds the contract’s point', async () => {
    const [hit] = await search('CA du Pays Ajaccien');
    const row = (await contrat('CV366'))!;
    expect(hit).toMatchObject({ kind: 'contrat_de_ville', xmin: row.xmin, ymin: row.ymin, xmax: row.xmax, ymax: row.ymax });
  });
});
