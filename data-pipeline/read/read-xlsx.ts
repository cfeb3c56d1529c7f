import { readFile } from 'node:fs/promises';
import { SheetError } from '../../src/domain/delimited-text.ts';
import type { ImportLimits } from '../../src/domain/import-limits.ts';
import { readWorkbookSheet } from '../../src/domain/template-workbook.ts';
import { PipelineError } from '../pipeline-error.ts';
import { checkInputRows, checkInputSize, locatedSheetError } from './template-limits.ts';
import type { CsvFile } from './read-csv.ts';

/** A file read as a table of text cells: a CSV file, or the first sheet of a workbook. */
export type TabularFile = Pick<CsvFile, 'file' | 'header' | 'rows' | 'rejected'>;

/**
 * The first worksheet of an XLSX file (a template filled in Excel or LibreOffice), read by the
 * same code as the app's import (`src/domain/template-workbook.ts`). Lines are the sheet's row
 * numbers; a file that is not a workbook, or whose header is missing or repeated, fails the run,
 * as does one over `limits` (the app's import limits, for the actions template).
 */
export async function readXlsx(path: string, file: string, limits?: ImportLimits): Promise<TabularFile> {
  if (limits !== undefined) await checkInputSize(path, file, limits);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new PipelineError({ file }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  try {
    const sheet = await readWorkbookSheet(bytes, limits);
    if (limits !== undefined) checkInputRows(sheet.rows, sheet.rejected.length, file, limits);
    return { file, header: sheet.header, rows: sheet.rows, rejected: sheet.rejected.map(({ line, reason }) => ({ location: { file, line }, reason })) };
  } catch (cause) {
    if (cause instanceof SheetError) throw locatedSheetError(file, cause);
    throw cause;
  }
}
