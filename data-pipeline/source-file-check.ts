import { stat } from 'node:fs/promises';
import { PipelineError } from './pipeline-error.ts';

/**
 * The largest source file the pipeline reads: 512 MiB. Each reader holds a whole file in
 * memory and parses it as one string, and V8 caps a string near 512 Mi characters (2^29 − 24),
 * so a larger file could not be read anyway; the largest source today is ~10 MB.
 */
export const MAX_SOURCE_FILE_BYTES = 512 * 1024 * 1024;

function kindOf(stats: Awaited<ReturnType<typeof stat>>): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Refuses, before anything is read, a source path that is not a regular file (a folder, a FIFO
 * or a device such as /dev/zero would hang or exhaust memory) or is larger than
 * `MAX_SOURCE_FILE_BYTES`. A missing file is reported as the readers report it.
 */
export async function checkSourceFile(file: string, shown: string): Promise<void> {
  let stats;
  try {
    stats = await stat(file);
  } catch (cause) {
    throw new PipelineError({ file: shown }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  if (!stats.isFile()) throw new PipelineError({ file: shown }, `is ${kindOf(stats)}; a source must be a regular file`);
  if (stats.size > MAX_SOURCE_FILE_BYTES) {
    throw new PipelineError({ file: shown }, `is ${stats.size} bytes, above the limit of ${MAX_SOURCE_FILE_BYTES} bytes (512 MiB) for a source file`);
  }
}
