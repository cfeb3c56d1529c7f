import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { type CsvDelimiter, type CsvEncoding, decodeText, detectDelimiter } from '../../src/domain/delimited-text.ts';
import type { ImportLimits } from '../../src/domain/import-limits.ts';
import { PipelineError, type RowIssue } from '../pipeline-error.ts';
import { checkInputRows, checkInputSize } from './template-limits.ts';

export type { CsvDelimiter, CsvEncoding };

export interface CsvOptions {
  /** `auto`: UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252. */
  encoding?: CsvEncoding | 'auto';
  delimiter?: CsvDelimiter | 'auto';
  /** Columns that must be in the header (compared after trimming). */
  required?: readonly string[];
  /** Longest accepted field, in characters: longer means a broken quote or a wrong file. */
  maxFieldLength?: number;
  /** The app's import limits (file size, rows, cell length), for the files of a template people fill. */
  limits?: ImportLimits;
}

export interface CsvRow {
  /** 1-based line of the record's first line in the file. */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
  /** Records with the wrong number of fields: reported and left out. */
  rejected: RowIssue[];
}

/**
 * Reads a delimited text file as official open data publishes it (`;` or `,`, UTF-8 with or
 * without BOM, or Windows-1252, CRLF or LF, quoted fields). File-level problems throw a
 * located `PipelineError`; a record with the wrong field count is rejected with its line.
 */
export async function readCsv(path: string, file: string, options: CsvOptions = {}): Promise<CsvFile> {
  if (options.limits !== undefined) await checkInputSize(path, file, options.limits);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new PipelineError({ file }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new PipelineError({ file, line: 1 }, 'UTF-16 text is not supported: save the file as UTF-8 (or Windows-1252)');
  }
  const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) throw new PipelineError({ file, line: text.slice(0, nul).split('\n').length }, 'NUL character: a binary or UTF-16 file, not text');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (text.trim() === '') throw new PipelineError({ file }, 'empty file');
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(firstLine) : options.delimiter;

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: options.maxFieldLength ?? 100_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (cause) {
    throw csvError(cause, file);
  }
  const [head, ...body] = records;
  if (head === undefined) throw new PipelineError({ file }, 'empty file');
  // Some exports (R's write.csv) leave the row-index column unnamed: name it by position.
  const header = head.record.map((h, i) => h.trim() || `_column_${i + 1}`);
  checkHeader(header, file, options.required ?? []);

  const rows: CsvRow[] = [];
  const rejected: RowIssue[] = [];
  const maxField = options.maxFieldLength ?? 100_000;
  for (const { record, info } of body) {
    // csv-parse counts the lines read so far: a multi-line record ends on `info.lines`.
    const line = info.lines;
    if (record.length !== header.length) {
      rejected.push({ location: { file, line }, reason: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const long = record.findIndex((v) => v.length > maxField);
    if (long !== -1) {
      rejected.push({ location: { file, line, field: header[long] }, reason: `field longer than ${maxField} characters` });
      continue;
    }
    rows.push({ line, values: Object.fromEntries(header.map((h, i) => [h, record[i]!])) });
  }
  if (options.limits !== undefined) checkInputRows(rows, rejected.length, file, options.limits);
  return { file, encoding, delimiter, header, rows, rejected };
}

function checkHeader(header: string[], file: string, required: readonly string[]): void {
  const seen = new Set<string>();
  header.forEach((h) => {
    if (seen.has(h)) throw new PipelineError({ file, line: 1, field: h }, 'duplicate column in header');
    seen.add(h);
  });
  const missing = required.filter((r) => !seen.has(r));
  if (missing.length > 0) {
    throw new PipelineError({ file, line: 1, field: missing.join(', ') }, `missing required column${missing.length > 1 ? 's' : ''} (header has: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`);
  }
}

function csvError(cause: unknown, file: string): PipelineError {
  if (cause instanceof CsvError) {
    const line = (cause as CsvError & { lines?: number }).lines;
    const reason =
      cause.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'unterminated quoted field: file is truncated or a quote is not closed'
        : cause.code === 'CSV_MAX_RECORD_SIZE'
          ? 'field too long: a quote is probably not closed'
          : cause.message.replace(/^Invalid\s+/i, 'invalid ');
    return new PipelineError({ file, ...(line !== undefined ? { line } : {}) }, reason, { cause });
  }
  return new PipelineError({ file }, `cannot parse CSV (${(cause as Error).message})`, { cause });
}
