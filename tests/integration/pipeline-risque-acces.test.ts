import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometryBBox, haversineMeters, type LonLat } from '../../geo/index.ts';
import { loadRegistry, type Source, SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { foldText } from '../../src/domain/fold-text.ts';
import { buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COLLEGES, RISK_COMPONENT_IDS } from '../../src/domain/risk-index.ts';
import { accesCountColumn, ACCES_PRECISIONS, ACCES_RADII_M, SERVICES_16_25 } from '../../src/domain/services-16-25.ts';
import { sqlString } from '../../src/domain/sql.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';
import { compareRiskRecomputation } from '../support/risk-recomputation.ts';

/*
 * One full pipeline run into a temp folder (never public/data), its tables loaded into the
 * Node DuckDB as the app loads them: the risk index recomputed by the browser's SQL from the
 * published tables alone, and the access table checked pair by pair against brute force.
 */
let db: Connector;
let result: PipelineResult;
let manifest: Manifest;
let registry: Source[];

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
  manifest = await readManifest(out);
  registry = await loadRegistry();
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));

/** QPV source geometries, as the pipeline indexes them (the published ones are simplified). */
async function sourceGeometries(): Promise<Map<string, Polygon | MultiPolygon>> {
  const geometries = new Map<string, Polygon | MultiPolygon>();
  for (const s of registry.filter((r) => r.layout === 'qpv')) {
    const file = JSON.parse(await readFile(path.join(SOURCES_DIR, s.file), 'utf8')) as { features: { properties: Record<string, string>; geometry: Polygon | MultiPolygon }[] };
    for (const f of file.features) geometries.set(f.properties.code_qp ?? f.properties.CODE_QP!, f.geometry);
  }
  return geometries;
}

describe('pipeline: qpv_colleges, risque_decrochage, risque_composantes, acces_services', () => {
  it('publishes the four tables with the provenance of the tables they derive from', () => {
    const sourcesOf = (...tables: string[]) => registry.filter((s) => tables.includes(s.table)).map((s) => s.id);
    const entry = (name: string) => manifest.tables.find((t) => t.name === name)!;
    expect(entry('risque_decrochage')).toMatchObject({ rows: 111, rejected: 0 });
    expect(entry('risque_composantes')).toMatchObject({ rows: 111 * RISK_COMPONENT_IDS.length, rejected: 0 });
    expect(entry('acces_services')).toMatchObject({ rows: 111 * SERVICES_16_25.length, rejected: 0 });
    for (const name of ['risque_decrochage', 'risque_composantes']) expect(entry(name).sources.map((s) => s.id)).toEqual(sourcesOf('qpv', 'indicateurs', 'etablissements'));
    expect(entry('qpv_colleges')).toMatchObject({ rows: 288, rejected: 0, warnings: 0 });
    expect(entry('qpv_colleges').sources.map((s) => s.id)).toEqual(sourcesOf('qpv', 'etablissements'));
    expect(entry('acces_services').sources.map((s) => s.id)).toEqual(sourcesOf('qpv', 'etablissements', 'lieux'));
  });

  it('gives every QPV the nearest public collèges with IPS and DNB that brute force finds, from the source outline', async () => {
    const geometries = await sourceGeometries();
    const colleges = await rows('SELECT uai, lon, lat FROM etablissements WHERE type = \'college\' AND secteur = \'public\' AND ips IS NOT NULL AND dnb_taux_reussite IS NOT NULL AND lon IS NOT NULL');
    const published = await rows('SELECT qpv_code, uai, distance_m, rang FROM qpv_colleges ORDER BY qpv_code, rang');
    for (const [code, geometry] of geometries) {
      // Every collège measured (no index) but those clearly too far (5 km < 0.1° of latitude,
      // < 0.1° of longitude up to 60° N): 0 m inside, else the distance to the outline.
      const [xmin, ymin, xmax, ymax] = geometryBBox(geometry);
      const measured = colleges
        .filter((c) => (c.lon as number) > xmin - 0.1 && (c.lon as number) < xmax + 0.1 && (c.lat as number) > ymin - 0.1 && (c.lat as number) < ymax + 0.1)
        .map((c) => ({ uai: c.uai as string, meters: Math.round(Math.max(0, pointToPolygonDistance([c.lon as number, c.lat as number], geometry, { units: 'meters' }))) }))
        .filter((c) => c.meters <= RISK_COLLEGES.rayonM)
        .sort((a, b) => a.meters - b.meters || (a.uai < b.uai ? -1 : 1))
        .slice(0, RISK_COLLEGES.k);
      expect(published.filter((r) => r.qpv_code === code).map((r) => ({ uai: r.uai, meters: r.distance_m })), code).toEqual(measured);
    }
    // Every QPV of the data reaches at least one collège: none is n.d. for want of one.
    expect(await rows('SELECT count(DISTINCT qpv_code) AS n FROM qpv_colleges')).toEqual([{ n: geometries.size }]);
  });

  it('scores 100 QPV on all six components; the 11 others are n.d. (null, never 0), each with a warning naming its QPV', async () => {
    expect(await rows("SELECT statut, count(*) AS n, count(score) AS scores, min(score) > 0 AS positive, max(score) <= 100 AS bounded FROM risque_decrochage GROUP BY ALL ORDER BY statut")).toEqual([
      { statut: 'nd', n: 11, scores: 0, positive: null, bounded: null },
      { statut: 'ok', n: 100, scores: 100, positive: true, bounded: true },
    ]);
    expect(await rows("SELECT min(composantes_disponibles) AS lo, max(composantes_total) AS hi FROM risque_decrochage WHERE statut = 'ok'")).toEqual([{ lo: 6, hi: 6 }]);
    // The Ille-et-Vilaine QPV have no INSEE indicator in the data: collège components only.
    expect(await rows("SELECT qpv_code, composantes_disponibles AS n FROM risque_decrochage WHERE qpv_code LIKE 'QP035%' AND statut = 'nd' ORDER BY ALL")).toHaveLength(6);
    const warned = result.warnings.filter((w) => w.reason.startsWith('risque de décrochage n.d.'));
    expect(warned.map((w) => w.location.value).sort()).toEqual((await rows("SELECT qpv_code FROM risque_decrochage WHERE statut = 'nd' ORDER BY 1")).map((r) => r.qpv_code));
    for (const w of warned) expect(w.location).toMatchObject({ file: expect.stringMatching(/\.geojson$/), feature: expect.any(Number), field: 'code' });
  });

  it('ranks 1–100 (one tie) within 1–100 ranges, puts about a fifth of the scored QPV in each class, and has contributions adding up to the score', async () => {
    // Two QPV tie exactly (same sum of percentile ranks): they share a rank.
    expect(await rows('SELECT min(rang) AS lo, max(rang) AS hi, count(DISTINCT rang) AS ranks, count(DISTINCT score) AS scores FROM risque_decrochage')).toEqual([{ lo: 1, hi: 100, ranks: 99, scores: 99 }]);
    expect(await rows('SELECT min(rang_min) AS lo, max(rang_max) AS hi, count(*) FILTER (WHERE rang NOT BETWEEN rang_min AND rang_max) AS outside FROM risque_decrochage')).toEqual([{ lo: 1, hi: 100, outside: 0 }]);
    const classes = await rows('SELECT classe, count(*) AS n FROM risque_decrochage WHERE classe IS NOT NULL GROUP BY ALL ORDER BY classe');
    expect(classes.map((c) => c.classe)).toEqual([1, 2, 3, 4, 5]);
    for (const c of classes) expect(c.n).toBeGreaterThanOrEqual(20);
    const gaps = await rows(`
      SELECT max(abs(s.score - c.total)) AS gap FROM risque_decrochage s
      JOIN (SELECT qpv_code, sum(contribution) AS total FROM risque_composantes GROUP BY ALL) c USING (qpv_code)`);
    expect(gaps[0]!.gap as number).toBeLessThan(1e-9);
  });

  it('is what the browser recomputes from the published tables with the default weights (to 1e-9)', async () => {
    const gaps = await compareRiskRecomputation(db);
    expect(gaps).toMatchObject({ qpv: 111, qpvDifferent: 0, components: 666, componentsDifferent: 0, colleges: 288, collegesDifferent: 0 });
    expect(gaps.scoreGap).toBeLessThanOrEqual(1e-9);
    expect(gaps.percentileGap).toBeLessThanOrEqual(1e-9);
  });

  it('reorders the QPV when a weight changes', async () => {
    const weights = { ...DEFAULT_RISK_WEIGHTS, ips_colleges: 6 };
    const moved = await rows(`SELECT count(*) AS n FROM (${buildRiskScoresQuery(weights)}) b JOIN risque_decrochage p USING (qpv_code) WHERE b.rang <> p.rang`);
    expect(moved[0]!.n as number).toBeGreaterThan(10);
  });

  it('gives every QPV the distances and counts brute force finds over all real QPV × located services', async () => {
    const geometries = await sourceGeometries();
    const qpv = await rows('SELECT code, lon, lat FROM qpv ORDER BY code');
    expect(geometries.size).toBe(qpv.length);
    const published = new Map((await rows('SELECT * FROM acces_services')).map((r) => [`${r.qpv_code}/${r.categorie}`, r]));
    let pairs = 0;
    for (const service of SERVICES_16_25) {
      const { origin } = service;
      const places =
        origin.table === 'lieux'
          ? await rows(`SELECT id, lon, lat FROM lieux WHERE categorie = ${sqlString(origin.categorie)} AND precision IN (${ACCES_PRECISIONS.map(sqlString).join(', ')}) AND lon IS NOT NULL`)
          : (await rows(`SELECT uai AS id, nature, lon, lat FROM etablissements WHERE secteur = ${sqlString(origin.secteur)} AND lon IS NOT NULL`)).filter((e) =>
              origin.natures.map(foldText).includes(foldText(e.nature as string)),
            );
      for (const q of qpv) {
        const row = published.get(`${q.code}/${service.id}`)!;
        expect(row.services_localises).toBe(places.length);
        if (places.length === 0) {
          expect(row).toMatchObject({ distance_m: null, n_1km: null, n_3km: null, n_5km: null });
          continue;
        }
        const from: LonLat = [q.lon as number, q.lat as number];
        const meters = places.map((p) => {
          pairs += 1;
          const point: LonLat = [p.lon as number, p.lat as number];
          return booleanPointInPolygon([...point], geometries.get(q.code as string)!) ? 0 : haversineMeters(from, point);
        });
        expect(row.distance_m as number, `${q.code} ${service.id}`).toBeCloseTo(Math.min(...meters), 6);
        for (const radius of ACCES_RADII_M) expect(row[accesCountColumn(radius)], `${q.code} ${service.id} ${radius}`).toBe(meters.filter((m) => m <= radius).length);
      }
    }
    // 111 QPV × (41 CIO + 84 public LP + 74 public SEP of the annuaires).
    expect(pairs).toBe(111 * (41 + 84 + 74));
    // « In the QPV » agrees with the qpv_code the pipeline gave the same places.
    const inside = async (categorie: string) => (await rows(`SELECT count(*) AS n FROM acces_services WHERE categorie = '${categorie}' AND distance_m = 0`))[0]!.n;
    expect(await inside('cio')).toBe((await rows("SELECT count(DISTINCT qpv_code) AS n FROM lieux WHERE categorie = 'cio'"))[0]!.n);
    const lp = await rows("SELECT count(DISTINCT qpv_code) AS n FROM etablissements WHERE secteur = 'public' AND nature IN ('LYCEE PROFESSIONNEL', 'SECTION D ENSEIGNEMENT PROFESSIONNEL')");
    expect(await inside('lycee_professionnel')).toBe(lp[0]!.n);
    expect(await inside('cio')).toBeGreaterThan(0);
  });
});
