import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PipelineError } from './pipeline-error.ts';

/** Who holds a lock: written in `<out>.lock` as JSON. */
interface LockHolder {
  pid: number;
  host: string;
  started_at: string;
}

export interface OutputLock {
  file: string;
  /** Removes the lock if it is still this run's; safe to call more than once. */
  release(): Promise<void>;
}

/** Is a process with this pid running on this machine? EPERM: it runs, as another user. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Links `from` as `to`; false when `to` exists. */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const readHolder = (text: string): LockHolder | null => {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.started_at === 'string' ? (h as LockHolder) : null;
  } catch {
    return null;
  }
};

/**
 * Takes `<outDir>.lock` so that two runs never publish into the same folder at once. The lock
 * file is written whole under a private name, then hard-linked to its place: `link` fails if
 * the lock exists, as an O_EXCL create would, and nobody ever reads a half-written lock.
 * A lock whose process is dead (same host) is stale and taken over; a live one is refused,
 * naming its pid (a dead pid reused by another process makes the lock look live: the message
 * says whom to check). The lock goes when the run ends, on every path but SIGKILL (then it is
 * stale for the next run).
 */
export async function acquireOutputLock(outDir: string): Promise<OutputLock> {
  const file = `${outDir}.lock`;
  const mine = `${JSON.stringify({ pid: process.pid, host: os.hostname(), started_at: new Date().toISOString() } satisfies LockHolder)}\n`;
  const draft = `${file}.${process.pid}`;
  await mkdir(path.dirname(file), { recursive: true });
  // 'wx' never follows a link planted under the draft's name (a shared parent such as /tmp);
  // a draft left by a killed run of the same pid is removed first (unlink removes a link, not its target).
  await unlink(draft).catch(() => {});
  await writeFile(draft, mine, { flag: 'wx' });
  try {
    for (let attempt = 0; !(await linked(draft, file)); attempt++) {
      if (attempt === 3) throw new PipelineError({ file }, 'other runs keep taking this lock; try again');
      await takeOverIfStale(file);
    }
  } finally {
    await unlink(draft).catch(() => {});
  }

  const releaseSync = () => {
    // Never remove a lock that is no longer ours (taken over after a pause, or deleted by hand).
    if (readFileSync(file, { encoding: 'utf8', flag: 'r' }) === mine) unlinkSync(file);
  };
  const onExit = () => {
    try {
      releaseSync();
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);
  return {
    file,
    async release() {
      process.off('exit', onExit);
      onExit();
    },
  };
}

/**
 * Removes `file` if its holder is dead, or throws naming the live holder. The stale lock is
 * first renamed aside (atomic, so one run only wins it), then checked to be the one judged
 * stale: if another run replaced it meanwhile, it is put back.
 */
async function takeOverIfStale(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return; // Released meanwhile: try again.
  const holder = readHolder(text);
  const where = { file };
  if (holder === null) throw new PipelineError(where, 'lock file is unreadable; if no pipeline run is going on, delete it');
  if (holder.host !== os.hostname()) {
    throw new PipelineError(where, `another run (pid ${holder.pid} on ${holder.host}, started ${holder.started_at}) holds this output; if it is not running, delete the lock`);
  }
  if (isAlive(holder.pid)) {
    throw new PipelineError(where, `another run (pid ${holder.pid}, started ${holder.started_at}) is publishing to this output; wait for it to end, or delete the lock if that process is not this pipeline`);
  }
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch {
    return; // Someone else took it over first.
  }
  if ((await readFile(aside, 'utf8')) !== text) await link(aside, file).catch(() => {});
  await unlink(aside);
}
