import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireOutputLock } from '../../data-pipeline/output-lock.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

/* `<out>.lock` on real files, in this process (the CLI runs are in pipeline-cli-safe-publish). */
afterAll(removeTempDirs);

describe('acquireOutputLock', () => {
  it('creates the missing parents of an output not yet published, and leaves nothing on release', async () => {
    const parent = await tempDir('lock');
    const out = path.join(parent, 'site', 'data');
    const lock = await acquireOutputLock(out);
    expect(await readdir(path.dirname(out))).toEqual(['data.lock']);
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
    expect(await readdir(path.dirname(out))).toEqual([]);
  });

  it('refuses a second holder while the first lives, then lets it in once released', async () => {
    const out = path.join(await tempDir('lock'), 'data');
    const first = await acquireOutputLock(out);
    await expect(acquireOutputLock(out)).rejects.toThrow(`another run (pid ${process.pid}, started `);
    await first.release();
    const second = await acquireOutputLock(out);
    await second.release();
  });

  it('never removes a lock that is no longer its own', async () => {
    const out = path.join(await tempDir('lock'), 'data');
    const lock = await acquireOutputLock(out);
    const other = `${JSON.stringify({ pid: process.ppid, host: 'ailleurs', started_at: '2026-12-01T08:00:00.000Z' })}\n`;
    await writeFile(lock.file, other);
    await lock.release();
    expect(await readFile(lock.file, 'utf8')).toBe(other);
  });

  it('refuses a lock it cannot read, rather than guess', async () => {
    const out = path.join(await tempDir('lock'), 'data');
    await writeFile(`${out}.lock`, 'garbage');
    await expect(acquireOutputLock(out)).rejects.toThrow('lock file is unreadable; if no pipeline run is going on, delete it');
    expect(await readdir(path.dirname(out))).toEqual(['data.lock']);
  });
});
