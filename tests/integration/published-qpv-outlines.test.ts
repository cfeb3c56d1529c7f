import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, PUBLISHED_DIR } from '../support/published-data.ts';

/**
 * « In this QPV » in the data is what the map shows: for every located establishment, and
 * every place located at its address, the QPV outlines the map draws (`qpv.geometry`, the only
 * QPV polygon it draws; markers below zoom 10 are points) that contain the point, tested
 * independently with turf, are exactly its `qpv_code` — flagged in is drawn inside, not
 * flagged is drawn outside every QPV. The pipeline joins on the source outlines and refines
 * the drawn ones where simplification would contradict a join (`fitQpvOutlines`).
 */
interface Point {
  id: string;
  lon: number;
  lat: number;
  qpv_code: string | null;
}

function disagreements(points: readonly Point[], outlines: readonly { code: string; geometry: Polygon | MultiPolygon }[]): string[] {
  const out: string[] = [];
  for (const p of points) {
    const drawnIn = outlines.filter((q) => booleanPointInPolygon([p.lon, p.lat], q.geometry)).map((q) => q.code);
    const flagged = p.qpv_code === null ? [] : [p.qpv_code];
    if (drawnIn.join() !== flagged.join()) out.push(`${p.id}: qpv_code ${p.qpv_code ?? 'null'}, drawn inside [${drawnIn.join(', ')}]`);
  }
  return out;
}

describe.each([
  ['public/data', async () => PUBLISHED_DIR],
  ['a fresh pipeline run', async () => (await sharedFullRun()).out],
])('QPV outlines drawn from %s agree with the qpv_code joins', (_, folder) => {
  let db: Connector;
  let outlines: { code: string; geometry: Polygon | MultiPolygon }[];
  const points = async (sql: string) => tableRows(await db.query(sql)).map((r) => ({ id: String(r.id), lon: Number(r.lon), lat: Number(r.lat), qpv_code: r.qpv_code === null ? null : String(r.qpv_code) }));
  beforeAll(async () => {
    db = await connectToPublishedData(await folder());
    outlines = tableRows(await db.query('SELECT code, geometry FROM qpv')).map((r) => ({ code: String(r.code), geometry: JSON.parse(String(r.geometry)) as Polygon | MultiPolygon }));
  });
  afterAll(() => db.close());

  it('for every located establishment, both ways', async () => {
    const schools = await points('SELECT uai AS id, lon, lat, qpv_code FROM etablissements WHERE lon IS NOT NULL ORDER BY uai');
    expect(schools.length).toBeGreaterThan(13_000);
    expect(schools.filter((s) => s.qpv_code !== null).length).toBeGreaterThan(300);
    expect(disagreements(schools, outlines)).toEqual([]);
    // The two schools the ~5 m simplification used to draw outside their QPV.
    expect(schools.filter((s) => s.id === '0810787R' || s.id === '0110911F').map((s) => [s.id, s.qpv_code])).toEqual([
      ['0110911F', 'QP011001'],
      ['0810787R', 'QP081009'],
    ]);
  });

  it('for every place located at its address, both ways', async () => {
    const places = await points("SELECT id, lon, lat, qpv_code FROM lieux WHERE precision = 'adresse' AND lon IS NOT NULL ORDER BY id");
    expect(places.length).toBeGreaterThan(30);
    expect(disagreements(places, outlines)).toEqual([]);
  });
});
