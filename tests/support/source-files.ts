import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';

/**
 * The text of a file the repository ships in `data-pipeline/sources/` (a BOM removed): tests
 * run on the same real files as the pipeline, never on anything outside the repository.
 */
export function readSourceText(relativePath: string): string {
  return readFileSync(path.join(SOURCES_DIR, relativePath), 'utf8').replace(/^\uFEFF/, '');
}
