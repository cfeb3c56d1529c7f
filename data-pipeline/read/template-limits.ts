import { stat } from 'node:fs/promises';
import { SheetError } from '../../src/domain/delimited-text.ts';
import { checkFileSize, checkSheetLimits, ImportLimitError, type ImportLimits } from '../../src/domain/import-limits.ts';
import { PipelineError } from '../pipeline-error.ts';
import type { CsvRow } from './read-csv.ts';

/**
 * The app's import limits (`src/domain/import-limits.ts`) applied to a template file the
 * pipeline reads: the same checks, their French message located at the file, line and field.
 */

/** A sheet's problem as a pipeline error at its file, line and (for a cell) field. */
export function locatedSheetError(file: string, cause: SheetError): PipelineError {
  const field = cause instanceof ImportLimitError ? cause.column : undefined;
  return new PipelineError({ file, ...(cause.line === undefined ? {} : { line: cause.line }), ...(field === undefined ? {} : { field }) }, cause.message, { cause });
}

function located<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (cause) {
    if (cause instanceof SheetError) throw locatedSheetError(file, cause);
    throw cause;
  }
}

/** The file's size, from `stat`: an oversized file is never read. */
export async function checkInputSize(path: string, file: string, limits: ImportLimits): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    throw new PipelineError({ file }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  located(file, () => checkFileSize(size, limits));
}

/** Rows (counting the rejected ones) and cell lengths. */
export function checkInputRows(rows: readonly CsvRow[], rejected: number, file: string, limits: ImportLimits): void {
  located(file, () => checkSheetLimits(rows, rejected, limits));
}
