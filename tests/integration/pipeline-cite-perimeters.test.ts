import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanValid } from '@turf/turf';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/*
 * Cité perimeters (issue "Cité perimeter geometry from its QPV or communes"): one full
 * pipeline run into a temp folder (never public/data), read back through DuckDB.
 */
let db: Connector;
let result: PipelineResult;

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));

describe('pipeline: the perimeter of each Cité', () => {
  it('gives every Cité with communes a valid Polygon or MultiPolygon, without warning', async () => {
    expect(result.tables.find((t) => t.table === 'cites')).toMatchObject({ rowsKept: 19, warnings: 0 });
    const cites = await rows('SELECT nom, geometry FROM cites WHERE communes IS NOT NULL ORDER BY nom');
    expect(cites).toHaveLength(19);
    for (const cite of cites) {
      const geometry = JSON.parse(String(cite.geometry)) as Polygon | MultiPolygon;
      expect(['Polygon', 'MultiPolygon'], String(cite.nom)).toContain(geometry.type);
      expect(booleanValid(geometry), String(cite.nom)).toBe(true);
    }
  });

  it('bounds each perimeter by a bbox holding the points of all its communes', async () => {
    const outside = await rows(`
      SELECT c.nom, t.code
      FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code
      WHERE NOT (t.lon BETWEEN c.xmin AND c.xmax AND t.lat BETWEEN c.ymin AND c.ymax)`);
    expect(outside).toEqual([]);
    const placed = await rows(`
      SELECT count(*) AS n FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code`);
    expect(Number(placed[0]!.n)).toBeGreaterThanOrEqual(19);
  });

  it('keeps the perimeter bbox within the union of its communes’ bboxes (~50 m simplification aside)', async () => {
    const loose = await rows(`
      SELECT c.nom FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code
      GROUP BY c.nom, c.xmin, c.ymin, c.xmax, c.ymax
      HAVING abs(c.xmin - min(t.xmin)) > 0.001 OR abs(c.ymin - min(t.ymin)) > 0.001
          OR abs(c.xmax - max(t.xmax)) > 0.001 OR abs(c.ymax - max(t.ymax)) > 0.001`);
    expect(loose).toEqual([]);
  });

  it('dissolves shared borders: Vénissieux and Saint-Fons, neighbours, make one polygon', async () => {
    const multi = await rows("SELECT nom, communes, geometry FROM cites WHERE communes LIKE '%|%' ORDER BY nom");
    const types = multi.map((c) => [c.nom, c.communes, (JSON.parse(String(c.geometry)) as Polygon | MultiPolygon).type]);
    expect(types).toEqual([['Cité éducative Vénissieux – Saint-Fons', '69259|69199', 'Polygon']]);
  });
});
