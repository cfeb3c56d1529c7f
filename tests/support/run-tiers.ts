import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The test step of `npm test`: the e2e tier in one Vitest, unit and integration in another, at
 * the same time. A single `vitest run` takes them one after the other, e2e last (a project
 * without file parallelism runs after all the others), and on two cores Vitest gives the
 * others one worker: the Node tiers would wait for nothing while the browser tests wait on
 * Chromium. Each Vitest still runs every file of its tiers with the config's settings; e2e
 * keeps one file (one Chromium) at a time.
 *
 * The e2e output is shown as it comes; the other's when it ends, in one block, so that the two
 * never interleave. Exits 1 if either run fails.
 */
const VITEST = path.resolve(import.meta.dirname, '../../node_modules/vitest/vitest.mjs');

function vitest(projects: readonly string[], live: boolean): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, [VITEST, 'run', ...projects.flatMap((p) => ['--project', p])], { stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const e2e = vitest(['e2e'], true);
const node = vitest(['unit', 'integration'], false).then((run) => {
  process.stdout.write(`\n── vitest run --project unit --project integration (ran beside e2e) ──\n${run.output}── end of unit + integration: ${run.code === 0 ? 'passed' : 'FAILED'} ──\n\n`);
  return run;
});
const [browserRun, nodeRun] = await Promise.all([e2e, node]);
if (nodeRun.code !== 0) process.stderr.write('npm test: unit or integration tests failed (see their block above)\n');
if (browserRun.code !== 0) process.stderr.write('npm test: e2e tests failed\n');
process.exit(browserRun.code === 0 && nodeRun.code === 0 ? 0 : 1);
