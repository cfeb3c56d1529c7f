import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { pointToPolygonDistance } from '@turf/turf';
import { haversineMeters } from '../../geo/index.ts';
import { RESEAU_ECOLE_MAX_METERS } from '../../src/domain/table-layouts.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

/*
 * REP / REP+ networks rebuilt from the establishments: one full pipeline run into a temp
 * folder (never public/data), read back through DuckDB and checked against etablissements.
 */
let db: Connector;
let result: PipelineResult;
let manifest: Manifest;

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
  manifest = await readManifest(out);
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;
const MEMBERS = `SELECT r.uai_college, r.ep, r.departement_code, r.lon, r.lat, r.geometry, m.uai FROM reseaux_ep r, unnest(string_split(r.membres, '|')) AS m(uai)`;

describe('pipeline: reseaux_ep', () => {
  it('has one network per located REP / REP+ collège, with that collège’s status, commune, département and région', async () => {
    const colleges = await one(`SELECT count(*) AS n FROM etablissements WHERE type = 'college' AND ep IN ('REP', 'REP+') AND lon IS NOT NULL`);
    expect(await one('SELECT count(*) AS n, count(DISTINCT uai_college) AS keys FROM reseaux_ep')).toEqual({ n: colleges.n, keys: colleges.n });
    expect(colleges.n).toBe(1085);
    const mismatched = await rows(`
      SELECT r.uai_college FROM reseaux_ep r LEFT JOIN etablissements e
        ON e.uai = r.uai_college AND e.type = 'college' AND e.ep = r.ep AND e.commune_code = r.commune_code
       AND e.departement_code = r.departement_code AND e.region_code = r.region_code AND e.lon = r.lon AND e.lat = r.lat
      WHERE e.uai IS NULL`);
    expect(mismatched).toEqual([]);
  });

  it('is mostly modelled as a disc around a collège alone: 55 networks with écoles, 1,030 without (1,028 where no école is loaded)', async () => {
    expect(await one(`SELECT count(*) FILTER (WHERE ecoles > 0) AS avec, count(*) FILTER (WHERE coalesce(ecoles, 0) = 0) AS seul, count(*) FILTER (WHERE ecoles IS NULL) AS sans_ecole_chargee FROM reseaux_ep`)).toEqual({ avec: 55, seul: 1030, sans_ecole_chargee: 1028 });
  });

  it('declares the etablissements sources as its provenance, and counts its warnings', () => {
    const entry = manifest.tables.find((t) => t.name === 'reseaux_ep')!;
    const etablissements = manifest.tables.find((t) => t.name === 'etablissements')!;
    expect(entry.sources.map((s) => s.id)).toEqual(etablissements.sources.map((s) => s.id));
    expect(entry.warnings).toBe(result.tables.find((t) => t.table === 'reseaux_ep')!.warnings);
  });

  it('attaches écoles of the same status and département, within 5 km, each to one network, as many as `ecoles` says', async () => {
    const attached = await rows(`
      SELECT m.uai, e.uai IS NOT NULL AS same_status, m.lon, m.lat, e.lon AS ecole_lon, e.lat AS ecole_lat FROM (${MEMBERS}) m LEFT JOIN etablissements e
        ON e.uai = m.uai AND e.type = 'ecole' AND e.ep = m.ep AND e.departement_code = m.departement_code`);
    for (const a of attached) {
      expect(a.same_status, String(a.uai)).toBe(true);
      expect(haversineMeters([Number(a.lon), Number(a.lat)], [Number(a.ecole_lon), Number(a.ecole_lat)]), String(a.uai)).toBeLessThanOrEqual(RESEAU_ECOLE_MAX_METERS);
    }
    expect(await one(`SELECT count(*) AS n, count(DISTINCT uai) AS ecoles FROM (${MEMBERS})`)).toEqual({ n: 343, ecoles: 343 });
    expect(await one('SELECT sum(ecoles)::INTEGER AS n FROM reseaux_ep')).toEqual({ n: 343 });
    expect(await rows(`SELECT uai_college FROM reseaux_ep WHERE coalesce(len(string_split(membres, '|')), 0) <> coalesce(ecoles, 0)`)).toEqual([]);
  });

  it('accounts for every located REP / REP+ école: attached, or a warning at its line naming the nearest collège or its absence', async () => {
    const ecoles = await one(`SELECT count(*) AS n FROM etablissements WHERE type = 'ecole' AND ep IN ('REP', 'REP+')`);
    const unattached = result.warnings.filter((w) => /^REP\+? école/.test(w.reason));
    expect(343 + unattached.length).toBe(Number(ecoles.n));
    expect(unattached.length).toBe(30);
    for (const w of unattached) {
      expect(w.location).toMatchObject({ field: 'Identifiant_de_l_etablissement', line: expect.any(Number) });
      expect(w.reason).toMatch(/attached to no network$/);
    }
  });

  it('knows the école count only where the annuaires are loaded (Occitanie, Ille-et-Vilaine)', async () => {
    expect(await rows(`SELECT DISTINCT region_code FROM reseaux_ep WHERE ecoles IS NOT NULL ORDER BY 1`)).toEqual([{ region_code: '53' }, { region_code: '76' }]);
    expect(await one(`SELECT count(*) AS n FROM reseaux_ep WHERE departement_code = '13' AND ecoles IS NOT NULL`)).toEqual({ n: 0 });
    expect(await one(`SELECT uai_college, nom, ep, ecoles FROM reseaux_ep WHERE uai_college = '0660522J'`)).toEqual({ uai_college: '0660522J', nom: 'Collège Marcel Pagnol', ep: 'REP+', ecoles: 10 });
  });

  it('covers its collège and écoles with the 300 m buffer (~10 m simplification aside), within its bbox', async () => {
    const networks = await rows('SELECT uai_college, lon, lat, xmin, ymin, xmax, ymax, geometry FROM reseaux_ep');
    const members = await rows(`SELECT m.uai_college, e.lon, e.lat FROM (${MEMBERS}) m JOIN etablissements e ON e.uai = m.uai`);
    const points = new Map<string, [number, number][]>();
    for (const n of networks) points.set(String(n.uai_college), [[Number(n.lon), Number(n.lat)]]);
    for (const m of members) points.get(String(m.uai_college))!.push([Number(m.lon), Number(m.lat)]);
    for (const n of networks) {
      const footprint = JSON.parse(String(n.geometry)) as Polygon;
      expect(footprint.type).toBe('Polygon');
      for (const p of points.get(String(n.uai_college))!) {
        expect(pointToPolygonDistance(p, footprint, { units: 'meters' }), String(n.uai_college)).toBeLessThan(-250);
        expect(p[0] > Number(n.xmin) && p[0] < Number(n.xmax) && p[1] > Number(n.ymin) && p[1] < Number(n.ymax)).toBe(true);
      }
    }
  });
});
