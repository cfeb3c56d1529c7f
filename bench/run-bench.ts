/**
 * `npm run bench`: measures the built app in headless Chromium (software WebGL) and prints a
 * table; writes bench/results.json as {"<metric>": {median, p95, unit, runs}}, the brush metrics
 * with the p95 of each sweep besides (`sweeps_p95`).
 * BENCH_RUNS sets the number of cold loads (default 7, at least 5). BENCH_ONLY=<metric>,…
 * (e.g. `BENCH_ONLY=filter_p95_ms_4dims npx tsx bench/run-bench.ts` after `npm run build`)
 * measures only those, prints them and leaves bench/results.json as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, PRODUCTION_DIST_DIR, REPO_ROOT, startPreview } from '../tests/support/browser.ts';
import { benchFilter, FOUR_DIMS } from './filter-bench.ts';
import { benchColdLoads, LOAD_METRICS } from './load-bench.ts';
import { benchNational, NATIONAL_METRICS } from './national-bench.ts';
import { benchPipelineRuns, benchPipSpeedup } from './pipeline-bench.ts';
import type { MetricSummary } from './stats.ts';

const TARGETS: Record<string, string> = {
  first_paint_ms: '≤ 1000 (median)',
  interactive_ms: '≤ 2500 (median)',
  pipeline_full_s: '≤ 30',
  pip_speedup_vs_turf: '≥ 20',
  filter_p95_ms: '≤ 16 (p95)',
  filter_p95_ms_100x: '≤ 100 (p95)',
  filter_p95_ms_4dims: '≤ 16 (p95)',
  pipeline_national_s: '≤ 60', first_paint_ms_national: '≤ 1500 (median)', interactive_ms_national: '≤ 3000 (median)',
};

/** The metrics `npm run bench` reports, in its table's order. */
const METRICS = [...LOAD_METRICS, 'pipeline_full_s', 'pip_speedup_vs_turf', 'filter_p95_ms', 'filter_p95_ms_4dims', 'filter_p95_ms_100x', ...NATIONAL_METRICS] as const;
const only = process.env.BENCH_ONLY?.split(',').map((m) => m.trim()) ?? null;
const unknown = only?.filter((m) => !(METRICS as readonly string[]).includes(m)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown metric ${unknown.join(', ')} (known: ${METRICS.join(', ')})`);
/** Whether one of `metrics` is to be measured. */
const wanted = (...metrics: (typeof METRICS)[number][]) => only === null || metrics.some((m) => only.includes(m));

/** Brush moves per sweep (the issue asks for a p95 over at least 50). */
const BRUSH_MOVES = 60;
/**
 * Sweeps, each in a fresh page, pooled into one p95: over one page's 60 moves the p95 is the
 * third-slowest move, and it varied from 12 to 17 ms from page to page for the same build on
 * this machine. Pooled over 3 sweeps, the p95 of one build still spread from 14.2 to 17.5 ms
 * from run to run; over 10, the slowest 30 of 600 moves decide it.
 */
const BRUSH_SWEEPS = 10;

/** The built app serving the synthetic ×100 dataset (`npm run synthetic:100x`), in a temp dir. */
function synthetic100xApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatoire-100x-'));
  cpSync(PRODUCTION_DIST_DIR, dir, { recursive: true });
  rmSync(path.join(dir, 'data'), { recursive: true });
  execFileSync('npm', ['run', '--silent', 'synthetic:100x', '--', '--out', path.join(dir, 'data')], { cwd: REPO_ROOT, stdio: 'inherit' });
  return dir;
}

const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
// The production build (`npm run build`): what users load; the bench needs no test hook.
const server = await startPreview(PRODUCTION_DIST_DIR);
const browser = await launchChromium();
try {
  const measured: Partial<Record<(typeof METRICS)[number], MetricSummary>> = {};
  if (wanted(...LOAD_METRICS)) Object.assign(measured, await benchColdLoads(browser, server.url, runs));
  // Before the Node benchmarks (the point-in-polygon one runs in this process, which also
  // drives the browser): run after them, the first two sweeps were once the slowest, 19.1 and
  // 18.2 ms against 11.8 to 15.9 for the others.
  if (wanted('filter_p95_ms')) measured.filter_p95_ms = await benchFilter(browser, server.url, BRUSH_MOVES, BRUSH_SWEEPS);
  if (wanted('filter_p95_ms_4dims')) measured.filter_p95_ms_4dims = await benchFilter(browser, server.url, BRUSH_MOVES, BRUSH_SWEEPS, FOUR_DIMS);
  if (wanted('pipeline_full_s')) measured.pipeline_full_s = await benchPipelineRuns(3);
  if (wanted('pip_speedup_vs_turf')) {
    const { points, polygons, pairs, ...pip } = await benchPipSpeedup(5);
    console.log(`point-in-polygon: ${points} real establishments × ${polygons} QPV → ${pairs} pairs, identical for both methods`);
    measured.pip_speedup_vs_turf = pip;
  }
  if (wanted('filter_p95_ms_100x')) {
    const syntheticDir = synthetic100xApp();
    const synthetic = await startPreview(syntheticDir);
    try {
      measured.filter_p95_ms_100x = await benchFilter(browser, synthetic.url, BRUSH_MOVES, BRUSH_SWEEPS);
    } finally {
      await synthetic.close();
      rmSync(syntheticDir, { recursive: true });
    }
  }
  if (wanted(...NATIONAL_METRICS)) Object.assign(measured, await benchNational(browser, runs, (m) => wanted(m)));
  const results = Object.fromEntries(METRICS.flatMap((m) => (measured[m] ? [[m, measured[m]]] : []))) as Record<string, MetricSummary>;
  console.table(
    Object.fromEntries(Object.entries(results).map(([metric, s]) => [metric, { median: s.median, p95: s.p95, unit: s.unit, runs: s.runs, target: TARGETS[metric] ?? '', 'p95 per sweep': s.sweeps_p95?.join(' / ') ?? '' }])),
  );
  if (only === null) {
    const file = path.join(import.meta.dirname, 'results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`bench: wrote ${path.relative(process.cwd(), file)}`);
  } else console.log('bench: BENCH_ONLY, bench/results.json left as it was');
} finally {
  await browser.close();
  await server.close();
}
