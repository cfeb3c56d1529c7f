import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex } from '../geo/index.ts';
import { readCsv } from '../data-pipeline/read/read-csv.ts';
import { readGeoJson } from '../data-pipeline/read/read-geojson.ts';
import { SOURCES_DIR } from '../data-pipeline/registry.ts';
import { REPO_ROOT } from '../data-pipeline/run-pipeline.ts';
import { type MetricSummary, summarise } from './stats.ts';

/** Whole rebuild as a user runs it: a fresh Node process, `npm run pipeline -- --out <tmp>`. */
export async function benchPipelineRuns(runs: number): Promise<MetricSummary> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await mkdtemp(path.join(os.tmpdir(), 'bench-pipeline-'));
    seconds.push(await timePipelineRun(path.join(out, 'data')));
    await rm(out, { recursive: true, force: true });
  }
  return summarise(seconds, 's');
}

/** Seconds of one `npm run pipeline -- --out <out> …args` in a fresh Node process. */
export async function timePipelineRun(out: string, args: readonly string[] = []): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', 'data-pipeline/cli.ts', '--out', out, ...args], { cwd: REPO_ROOT, maxBuffer: 64 << 20 }, (error) => (error ? reject(error) : resolve())),
  );
  return (performance.now() - start) / 1000;
}

/** Real points: every located establishment of the annuaires and the national collèges file. */
async function realPoints(): Promise<[number, number][]> {
  const files = [
    'annuaire-education-occitanie-2024/fr-en-annuaire-education.csv',
    'annuaire-education-ille-et-vilaine-2023/fr-en-annuaire-education.csv',
    'colleges-geolocalisation-dnb/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.csv',
  ];
  const points: [number, number][] = [];
  for (const file of files) {
    const csv = await readCsv(path.join(SOURCES_DIR, file), file);
    for (const { values } of csv.rows) {
      const lon = Number(values.longitude);
      const lat = Number(values.latitude);
      if (values.longitude && values.latitude && Number.isFinite(lon) && Number.isFinite(lat)) points.push([lon, lat]);
    }
  }
  return points;
}

/**
 * Point-in-polygon join of the real establishments with the real QPV: our flatbush index
 * (geo/PolygonIndex) against a plain loop of turf `booleanPointInPolygon` over every polygon,
 * measured side by side in the same process; both must find the same pairs.
 */
export async function benchPipSpeedup(runs: number): Promise<MetricSummary & { points: number; polygons: number; pairs: number }> {
  const polygons: (Polygon | MultiPolygon)[] = [];
  for (const file of ['qpv-occitanie-2015/qp.geojson', 'qpv-ille-et-vilaine-2015/QPV.geojson']) {
    for (const f of (await readGeoJson(path.join(SOURCES_DIR, file), file)).features) polygons.push(f.geometry as Polygon | MultiPolygon);
  }
  const points = await realPoints();

  const indexed = () => {
    const index = new PolygonIndex(polygons);
    let pairs = 0;
    for (const [lon, lat] of points) pairs += index.containing(lon, lat).length;
    return pairs;
  };
  const naive = () => {
    let pairs = 0;
    for (const p of points) for (const polygon of polygons) if (booleanPointInPolygon(p, polygon)) pairs++;
    return pairs;
  };
  const time = (f: () => number) => {
    const start = performance.now();
    const pairs = f();
    return { ms: performance.now() - start, pairs };
  };

  // One unmeasured round first, so that both sides are compared with their code optimised.
  time(indexed);
  time(naive);
  const speedups: number[] = [];
  let pairs = 0;
  for (let i = 0; i < runs; i++) {
    const a = time(indexed);
    const b = time(naive);
    if (a.pairs !== b.pairs) throw new Error(`index found ${a.pairs} pairs, turf loop ${b.pairs}`);
    pairs = a.pairs;
    speedups.push(b.ms / a.ms);
  }
  return { ...summarise(speedups, 'x'), points: points.length, polygons: polygons.length, pairs };
}
