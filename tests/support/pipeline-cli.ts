import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { PUBLISHED_DIR, REPO_ROOT } from './published-data.ts';

export { REPO_ROOT };

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where the child runs (the repo root by default) and extra environment variables. */
export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Runs `data-pipeline/cli.ts` in a child Node, from the repo root, as `npm run pipeline` does. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  // Absolute paths, so that a run from another working folder finds the loader and the CLI.
  const tsx = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, path.join(REPO_ROOT, 'data-pipeline/cli.ts'), ...args],
      { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** How the CLI names a file given by absolute path (relative to its working directory). */
export const shownAs = (file: string) => path.relative(REPO_ROOT, file);

const tempDirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A copy of the committed public/data, alone in a fresh temp folder: `<tmp>/data`. */
export async function copyOfPublishedData(): Promise<string> {
  const out = path.join(await tempDir('pipeline-out'), 'data');
  await cp(PUBLISHED_DIR, out, { recursive: true });
  return out;
}

/**
 * Every file of `dir` with its sha256, plus the entries beside `dir` (a publish leaves
 * `*.staging-*` / `*.previous-*` siblings only if it was interrupted or went wrong).
 */
export async function folderState(dir: string): Promise<{ files: string[]; siblings: string[] }> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    names.map(async (e) => {
      const file = path.join(e.parentPath, e.name);
      return `${path.relative(dir, file)} ${createHash('sha256').update(await readFile(file)).digest('hex')}`;
    }),
  );
  return { files: files.sort(), siblings: (await readdir(path.dirname(dir))).sort() };
}

type Position = number[];
export interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  crs?: unknown;
  features: Feature[];
  [member: string]: unknown;
}

export const QPV_SOURCES = {
  occitanie: { id: 'qpv-occitanie-2015', file: path.join(REPO_ROOT, 'data-pipeline/sources/qpv-occitanie-2015/qp.geojson') },
  illeEtVilaine: { id: 'qpv-ille-et-vilaine-2015', file: path.join(REPO_ROOT, 'data-pipeline/sources/qpv-ille-et-vilaine-2015/QPV.geojson') },
} as const;

export async function readSource(file: string): Promise<FeatureCollection> {
  return JSON.parse(await readFile(file, 'utf8')) as FeatureCollection;
}

/** Writes `content` as `<new temp dir>/<name>` and returns its absolute path. */
export async function writeInput(name: string, content: string | FeatureCollection): Promise<string> {
  const file = path.join(await tempDir('pipeline-in'), name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/**
 * Runs the real CLI with `content` (written as `fileName`) in place of source `sourceId`, into a
 * copy of public/data, and checks the run failed and published nothing: exit 1, the message
 * that says so, the copy byte-identical with nothing left beside it.
 */
export async function refusedInputRun(sourceId: string, fileName: string, content: string): Promise<{ stderr: string; stdout: string; shown: string }> {
  const input = await writeInput(fileName, content);
  const out = await copyOfPublishedData();
  const before = await folderState(out);
  const run = await runCli(['--out', out, '--input', `${sourceId}=${input}`]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('pipeline: nothing published; the previous data is unchanged');
  expect(run.stdout).not.toContain('pipeline: published');
  expect(await folderState(out)).toEqual(before);
  expect(before.siblings).toEqual(['data']);
  return { stderr: run.stderr, stdout: run.stdout, shown: shownAs(input) };
}

/** Applies `f` to every position of a feature's geometry, in place. */
export function mapPositions(feature: Feature, f: (p: Position) => Position): void {
  const g = feature.geometry;
  if (g.type === 'Polygon') g.coordinates = g.coordinates.map((ring) => ring.map(f));
  else g.coordinates = g.coordinates.map((rings) => rings.map((ring) => ring.map(f)));
}

/**
 * Every file of the repository (tracked, or untracked and not ignored) with its sha256: what a
 * publish over the repository would delete. Ignored build output and node_modules are left out.
 */
export async function repositoryState(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const files = [...new Set(stdout.split('\0').filter((f) => f !== ''))].sort();
  return Promise.all(files.map(async (f) => `${f} ${createHash('sha256').update(await readFile(path.join(REPO_ROOT, f))).digest('hex')}`));
}

/** A folder of someone's files, in a fresh temp folder: `<tmp>/theirs`, its real path. */
export async function folderOfSomeonesFiles(): Promise<string> {
  const dir = path.join(await realpath(await tempDir('someone')), 'theirs');
  await mkdir(path.join(dir, 'photos', '2026'), { recursive: true });
  await writeFile(path.join(dir, 'notes.txt'), 'rendez-vous mardi\n');
  await writeFile(path.join(dir, '.hidden'), 'x');
  await writeFile(path.join(dir, 'photos', '2026', 'plage.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]));
  return dir;
}
