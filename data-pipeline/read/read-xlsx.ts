import { readFile } from 'node:fs/promises';
import { SheetError } from '../../src/domain/delimited-text.ts';
import { readWorkbookSheet } from '../../src/domain/template-workbook.ts';
import { PipelineError } from '../pipeline-error.ts';
import type { CsvFile } from './read-csv.ts';

/** A file read as a table of text cells: a CSV file, or the first sheet of a workbook. */
export type TabularFile = Pick<CsvFile, 'file' | 'header' | 'rows' | 'rejected'>;

/**
 * The first worksheet of an XLSX file (a template filled in Excel or LibreOffice), read by the
 * same code as the app's import (`src/domain/template-workbook.ts`). Lines are the sheet's row
 * numbers; a file that is not a workbook, or whose header is missing or repeated, fails the run.
 */
export async function readXlsx(path: string, file: string): Promise<TabularFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new PipelineError({ file }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  try {
    const sheet = await readWorkbookSheet(bytes);
    return { file, header: sheet.header, rows: sheet.rows, rejected: sheet.rejected.map(({ line, reason }) => ({ location: { file, line }, reason })) };
  } catch (cause) {
    if (cause instanceof SheetError) throw new PipelineError({ file, ...(cause.line === undefined ? {} : { line: cause.line }) }, cause.message, { cause });
    throw cause;
  }
}
