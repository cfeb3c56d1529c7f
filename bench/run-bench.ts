/**
 * `npm run bench`: measures the built app in headless Chromium (software WebGL) and prints a
 * table; writes bench/results.json as {"<metric>": {median, p95, unit, runs}}.
 * BENCH_RUNS sets the number of cold loads (default 7, at least 5).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, startPreview } from '../tests/support/browser.ts';
import { benchColdLoads } from './load-bench.ts';
import { benchPipelineRuns, benchPipSpeedup } from './pipeline-bench.ts';
import type { MetricSummary } from './stats.ts';

const TARGETS: Record<string, string> = {
  first_paint_ms: '≤ 1000 (median)',
  interactive_ms: '≤ 2500 (median)',
  pipeline_full_s: '≤ 30',
  pip_speedup_vs_turf: '≥ 20',
};

const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const server = await startPreview();
const browser = await launchChromium();
try {
  const loads = await benchColdLoads(browser, server.url, runs);
  const pipeline = await benchPipelineRuns(3);
  const { points, polygons, pairs, ...pip } = await benchPipSpeedup(5);
  console.log(`point-in-polygon: ${points} real establishments × ${polygons} QPV → ${pairs} pairs, identical for both methods`);
  const results: Record<string, MetricSummary> = { ...loads, pipeline_full_s: pipeline, pip_speedup_vs_turf: pip };
  console.table(
    Object.fromEntries(Object.entries(results).map(([metric, s]) => [metric, { median: s.median, p95: s.p95, unit: s.unit, runs: s.runs, target: TARGETS[metric] ?? '' }])),
  );
  const file = path.join(import.meta.dirname, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench: wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await browser.close();
  await server.close();
}
