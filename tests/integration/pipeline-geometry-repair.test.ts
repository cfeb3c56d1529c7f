import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, kinks } from '@turf/turf';
import { validateGeometry } from '../../geo/index.ts';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

/*
 * Repair of self-intersecting outlines: one full pipeline run into a temp folder (never
 * public/data), its geometries read back through DuckDB and checked with turf `kinks`.
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
const repairs = (file: string) => result.warnings.filter((w) => w.location.file.endsWith(file) && w.reason.startsWith('self-intersecting outline repaired'));

describe('pipeline: self-intersecting outlines are repaired', () => {
  it('repairs 28 Occitanie QPV, each a warning naming its feature and QPV code, counted in the manifest', async () => {
    const source = JSON.parse(await readFile(path.join(SOURCES_DIR, 'qpv-occitanie-2015/qp.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code_qp: string }>;
    const repaired = repairs('qpv-occitanie-2015/qp.geojson');
    expect(repaired).toHaveLength(28);
    for (const w of repaired) {
      expect(w.location.field).toBe('code_qp');
      expect(w.location.value).toBe(source.features[w.location.feature!]!.properties.code_qp);
      expect(w.reason).toMatch(/^self-intersecting outline repaired: rings crossed or touched at \d+ points? \(first at -?\d+\.\d{6}, -?\d+\.\d{6}\), area [+−]\d\.\d{3} %$/);
    }
    expect(repairs('QPV.geojson')).toEqual([]);
    const summary = result.tables.find((t) => t.table === 'qpv')!;
    expect(summary.warnings).toBeGreaterThanOrEqual(28);
    expect(manifest.tables.find((t) => t.name === 'qpv')!.warnings).toBe(summary.warnings);
  });

  it('keeps each repaired QPV within 1 % of the area of its source outline', async () => {
    const source = JSON.parse(await readFile(path.join(SOURCES_DIR, 'qpv-occitanie-2015/qp.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code_qp: string }>;
    const published = new Map((await rows('SELECT code, geometry FROM qpv')).map((r) => [r.code, JSON.parse(String(r.geometry)) as Polygon | MultiPolygon]));
    for (const w of repairs('qpv-occitanie-2015/qp.geojson')) {
      const feature = source.features[w.location.feature!]!;
      const change = area(published.get(feature.properties.code_qp)!) / area(feature.geometry) - 1;
      expect(Math.abs(change), feature.properties.code_qp).toBeLessThan(0.01);
    }
  });

  it('repairs the régions, départements and académies that simplification made self-intersect, naming their code', () => {
    for (const [file, field] of [['regions-avec-outre-mer.geojson', 'code'], ['departements-avec-outre-mer.geojson', 'code'], ['fr-en-contour-academies-2020.geojson', 'code_academie']] as const) {
      const repaired = repairs(file);
      expect(repaired.length, file).toBeGreaterThan(0);
      for (const w of repaired) expect(w.location).toMatchObject({ field, feature: expect.any(Number), value: expect.any(String) });
    }
  });

  it('publishes no geometry in which turf kinks finds a crossing or a touch: qpv, territoires, contours_communes, cites, reseaux_ep', async () => {
    const tables = { qpv: 111, territoires: 211, contours_communes: 35357, cites: 19, reseaux_ep: 1085 };
    for (const [table, count] of Object.entries(tables)) {
      const geometries = await rows(`SELECT geometry FROM ${table} WHERE geometry IS NOT NULL`);
      expect(geometries.length, table).toBe(count);
      const kinked = geometries.map((r) => JSON.parse(String(r.geometry)) as Polygon | MultiPolygon).filter((g) => validateGeometry(g).length > 0 || kinks(g).features.length > 0);
      expect(kinked, table).toEqual([]);
    }
  });
});
