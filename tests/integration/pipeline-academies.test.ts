import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { searchPlaces } from '../../src/queries/place-search.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, readManifest, readPublishedPlaces } from '../support/published-data.ts';

/*
 * Académies in `territoires` (niveau 'academie', from the ministry's 2020 contours): one full
 * pipeline run into a temp folder (never public/data), read back through DuckDB.
 */
let db: Connector;
let result: PipelineResult;
let out: string;

beforeAll(async () => {
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));

describe('pipeline: académies in territoires', () => {
  it('publishes the 30 académies of 2020, each in a région of the régions file, nothing rejected', async () => {
    expect(result.tables.find((t) => t.table === 'territoires')).toMatchObject({ rejected: 0 });
    expect(await rows("SELECT count(*) AS n, count(DISTINCT region_code) AS regions, count(departement_code) AS with_departement FROM territoires WHERE niveau = 'academie'")).toEqual([
      { n: 30, regions: 18, with_departement: 0 },
    ]);
    const orphans = await rows("SELECT a.code FROM territoires a LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = a.region_code WHERE a.niveau = 'academie' AND r.code IS NULL");
    expect(orphans).toEqual([]);
    const sources = (await readManifest(out)).tables.find((t) => t.name === 'territoires')!.sources;
    expect(sources.find((s) => s.id === 'academies-2020')).toMatchObject({ records: 30 });
    // Normandie includes Saint-Pierre-et-Miquelon, outside the mapped extents: that part only is left out.
    // (Outlines that simplification made self-intersect are repaired, with warnings of their own.)
    expect(result.warnings.filter((w) => w.location.file.includes('academies') && !w.reason.startsWith('self-intersecting outline repaired'))).toEqual([
      { location: { file: expect.stringContaining('fr-en-contour-academies-2020.geojson'), feature: 20, field: 'geometry' }, reason: '4 part(s) outside métropole and DROM left out (Saint-Pierre-et-Miquelon…)' },
    ]);
  });

  it('names them and places them in their région: Créteil in Île-de-France, Normandie merged, La Réunion', async () => {
    expect(await rows("SELECT code, nom, region_code FROM territoires WHERE niveau = 'academie' AND code IN ('24', '70', '28') ORDER BY code")).toEqual([
      { code: '24', nom: 'Créteil', region_code: '11' },
      { code: '28', nom: 'La Réunion', region_code: '04' },
      { code: '70', nom: 'Normandie', region_code: '28' },
    ]);
  });

  it('gives each a simplified geometry whose bbox lies within its région’s (a few hundred metres aside)', async () => {
    const outside = await rows(`
      SELECT a.code FROM territoires a JOIN territoires r ON r.niveau = 'region' AND r.code = a.region_code
      WHERE a.niveau = 'academie' AND (a.geometry IS NULL
        OR a.xmin < r.xmin - 0.05 OR a.ymin < r.ymin - 0.05 OR a.xmax > r.xmax + 0.05 OR a.ymax > r.ymax + 0.05
        OR NOT (a.lon BETWEEN a.xmin AND a.xmax AND a.lat BETWEEN a.ymin AND a.ymax))`);
    expect(outside).toEqual([]);
  });

  it('lets the search (the app’s, on the published files) find an académie, labelled « Académie », after the commune of the same name', async () => {
    const hits = searchPlaces(await readPublishedPlaces(out), 'creteil')!;
    expect(hits.map((h) => [h.kind, h.code, h.detail])).toEqual([
      ['commune', '94028', 'Commune (94)'],
      ['academie', '24', 'Académie'],
    ]);
  });
});
