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
  const previous = entries.filter((e) => e.startsWith(`${base}.previous-`)).sort();
  if (!(await exists(outDir)) && previous.length > 0) {
    await rename(path.join(parent, previous.pop()!), outDir);
  }
  for (const leftover of [...previous, ...entries.filter((e) => e.startsWith(`${base}.staging-`))]) {
    await rm(path.join(parent, leftover), { recursive: true, force: true });
  }
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
  if (hadPrevious) await rename(outDir, previous);
  await rename(staging, outDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
