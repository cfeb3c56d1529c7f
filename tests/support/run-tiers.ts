import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The test step of `npm test`: the e2e tier in one Vitest, unit and integration in another, at
 * the same time. A single `vitest run` takes them one after the other, e2e last (a project
 * without file parallelism runs after all the others), and on two cores Vitest gives the
 * others one worker: the Node tiers would wait for nothing while the browser tests wait on
 * Chromium. Each Vitest still runs every file of its tiers with the config's settings; e2e
 * keeps one file (one Chromium) at a time.
 *
 * Both outputs are shown as they come, line by line, the unit + integration lines prefixed
 * (`[node] `) so that the two never mix within a line and a hang still shows where each run
 * is. Exits 1 if either run fails; an interrupt or termination is passed on to both. A test
 * filter is refused: `npm run test:unit -- <filter>` (or test:integration, test:e2e) takes one.
 */
const VITEST = path.resolve(import.meta.dirname, '../../node_modules/vitest/vitest.mjs');

const children: ChildProcess[] = [];

function vitest(projects: readonly string[], prefix: string): Promise<number> {
  const child = spawn(process.execPath, [VITEST, 'run', ...projects.flatMap((p) => ['--project', p])], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128))));
}

if (process.argv.length > 2) {
  process.stderr.write(`npm test runs every test and takes no argument (got: ${process.argv.slice(2).join(' ')}); use npm run test:unit, test:integration or test:e2e -- <filter>\n`);
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => children.forEach((c) => c.kill(signal)));
const [browserCode, nodeCode] = await Promise.all([vitest(['e2e'], ''), vitest(['unit', 'integration'], '[node] ')]);
if (nodeCode !== 0) process.stderr.write('npm test: unit or integration tests failed (lines marked [node])\n');
if (browserCode !== 0) process.stderr.write('npm test: e2e tests failed\n');
process.exit(browserCode === 0 && nodeCode === 0 ? 0 : 1);
