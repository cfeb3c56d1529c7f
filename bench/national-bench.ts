import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { pipelineArgs, writeSyntheticNational } from '../scripts/synthetic-national/write-sources.ts';
import { PRODUCTION_DIST_DIR, startPreview } from '../tests/support/browser.ts';
import { benchAppColdLoads } from './load-bench.ts';
import { timePipelineRun } from './pipeline-bench.ts';
import { type MetricSummary, summarise } from './stats.ts';

export const NATIONAL_METRICS = ['pipeline_national_s', 'first_paint_ms_national', 'interactive_ms_national'] as const;
export type NationalMetric = (typeof NATIONAL_METRICS)[number];

/** Pipeline runs when each stays within its 60 s target; a slower one is measured once. */
const PIPELINE_RUNS = 3;
const PIPELINE_TARGET_S = 60;

/**
 * The app and the pipeline at the size of France, on the SYNTHETIC national dataset
 * (`npm run synthetic:national`, scale 1: 1,600 QPV, 60,000 schools, every commune), all in
 * one temp folder removed at the end: the sources are written there, the pipeline builds them
 * (`pipeline_national_s`, in a fresh Node process as `pipeline_full_s`) into a copy of the
 * production build (`dist/`) whose data it replaces, and that copy is served for cold loads
 * (`first_paint_ms_national`, `interactive_ms_national`, the marks of `benchAppColdLoads`).
 * Only the `wanted` metrics are measured; the pipeline always runs once, for the data.
 */
export async function benchNational(browser: Browser, loads: number, wanted: (metric: NationalMetric) => boolean): Promise<Partial<Record<NationalMetric, MetricSummary>>> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-national-'));
  try {
    const sources = await writeSyntheticNational(path.join(work, 'sources'), { scale: 1, seed: 2026 });
    console.log(`national: synthetic sources ${Object.entries(sources.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
    const app = path.join(work, 'app');
    await cp(PRODUCTION_DIST_DIR, app, { recursive: true });
    await rm(path.join(app, 'data'), { recursive: true });
    const seconds = [await timePipelineRun(path.join(app, 'data'), pipelineArgs(sources))];
    if (wanted('pipeline_national_s') && seconds[0]! > PIPELINE_TARGET_S) console.log(`pipeline_national_s: ${seconds[0]!.toFixed(1)} s, over ${PIPELINE_TARGET_S} s: measured once`);
    else if (wanted('pipeline_national_s')) for (let i = 1; i < PIPELINE_RUNS; i++) seconds.push(await timePipelineRun(path.join(work, `run-${i}`, 'data'), pipelineArgs(sources)));
    await logPublished(path.join(app, 'data'));

    const measured: Partial<Record<NationalMetric, MetricSummary>> = {};
    if (wanted('pipeline_national_s')) measured.pipeline_national_s = summarise(seconds, 's');
    if (wanted('first_paint_ms_national') || wanted('interactive_ms_national')) {
      const server = await startPreview(app);
      try {
        const cold = await benchAppColdLoads(browser, server.url, loads);
        // Where the time goes, beside the two targets.
        console.log(`national cold loads (median ms): ${Object.entries(cold).map(([m, s]) => `${m} ${s.median}`).join(', ')}`);
        if (wanted('first_paint_ms_national')) measured.first_paint_ms_national = cold.first_paint_ms;
        if (wanted('interactive_ms_national')) measured.interactive_ms_national = cold.interactive_ms;
      } finally {
        await server.close();
      }
    }
    return measured;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The published tables' sizes, largest first: what the national first load downloads. */
async function logPublished(dir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { tables: { name: string; rows: number; bytes: number }[] };
  const tables = [...manifest.tables].sort((a, b) => b.bytes - a.bytes);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(`national data: ${mb(tables.reduce((sum, t) => sum + t.bytes, 0))} MB; ${tables.slice(0, 5).map((t) => `${t.name} ${t.rows} rows ${mb(t.bytes)} MB`).join(', ')}`);
}
