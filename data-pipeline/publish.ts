import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './output-lock.ts';
import { PipelineError } from './pipeline-error.ts';
import { holdsOnlyOutputFiles, inspectOutputFolder } from './pipeline-output.ts';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const exists = (p: string) => stat(p).then(() => true, () => false);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Leftovers of a run that this process is not: `<base>.staging-<pid>` / `<base>.previous-<pid>`
 * beside `outDir`, real folders holding only files named as the pipeline names its files. A
 * user's folder that merely shares the prefix (`data.previous-backup`, or one holding other
 * files) is never touched.
 */
async function leftovers(outDir: string, kind: 'staging' | 'previous'): Promise<string[]> {
  const parent = path.dirname(outDir);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(outDir))}\\.${kind}-(\\d+)$`);
  const found: { dir: string; mtime: number }[] = [];
  for (const entry of (await exists(parent)) ? await readdir(parent) : []) {
    const pid = pattern.exec(entry)?.[1];
    // Another run may be writing its staging folder right now: leave live processes alone.
    if (pid === undefined || (Number(pid) !== process.pid && isAlive(Number(pid)))) continue;
    const dir = path.join(parent, entry);
    const stats = await lstat(dir);
    if (stats.isDirectory() && (await holdsOnlyOutputFiles(dir))) found.push({ dir, mtime: stats.mtimeMs });
  }
  // Newest last: if several runs died, the most recent published folder is the one to restore.
  return found.sort((a, b) => a.mtime - b.mtime).map((f) => f.dir);
}

/**
 * Puts back the published folder if a previous run was killed between the two renames of
 * `publishFolder`, and removes the leftovers of interrupted runs (only those: see `leftovers`).
 * Runs under the output lock, so no live run of this pipeline is publishing here meanwhile.
 */
export async function recoverInterruptedPublish(outDir: string): Promise<void> {
  const previous = await leftovers(outDir, 'previous');
  if (!(await exists(outDir)) && previous.length > 0) await rename(previous.pop()!, outDir);
  for (const leftover of [...previous, ...(await leftovers(outDir, 'staging'))]) await rm(leftover, { recursive: true, force: true });
}

/**
 * Crash-consistency tests set PIPELINE_CRASH_AT to kill the process (SIGKILL, no clean-up)
 * at a named point of the publish, deterministically; `<point>:throw` throws there instead,
 * as a failing rename would.
 */
function crashPoint(name: 'before-swap' | 'between-renames'): void {
  if (process.env.PIPELINE_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
  if (process.env.PIPELINE_CRASH_AT === `${name}:throw`) throw new Error(`PIPELINE_CRASH_AT=${name}:throw: simulated failure`);
}

/**
 * Writes `files` into a staging folder beside `outDir`, then swaps it in with two renames
 * (same file system, so each is atomic). Nothing in `outDir` changes until every file is
 * written. An error between the renames puts the previous folder back before it propagates;
 * a kill there is repaired by `recoverInterruptedPublish`. The caller holds the output lock.
 */
export async function publishFolder(outDir: string, files: ReadonlyMap<string, Uint8Array | string>): Promise<void> {
  await recoverInterruptedPublish(outDir);
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  await mkdir(path.dirname(outDir), { recursive: true });
  // Not recursive: a folder already there under this name is not ours to fill or remove.
  await mkdir(staging);
  let swapped = false;
  try {
    for (const [name, bytes] of files) await writeFile(path.join(staging, name), bytes);
    // Checked again now, not only before the build: a file someone put there meanwhile would
    // be deleted with the previous output.
    const now = await inspectOutputFolder(outDir);
    if (now.kind === 'foreign') throw new PipelineError({ file: outDir }, `refused to replace it: ${now.reason} (it changed during the build); nothing published`);
    const hadPrevious = now.kind !== 'absent';
    crashPoint('before-swap');
    if (hadPrevious) await rename(outDir, previous);
    try {
      crashPoint('between-renames');
      await rename(staging, outDir);
      swapped = true;
    } catch (error) {
      if (hadPrevious) await rename(previous, outDir);
      throw error;
    }
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    if (!swapped) await rm(staging, { recursive: true, force: true });
  }
}
