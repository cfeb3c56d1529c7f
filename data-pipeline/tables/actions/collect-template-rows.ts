import type { z } from 'zod';
import { formatTemplateIssue, readTemplateHeader, type TemplateIssue, toTemplateRecord, validateTemplateRecord } from '../../../src/domain/template-cells.ts';
import { type Location, PipelineError, type RowIssue } from '../../pipeline-error.ts';
import type { TabularFile } from '../../read/read-xlsx.ts';
import type { SourceInput } from '../../read/read-source.ts';

export interface TemplateSpec<C extends string, S extends z.ZodType> {
  columns: readonly C[];
  required: readonly C[];
  schema: S;
}

export interface TemplateRow<T> {
  value: T;
  sourceId: string;
  at: Location & { line: number };
}

export interface CollectedRows<T> {
  items: TemplateRow<T>[];
  rowsIn: number;
  rejected: RowIssue[];
  warnings: RowIssue[];
}

/**
 * Every row of the CSV files or XLSX sheets of a template (the actions template, the Cités and PRE
 * registries) through its zod schema. A missing required column fails the run at line 1; an
 * unknown column is skipped with a warning; a row with faulty cells is rejected, located at its
 * line and first faulty column, with every faulty cell in the reason.
 */
export function collectTemplateRows<C extends string, S extends z.ZodType>(inputs: readonly SourceInput<TabularFile>[], spec: TemplateSpec<C, S>): CollectedRows<z.output<S>> {
  const out: CollectedRows<z.output<S>> = { items: [], rowsIn: 0, rejected: [], warnings: [] };
  for (const { source, data: file } of inputs) {
    const header = readTemplateHeader(spec.columns, spec.required, file.header);
    if (header.missingRequired.length > 0) {
      const s = header.missingRequired.length > 1 ? 's' : '';
      throw new PipelineError({ file: file.file, line: 1, field: header.missingRequired.join(', ') }, `missing required column${s} of the template (expected: ${spec.columns.join(';')})`);
    }
    for (const name of header.unknown) out.warnings.push({ location: { file: file.file, line: 1, field: name }, reason: 'column not in the template (or repeated): skipped' });
    out.rowsIn += file.rows.length + file.rejected.length;
    out.rejected.push(...file.rejected);
    for (const row of file.rows) {
      const result = validateTemplateRecord(spec.schema, toTemplateRecord(header, row.values));
      if (result.ok) out.items.push({ value: result.value, sourceId: source.id, at: { file: file.file, line: row.line } });
      else out.rejected.push(templateRowIssue(file.file, row.line, result.issues));
    }
  }
  return out;
}

/**
 * The issues of one template row as one rejected row (the run's counts and threshold are per
 * row): located at the first faulty cell, the reason listing every faulty cell.
 */
export function templateRowIssue(file: string, line: number, issues: readonly TemplateIssue[]): RowIssue {
  const first = issues[0];
  return {
    location: { file, line, ...(first === undefined ? {} : { field: first.column, value: first.value ?? '' }) },
    reason: issues.map(formatTemplateIssue).join(' ; '),
  };
}
