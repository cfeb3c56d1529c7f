import { foldText } from '../../../src/domain/fold-text.ts';
import { PipelineError } from '../../pipeline-error.ts';
import type { CsvFile, CsvRow } from '../../read/read-csv.ts';

/**
 * Canonical fields of a file layout, each with the header names it has had across exports
 * (the annuaire renamed `coordonnee_X` to `coordX_origine`, `Code postal` to `Code_postal`…).
 * Names are compared folded: case, accents, spaces, `-` and `_` do not matter.
 */
export type FieldVariants<K extends string> = Readonly<Record<K, { names: readonly string[]; required: boolean }>>;

export const field = (required: boolean, ...names: string[]) => ({ names, required });

/** Canonical field → the column of this file that holds it (absent optional field: undefined). */
export type HeaderResolution<K extends string> = Readonly<Record<K, string | undefined>>;


/** @throws PipelineError (line 1) naming the missing fields and their accepted names. */
export function resolveHeader<K extends string>(file: CsvFile, variants: FieldVariants<K>): HeaderResolution<K> {
  const byFolded = new Map(file.header.map((h) => [foldText(h), h]));
  const resolution = {} as Record<K, string | undefined>;
  const missing: string[] = [];
  for (const key of Object.keys(variants) as K[]) {
    const { names, required } = variants[key];
    const found = names.map((n) => byFolded.get(foldText(n))).find((h) => h !== undefined);
    resolution[key] = found;
    if (found === undefined && required) missing.push(names.join(' or '));
  }
  if (missing.length > 0) {
    throw new PipelineError({ file: file.file, line: 1, field: missing.join(', ') }, `missing required column${missing.length > 1 ? 's' : ''} (header has: ${file.header.slice(0, 12).join(', ')}${file.header.length > 12 ? ', …' : ''})`);
  }
  return resolution;
}

/** The row's cells under their canonical names ('' for an optional field the file lacks). */
export function canonicalValues<K extends string>(row: CsvRow, resolution: HeaderResolution<K>): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const key of Object.keys(resolution) as K[]) {
    const column = resolution[key];
    values[key] = column === undefined ? '' : (row.values[column] ?? '');
  }
  return values;
}
