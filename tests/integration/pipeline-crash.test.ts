import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { acquireOutputLock } from '../../data-pipeline/output-lock.ts';
import { recoverInterruptedPublish } from '../../data-pipeline/publish.ts';
import { copyOfPublishedData, folderState, REPO_ROOT, removeTempDirs } from '../support/pipeline-cli.ts';

/** Runs the CLI with PIPELINE_CRASH_AT set: it SIGKILLs itself at that point of the publish. */
function runUntilCrash(outDir: string, crashAt: string): Promise<{ signal: NodeJS.Signals | null; code: number | null; pid: number | undefined }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'data-pipeline/cli.ts', '--out', outDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, PIPELINE_CRASH_AT: crashAt },
      maxBuffer: 16 * 1024 * 1024,
    });
    child.on('exit', (code, signal) => resolve({ code, signal, pid: child.pid }));
  });
}

afterAll(removeTempDirs);

/**
 * What the next run does before building anything: a SIGKILL left its lock behind, naming a
 * dead pid; the next run takes that stale lock over, repairs the folder, and releases the lock.
 */
async function nextRunRepairs(out: string, killedPid: number | undefined): Promise<void> {
  expect(JSON.parse(await readFile(`${out}.lock`, 'utf8'))).toMatchObject({ pid: killedPid });
  const lock = await acquireOutputLock(out);
  await recoverInterruptedPublish(out);
  await lock.release();
}

describe('a pipeline killed while publishing', () => {
  test('before the swap: the published folder is untouched; the staging leftover is cleaned by the next run', async () => {
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runUntilCrash(out, 'before-swap');
    expect(run.signal).toBe('SIGKILL');
    const after = await folderState(out);
    expect(after.files).toEqual(before.files);
    expect(after.siblings.some((s) => s.startsWith('data.staging-'))).toBe(true);

    await nextRunRepairs(out, run.pid);
    expect(await folderState(out)).toEqual(before);
  });

  test('between the two renames: the next run puts the previous folder back, byte for byte', async () => {
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runUntilCrash(out, 'between-renames');
    expect(run.signal).toBe('SIGKILL');
    const siblings = await readdir(path.dirname(out));
    expect(siblings).not.toContain('data');
    expect(siblings.some((s) => s.startsWith('data.previous-'))).toBe(true);

    await nextRunRepairs(out, run.pid);
    expect(await folderState(out)).toEqual(before);
  });
});
