import type { z } from 'zod';
import { type Location, PipelineError, type RowIssue } from '../../pipeline-error.ts';
import type { CsvFile } from '../../read/read-csv.ts';
import { canonicalValues, type FieldVariants, resolveHeader } from './header-fields.ts';
import { invalidUaiReason, normaliseUai } from './normalise-codes.ts';

/** What a row parser says about one row: a value, or a problem on one canonical field. */
export type RowOutcome<T, K extends string> = { ok: true; value: T } | { ok: false; field: K; value: unknown; reason: string; skip?: boolean };

/** The first issue of a failed zod parse, as a row problem on the canonical field it names. */
export function zodProblem<K extends string>(error: z.ZodError, values: Record<K, string>): RowOutcome<never, K> {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? '') as K;
  return { ok: false, field, value: values[field], reason: issue.message };
}

/** How to read the rows of one file layout keyed by UAI. */
export interface RowReader<K extends string, T> {
  fields: FieldVariants<K>;
  uai: K;
  parse(values: Record<K, string>): RowOutcome<T, K>;
  /** True for lines that may share their UAI (the annuaire's multi-line establishments). */
  isMultiLine?(values: Record<K, string>): boolean;
  /** What, beside the UAI, makes a line unique (the session of a file of every session). */
  key?(values: Record<K, string>): string;
}

export interface FileRow<T> {
  uai: string;
  /** File, line, and the UAI column with its normalised value. */
  location: Location;
  value: T;
}

export interface FileRows<T> {
  rows: FileRow<T>[];
  rowsIn: number;
  rejected: RowIssue[];
  warnings: RowIssue[];
}

/**
 * Reads every row of a file with `reader`: bad rows are rejected (located at file, line and
 * column, as the header names it), skipped rows become warnings, and records the CSV reader
 * could not split are carried over as rejections.
 * @throws PipelineError when two lines share a UAI (and `key`; unless both are multi-line), naming both.
 */
export function collectFileRows<K extends string, T>(csv: CsvFile, reader: RowReader<K, T>): FileRows<T> {
  const columns = resolveHeader(csv, reader.fields);
  const out: FileRows<T> = { rows: [], rowsIn: csv.rows.length + csv.rejected.length, rejected: [...csv.rejected], warnings: [] };
  const seen = new Map<string, { line: number; multiLine: boolean }>();
  for (const row of csv.rows) {
    const values = canonicalValues(row, columns);
    const at = (field: K, value: unknown): Location => ({ file: csv.file, line: row.line, field: columns[field] ?? field, value });
    const uai = normaliseUai(values[reader.uai]);
    if (uai === null) {
      out.rejected.push({ location: at(reader.uai, values[reader.uai]), reason: invalidUaiReason(values[reader.uai]) });
      continue;
    }
    const multiLine = reader.isMultiLine?.(values) ?? false;
    const key = reader.key === undefined ? uai : `${uai} ${reader.key(values)}`;
    const first = seen.get(key);
    if (first !== undefined && !(first.multiLine && multiLine)) {
      throw new PipelineError(at(reader.uai, uai), `duplicate etablissements key (first seen in ${csv.file} line ${first.line})`);
    }
    if (first === undefined) seen.set(key, { line: row.line, multiLine });

    const outcome = reader.parse(values);
    if (outcome.ok) out.rows.push({ uai, location: at(reader.uai, uai), value: outcome.value });
    else (outcome.skip ? out.warnings : out.rejected).push({ location: at(outcome.field, outcome.value), reason: outcome.reason });
  }
  return out;
}
