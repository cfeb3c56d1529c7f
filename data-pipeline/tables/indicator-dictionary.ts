import { z } from 'zod';
import { type Location, PipelineError, type RowIssue } from '../pipeline-error.ts';
import type { CsvFile } from '../read/read-csv.ts';
import type { SourceInput } from '../read/read-source.ts';

/**
 * A data dictionary published with an indicator file (`meta_qp.csv`: `colonne, description,
 * type_valeur, exemple`): what each column means, in the publisher's words.
 */
export interface DictionaryEntry {
  description: string;
  /** As published: `entier`, `nombre rationnel`, `chaîne de caractères`… */
  typeValeur: string | null;
  location: Location;
}

export interface Dictionary {
  /** Column name (lower case) → its entry; the first description wins. */
  entries: Map<string, DictionaryEntry>;
  rejected: RowIssue[];
  warnings: RowIssue[];
}

const REQUIRED = ['colonne', 'description'] as const;

// Descriptions are published with doubled spaces (« emploi précaire  parmi »): one is enough.
const text = z.string().transform((s) => s.replace(/[\s\u00A0]+/g, ' ').trim());

const DictionaryRowSchema = z.object({
  colonne: text.pipe(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a column name (letters, digits, _)')),
  description: text.pipe(z.string().min(1, 'empty description')),
  type_valeur: text.optional(),
});

/** Reads every dictionary file; a row that does not parse is rejected with its line. */
export function readDictionaries(files: readonly SourceInput<CsvFile>[]): Dictionary {
  const entries = new Map<string, DictionaryEntry>();
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  for (const { data: file } of files) {
    const columnOf = headerLookup(file);
    const missing = REQUIRED.filter((c) => !columnOf.has(c));
    if (missing.length > 0) {
      throw new PipelineError({ file: file.file, line: 1, field: missing.join(', ') }, `missing dictionary column${missing.length > 1 ? 's' : ''} (header has: ${file.header.join(', ')})`);
    }
    rejected.push(...file.rejected);
    for (const row of file.rows) {
      const values = Object.fromEntries([...columnOf].map(([lower, name]) => [lower, row.values[name]]));
      const parsed = DictionaryRowSchema.safeParse(values);
      const at = { file: file.file, line: row.line };
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        rejected.push({ location: { ...at, field, value: values[field] }, reason: issue.message });
        continue;
      }
      const { colonne, description, type_valeur } = parsed.data;
      const id = colonne.toLowerCase();
      const first = entries.get(id);
      if (first === undefined) {
        entries.set(id, { description, typeValeur: type_valeur || null, location: { ...at, field: 'colonne', value: colonne } });
      } else if (first.description !== description) {
        warnings.push({
          location: { ...at, field: 'description', value: description },
          reason: `column ${colonne} described twice; the first description (line ${first.location.line}) is kept`,
        });
      }
    }
  }
  return { entries, rejected, warnings };
}

/** Lower-cased header name → the name as the file spells it (INSEE writes `CODGEO`, others `codgeo`). */
export function headerLookup(file: CsvFile): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const name of file.header) {
    const other = lookup.get(name.toLowerCase());
    if (other !== undefined) throw new PipelineError({ file: file.file, line: 1, field: name }, `duplicate column in header (also spelt ${other})`);
    lookup.set(name.toLowerCase(), name);
  }
  return lookup;
}
