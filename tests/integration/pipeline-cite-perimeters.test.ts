import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanValid } from '@turf/turf';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/*
 * Cité perimeters (issues "Cité perimeter geometry from its QPV or communes" and "Trust II"
 * item 3): one full pipeline run into a temp folder (never public/data), read back through
 * DuckDB. A perimeter is the QPV the source names when they are all loaded, else the commune,
 * labelled « approché » unless the source gives the whole commune.
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
  it('gives every Cité with communes a valid Polygon or MultiPolygon; the only warnings are the named QPV not loaded', async () => {
    expect(result.tables.find((t) => t.table === 'cites')).toMatchObject({ rowsKept: 19, warnings: 8 });
    const warned = result.warnings.filter((w) => w.location.file.endsWith('cites.csv')).map((w) => [w.location.line, w.location.field, w.location.value]);
    expect(warned).toEqual([
      ...['Grand Parc', 'Bacalan', 'Lac', 'Marne Capucins', 'Carle Vernet', 'Benauges'].map((name) => [3, 'qpv_noms', name]),
      [6, 'qpv_noms', 'Mireuil'],
      [17, 'qpv_noms', 'Planoise'],
    ]);
    const cites = await rows('SELECT nom, geometry FROM cites WHERE communes IS NOT NULL ORDER BY nom');
    expect(cites).toHaveLength(19);
    for (const cite of cites) {
      const geometry = JSON.parse(String(cite.geometry)) as Polygon | MultiPolygon;
      expect(['Polygon', 'MultiPolygon'], String(cite.nom)).toContain(geometry.type);
      expect(booleanValid(geometry), String(cite.nom)).toBe(true);
    }
  });

  it('bounds each commune-based perimeter by a bbox holding the points of all its communes', async () => {
    const outside = await rows(`
      SELECT c.nom, t.code
      FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code
      WHERE c.perimetre <> 'qpv' AND NOT (t.lon BETWEEN c.xmin AND c.xmax AND t.lat BETWEEN c.ymin AND c.ymax)`);
    expect(outside).toEqual([]);
    const placed = await rows(`
      SELECT count(*) AS n FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code`);
    expect(Number(placed[0]!.n)).toBeGreaterThanOrEqual(19);
  });

  it('draws La Mosson as its QPV, matched by name and shown, and every other Cité as its commune, labelled', async () => {
    const kinds = await rows('SELECT perimetre, count(*)::INTEGER AS n, string_agg(nom, \' / \' ORDER BY nom) AS noms FROM cites GROUP BY perimetre ORDER BY perimetre');
    expect(kinds).toEqual([
      { perimetre: 'commune', n: 1, noms: 'Cité éducative de Grigny' },
      { perimetre: 'commune_approchee', n: 17, noms: expect.stringContaining('Cité éducative Marseille Nord') },
      { perimetre: 'qpv', n: 1, noms: 'Cité éducative de La Mosson' },
    ]);
    expect(await rows("SELECT qpv_codes, qpv_noms, qpv_appariements, qpv_non_charges FROM cites WHERE nom = 'Cité éducative de La Mosson'")).toEqual([
      { qpv_codes: 'QP034005', qpv_noms: 'La Mosson', qpv_appariements: '« La Mosson » → QP034005 « Mosson »', qpv_non_charges: null },
    ]);
    // The perimeter is the QPV's outline, not Montpellier's: same box as the QPV (to 5 decimals), a small part of the commune.
    const [mosson] = await rows(`
      SELECT abs(c.xmin - q.xmin) + abs(c.ymin - q.ymin) + abs(c.xmax - q.xmax) + abs(c.ymax - q.ymax) AS gap,
             (c.xmax - c.xmin) * (c.ymax - c.ymin) / ((t.xmax - t.xmin) * (t.ymax - t.ymin)) AS box_share
      FROM cites c JOIN qpv q ON q.code = 'QP034005' JOIN territoires t ON t.niveau = 'commune' AND t.code = '34172'
      WHERE c.nom = 'Cité éducative de La Mosson'`);
    expect(Number(mosson!.gap)).toBeLessThan(0.0002);
    expect(Number(mosson!.box_share)).toBeLessThan(0.05);
    // Names the source gives for QPV outside the loaded data stay listed; the perimeter stays approached.
    expect(await rows("SELECT nom, perimetre, qpv_non_charges FROM cites WHERE qpv_non_charges IS NOT NULL ORDER BY nom")).toEqual([
      { nom: 'Cité éducative de Bordeaux', perimetre: 'commune_approchee', qpv_non_charges: 'Grand Parc|Bacalan|Lac|Marne Capucins|Carle Vernet|Benauges' },
      { nom: 'Cité éducative de La Rochelle', perimetre: 'commune_approchee', qpv_non_charges: 'Mireuil' },
      { nom: 'Cité éducative de Planoise', perimetre: 'commune_approchee', qpv_non_charges: 'Planoise' },
    ]);
  });

  it('keeps the perimeter bbox within the union of its communes’ bboxes (~50 m simplification aside)', async () => {
    const loose = await rows(`
      SELECT c.nom FROM cites c, unnest(string_split(c.communes, '|')) AS u(code)
      JOIN territoires t ON t.niveau = 'commune' AND t.code = u.code
      WHERE c.perimetre <> 'qpv'
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
