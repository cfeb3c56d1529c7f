import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/**
 * Puts back the published folder if a previous run was killed between the two renames of
 * `publishFolder`, and removes the leftovers of interrupted runs.
 */
export async function recoverInterruptedPublish(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const entries = (await exists(parent)) ? await readdir(parent) : [];
  // Newest last: if several runs died, the most recent published folder is the one to restore.
  const previous = (
    await Promise.all(
      entries.filter((e) => e.startsWith(`${base}.previous-`)).map(async (e) => ({ e, mtime: (await stat(path.join(parent, e))).mtimeMs })),
    )
  )
    .sort((a, b) => a.mtime - b.mtime)
    .map((p) => p.e);
  if (!(await exists(outDir)) && previous.length > 0) {
    await rename(path.join(parent, previous.pop()!), outDir);
  }
  const staging = entries.filter((e) => e.startsWith(`${base}.staging-`));
  for (const leftover of [...previous, ...staging]) {
    // Another run may be writing its staging folder right now: leave live processes alone.
    if (isAlive(Number(leftover.slice(leftover.lastIndexOf('-') + 1)))) continue;
    await rm(path.join(parent, leftover), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Crash-consistency tests set PIPELINE_CRASH_AT to kill the process (SIGKILL, no clean-up)
 * at a named point of the publish, deterministically.
 */
function crashPoint(name: 'before-swap' | 'between-renames'): void {
  if (process.env.PIPELINE_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

/**
 * Writes `files` into a staging folder beside `outDir`, then swaps it in with two renames
 * (same file system, so each is atomic). Nothing in `outDir` changes until every file is
 * written; a kill between the renames is repaired by `recoverInterruptedPublish`.
 */
export async function publishFolder(outDir: string, files: ReadonlyMap<string, Uint8Array | string>): Promise<void> {
  await recoverInterruptedPublish(outDir);
  const staging = `${outDir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, bytes] of files) await writeFile(path.join(staging, name), bytes);

  const previous = `${outDir}.previous-${process.pid}`;
  const hadPrevious = await exists(outDir);
  crashPoint('before-swap');
  if (hadPrevious) await rename(outDir, previous);
  crashPoint('between-renames');
  await rename(staging, outDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
