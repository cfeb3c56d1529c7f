/**
 * `npm run bench`: measures the built app in headless Chromium (software WebGL) and prints a
 * table, then how long each section took; writes bench/results.json as {"<metric>": {median,
 * p95, unit, runs, values}}, the brush metrics with the p95 of each sweep (`sweeps_p95`)
 * instead of their thousand moves.
 * `npm run bench -- --quick`: the sections marked `quick` (cold loads, three brush sweeps on
 * the embedded data), written to bench/results-quick.json; the full bench stays the reference.
 * BENCH_RUNS sets the number of cold loads of each page (default 7, 5 with --quick, at least 5).
 * BENCH_ONLY=<metric>,… (e.g. `BENCH_ONLY=filter_p95_ms_4dims npx tsx bench/run-bench.ts` after
 * `npm run build`) runs only the sections measuring those, prints them and writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { launchChromium, PRODUCTION_DIST_DIR, REPO_ROOT, startPreview } from '../tests/support/browser.ts';
import { parseBenchArgs } from './bench-options.ts';
import { benchFilter, FOUR_DIMS } from './filter-bench.ts';
import { appWithFloor, FLOOR_PATH } from './floor-build.ts';
import { benchColdLoads, LOAD_METRICS } from './load-bench.ts';
import { benchNational, NATIONAL_METRICS } from './national-bench.ts';
import { benchPipelineRuns, benchPipSpeedup } from './pipeline-bench.ts';
import type { MetricSummary } from './stats.ts';

const options = parseBenchArgs(process.argv.slice(2));

const TARGETS: Record<string, string> = {
  first_paint_ms: '≤ 1000 (median)',
  interactive_ms: '≤ 2500 (median)',
  first_paint_ratio: '≤ 1.5 (ours / floor)',
  pipeline_full_s: '≤ 30',
  pip_speedup_vs_turf: '≥ 20',
  filter_p95_ms: '≤ 16 (p95)',
  filter_p95_ms_100x: '≤ 100 (p95)',
  filter_p95_ms_4dims: '≤ 16 (p95)',
  pipeline_national_s: '≤ 60', first_paint_ms_national: '≤ 1500 (median)', interactive_ms_national: '≤ 3000 (median)',
};

/** Brush moves per sweep (the issue asks for a p95 over at least 50). */
const BRUSH_MOVES = 60;
/**
 * Sweeps, each in a fresh page, pooled into one p95: over one page's 60 moves the p95 is the
 * third-slowest move, and it varied from 12 to 17 ms from page to page for the same build on
 * this machine. Pooled over 3 sweeps, the p95 of one build still spread from 14.2 to 17.5 ms
 * from run to run; over 10, the slowest 30 of 600 moves decide it. The quick bench takes 3:
 * enough to see a change of a few milliseconds, not to certify the target.
 */
const BRUSH_SWEEPS = options.quick ? 3 : 10;
/**
 * Sweeps on the synthetic ×100 set, fewer: each one waits for DuckDB to load a hundred times
 * the data, and the ten of the first timed full bench took 32 of its 48 minutes (machine
 * shared, load average 8 to 14, December 2026), for sweep p95s from 60 to 655 ms around the
 * ≤ 100 ms target: a spread the machine's load made, which more sweeps average but do not
 * remove. The embedded sets keep ten: their sweeps cost a sixth as much and their spread
 * (11 to 47 ms) straddles their 16 ms target, where the pooling decides.
 */
const BRUSH_SWEEPS_100X = 3;
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? (options.quick ? 5 : 7)));

/** The built app serving the synthetic ×100 dataset (`npm run synthetic:100x`), in a temp dir. */
function synthetic100xApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatoire-100x-'));
  cpSync(PRODUCTION_DIST_DIR, dir, { recursive: true });
  rmSync(path.join(dir, 'data'), { recursive: true });
  execFileSync('npm', ['run', '--silent', 'synthetic:100x', '--', '--out', path.join(dir, 'data')], { cwd: REPO_ROOT, stdio: 'inherit' });
  return dir;
}

interface Bench {
  browser: Browser;
  /** The production build (`npm run build`, what users load; the bench needs no test hook) and the floor page beside it. */
  appUrl: string;
  floorUrl: string;
}

/** One part of the bench: the metrics it measures, timed as a whole. */
interface Section {
  name: string;
  metrics: readonly string[];
  /** Part of `--quick`. */
  quick: boolean;
  run(bench: Bench): Promise<Record<string, MetricSummary>>;
}

/**
 * In the order they run. The brush sweeps come before the Node benchmarks (the point-in-polygon
 * one runs in this process, which also drives the browser): run after them, the first two
 * sweeps were once the slowest, 19.1 and 18.2 ms against 11.8 to 15.9 for the others.
 */
const SECTIONS: Section[] = [
  { name: 'cold loads, app and floor alternated', metrics: LOAD_METRICS, quick: true, run: (b) => benchColdLoads(b.browser, b.appUrl, b.floorUrl, runs) },
  { name: 'brush sweeps', metrics: ['filter_p95_ms'], quick: true, run: async (b) => ({ filter_p95_ms: await benchFilter(b.browser, b.appUrl, BRUSH_MOVES, BRUSH_SWEEPS) }) },
  { name: 'brush sweeps, four dimensions', metrics: ['filter_p95_ms_4dims'], quick: false, run: async (b) => ({ filter_p95_ms_4dims: await benchFilter(b.browser, b.appUrl, BRUSH_MOVES, BRUSH_SWEEPS, FOUR_DIMS) }) },
  { name: 'pipeline rebuilds', metrics: ['pipeline_full_s'], quick: false, run: async () => ({ pipeline_full_s: await benchPipelineRuns(3) }) },
  {
    name: 'point in polygon',
    metrics: ['pip_speedup_vs_turf'],
    quick: false,
    run: async () => {
      const { points, polygons, pairs, ...pip } = await benchPipSpeedup(5);
      console.log(`point-in-polygon: ${points} real establishments × ${polygons} QPV → ${pairs} pairs, identical for both methods`);
      return { pip_speedup_vs_turf: pip };
    },
  },
  {
    name: 'brush sweeps, synthetic ×100',
    metrics: ['filter_p95_ms_100x'],
    quick: false,
    run: async (b) => {
      const syntheticDir = synthetic100xApp();
      const synthetic = await startPreview(syntheticDir);
      try {
        return { filter_p95_ms_100x: await benchFilter(b.browser, synthetic.url, BRUSH_MOVES, BRUSH_SWEEPS_100X) };
      } finally {
        await synthetic.close();
        rmSync(syntheticDir, { recursive: true });
      }
    },
  },
  {
    name: 'synthetic national dataset: pipeline and cold loads',
    metrics: NATIONAL_METRICS,
    quick: false,
    run: (b) => benchNational(b.browser, runs, (m) => only === null || only.includes(m)),
  },
];

const METRICS = SECTIONS.flatMap((s) => s.metrics);
const only = process.env.BENCH_ONLY?.split(',').map((m) => m.trim()) ?? null;
const unknown = only?.filter((m) => !METRICS.includes(m)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown metric ${unknown.join(', ')} (known: ${METRICS.join(', ')})`);
const sections = SECTIONS.filter((s) => (!options.quick || s.quick) && (only === null || s.metrics.some((m) => only.includes(m))));

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const started = performance.now();
const durations: Record<string, number> = {};
const floor = await appWithFloor(PRODUCTION_DIST_DIR);
const server = await startPreview(floor.dir);
const browser = await launchChromium();
durations['start (floor page build, server, browser)'] = seconds(started);
try {
  const measured: Record<string, MetricSummary> = {};
  for (const section of sections) {
    const start = performance.now();
    Object.assign(measured, await section.run({ browser, appUrl: server.url, floorUrl: `${server.url}${FLOOR_PATH}` }));
    durations[section.name] = seconds(start);
    console.log(`bench: ${section.name} took ${durations[section.name]} s`);
  }
  const results = Object.fromEntries(METRICS.flatMap((m) => (measured[m] ? [[m, measured[m]]] : [])));
  console.table(
    Object.fromEntries(Object.entries(results).map(([metric, s]) => [metric, { median: s.median, p95: s.p95, unit: s.unit, runs: s.runs, target: TARGETS[metric] ?? '', 'p95 per sweep': s.sweeps_p95?.join(' / ') ?? '' }])),
  );
  durations.total = seconds(started);
  console.table(Object.fromEntries(Object.entries(durations).map(([section, s]) => [section, { seconds: s }])));
  if (only === null) {
    const file = path.join(import.meta.dirname, options.quick ? 'results-quick.json' : 'results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`bench: wrote ${path.relative(process.cwd(), file)}`);
  } else console.log('bench: BENCH_ONLY, no results file written');
} finally {
  await browser.close();
  await server.close();
  floor.remove();
}
