import { lstat, readFile, readlink, realpath, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_GENERATOR } from '../../data-pipeline/pipeline-output.ts';
import { copyOfPublishedData, folderState, removeTempDirs, runCli, shownAs, tempDir, writeInput } from '../support/pipeline-cli.ts';
import { readManifest } from '../support/published-data.ts';

/*
 * The publish itself, run through the CLI: a symbolic link kept and its target swapped; the
 * `<out>.lock` that keeps two runs apart (a live holder refused, a dead one's lock taken
 * over, the lock gone on every exit path); a failure between the two renames undone.
 * Dead pids are above Linux's PID_MAX_LIMIT (2^22): never a live process.
 */
const DEAD_PID = 4_194_304 + 321;
afterAll(removeTempDirs);

const lockOf = (pid: number) => `${JSON.stringify({ pid, host: os.hostname(), started_at: '2026-12-01T08:00:00.000Z' })}\n`;

describe('pipeline CLI: a symbolic link as --out', () => {
  it('publishes into the folder the link points to, swapped whole, and keeps the link', async () => {
    const target = await copyOfPublishedData();
    const site = await realpath(await tempDir('site'));
    const link = path.join(site, 'data');
    await symlink(target, link);
    const before = await readManifest(target);

    const run = await runCli(['--out', link]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    // The target holds the new build (its manifest names the generator), read through the link.
    expect(await readManifest(link)).toMatchObject({ generator: MANIFEST_GENERATOR });
    expect((await readManifest(target)).tables.map((t) => t.name)).toEqual(before.tables.map((t) => t.name));
    // Nothing left beside the link or the target: no staging, previous or lock.
    expect((await folderState(target)).siblings).toEqual(['data']);
    expect((await folderState(link)).siblings).toEqual(['data']);
  });

  it('refuses a link to a folder that does not exist, and leaves the link', async () => {
    const site = await realpath(await tempDir('site'));
    const link = path.join(site, 'data');
    await symlink(path.join(site, 'absent'), link);
    const run = await runCli(['--out', link]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`refused: ${link}: it is a symbolic link to a folder that does not exist`);
    expect(await readlink(link)).toBe(path.join(site, 'absent'));
  });
});

describe('pipeline CLI: two runs never publish into the same folder at once', () => {
  it('refuses to start while a live process holds the lock, naming its pid; lock and folder untouched', async () => {
    const out = await copyOfPublishedData();
    // The test process itself is the live holder: what a concurrent run would have written.
    await writeFile(`${out}.lock`, lockOf(process.pid));
    const before = await folderState(out);

    const run = await runCli(['--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pipeline: error: ${out}.lock: another run (pid ${process.pid}, started 2026-12-01T08:00:00.000Z) is publishing to this output`);
    expect(run.stdout).not.toContain('read ');
    expect(await folderState(out)).toEqual(before);
    expect(await readFile(`${out}.lock`, 'utf8')).toBe(lockOf(process.pid));
  });

  it('takes over the lock of a dead run, and releases it when the run then fails', async () => {
    const out = await copyOfPublishedData();
    await writeFile(`${out}.lock`, lockOf(DEAD_PID));
    const before = await folderState(out);
    // An input that fails once the run is under way, after the lock is taken.
    const broken = await writeInput('regions.geojson', '{"type": "FeatureCollection", "features": [');

    const run = await runCli(['--out', out, '--input', `admin-express-2018-regions=${broken}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`read admin-express-2018-regions ← ${shownAs(broken)}`);
    expect(run.stderr).toContain(`pipeline: error: ${shownAs(broken)}`);
    expect(run.stderr).not.toContain('another run');
    const after = await folderState(out);
    expect(after.files).toEqual(before.files);
    expect(after.siblings).toEqual(['data']);
  });
});

describe('pipeline CLI: a failure between the two renames', () => {
  it('puts the previous output back, byte for byte, before failing; no leftover, no lock', async () => {
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runCli(['--out', out], { env: { PIPELINE_CRASH_AT: 'between-renames:throw' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PIPELINE_CRASH_AT=between-renames:throw: simulated failure');
    expect(await folderState(out)).toEqual(before);
  });
});
