import { z } from 'zod';
import { type VocabularyEntry, vocabularyId, vocabularyKey } from './vocabulary.ts';

/**
 * zod schemas of one cell of a template filled by people (CSV, XLSX, a form): every cell
 * arrives as text or nothing, is trimmed, and comes out normalised. Messages are French (the
 * app shows them to the people who filled the file); the caller prefixes the column.
 */

/** Separator of the cells that hold several values (`famille|école`). */
export const MULTI_VALUE_SEPARATOR = '|';

const raw = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string({ error: 'texte attendu' }).optional());

/** The cell as trimmed text, `''` when absent. */
const trimmed = raw.transform((v) => (v ?? '').trim());

export const optionalTextCell = (max = 2000) =>
  trimmed.pipe(z.string().max(max, `texte trop long (${max} caractères au plus)`)).transform((v) => (v === '' ? null : v));

export const requiredTextCell = (max = 2000) =>
  trimmed.pipe(z.string().min(1, 'valeur obligatoire').max(max, `texte trop long (${max} caractères au plus)`));

/** The values of a multi-valued cell, trimmed, empty ones dropped, duplicates dropped. */
export function splitCell(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(MULTI_VALUE_SEPARATOR)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

export const textListCell = () => trimmed.transform(splitCell);

/**
 * A multi-valued cell of a closed vocabulary: each value, whatever its case or accents, becomes
 * its id; the ids come out in the vocabulary's order. An unknown value is an error listing the
 * accepted labels.
 */
export function vocabularyListCell<Id extends string>(list: readonly VocabularyEntry<Id>[], options: { required?: boolean } = {}) {
  const expected = list.map((e) => e.label).join(', ');
  return trimmed.transform((cell, ctx) => {
    const values = splitCell(cell);
    if (values.length === 0 && options.required) {
      ctx.issues.push({ code: 'custom', message: `valeur obligatoire (une ou plusieurs parmi : ${expected}, séparées par ${MULTI_VALUE_SEPARATOR})`, input: cell });
      return z.NEVER;
    }
    const ids = new Set<Id>();
    for (const value of values) {
      const id = vocabularyId(list, value);
      if (id === undefined) {
        ctx.issues.push({ code: 'custom', message: `valeur inconnue « ${value} » (attendu : ${expected})`, input: cell });
        return z.NEVER;
      }
      ids.add(id);
    }
    return list.filter((e) => ids.has(e.id)).map((e) => e.id);
  });
}

/** INSEE commune code: 5 characters, Corsica `2A`/`2B`; a code that lost its leading zero gets it back. */
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
/** Département: 2 digits, `2A`/`2B`, or 3 digits overseas (971–976). */
export const DEPARTEMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;
/** QPV code: `QP` + 6 digits (2015 generation) or `QN` + 5 digits + a character (2024). */
export const QPV_CODE = /^(QP\d{6}|QN\d{5}[0-9A-Z])$/;

export function normaliseCommuneCode(code: string): string {
  const upper = code.trim().toUpperCase();
  return /^\d{4}$/.test(upper) ? `0${upper}` : upper;
}

/** The département of an INSEE commune code (3 characters overseas). */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/** A multi-valued cell of codes: each normalised by `normalise`, then checked against `pattern`. */
export function codeListCell(pattern: RegExp, normalise: (code: string) => string, expected: string) {
  return trimmed.transform((cell, ctx) => {
    const codes = splitCell(cell).map(normalise);
    const bad = codes.find((c) => !pattern.test(c));
    if (bad !== undefined) {
      ctx.issues.push({ code: 'custom', message: `code invalide « ${bad} » : ${expected}`, input: cell });
      return z.NEVER;
    }
    return [...new Set(codes)];
  });
}

export const communeCodesCell = () => codeListCell(COMMUNE_CODE, normaliseCommuneCode, '5 caractères attendus (ex. 33063, 01053, 2A004)');
export const qpvCodesCell = () => codeListCell(QPV_CODE, (c) => c.toUpperCase(), 'QP + 6 chiffres (2015) ou QN + 5 chiffres + 1 caractère (2024) attendus');

export const departementCell = () =>
  trimmed.transform((cell, ctx) => {
    if (cell === '') return null;
    const code = /^\d$/.test(cell) ? `0${cell}` : cell.toUpperCase();
    if (!DEPARTEMENT_CODE.test(code)) {
      ctx.issues.push({ code: 'custom', message: `code de département invalide « ${cell} » (ex. 33, 2A, 974)`, input: cell });
      return z.NEVER;
    }
    return code;
  });

/** A year (whole number 1900–2100), or null for an empty cell. */
export const yearCell = () =>
  trimmed.transform((cell, ctx) => {
    if (cell === '') return null;
    if (!/^\d{4}$/.test(cell) || Number(cell) < 1900 || Number(cell) > 2100) {
      ctx.issues.push({ code: 'custom', message: `année invalide « ${cell} » (4 chiffres attendus, ex. 2024)`, input: cell });
      return z.NEVER;
    }
    return Number(cell);
  });

/** A problem with one cell of a template row. */
export interface TemplateIssue {
  column: string;
  /** The cell as it was given. */
  value: string | undefined;
  message: string;
}

export type TemplateValidation<T> = { ok: true; value: T } | { ok: false; issues: TemplateIssue[] };

/** One record (cells keyed by column) through a template schema: the normalised row, or its issues by column. */
export function validateTemplateRecord<S extends z.ZodType>(schema: S, record: Readonly<Record<string, string | undefined>>): TemplateValidation<z.output<S>> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const column = String(i.path[0] ?? '');
      return { column, value: record[column], message: i.message };
    }),
  };
}

export function formatTemplateIssue(issue: TemplateIssue): string {
  return `${issue.column} : ${issue.message}`;
}

export interface TemplateHeader<Column extends string> {
  /** Template column → the file's column name holding it. */
  columns: Map<Column, string>;
  missingRequired: Column[];
  /** Columns of the file the template does not know (ignored), or repeated. */
  unknown: string[];
}

/** Matches a file's header to a template's columns, forgiving case, accents and `_`/space. */
export function readTemplateHeader<Column extends string>(templateColumns: readonly Column[], required: readonly Column[], header: readonly string[]): TemplateHeader<Column> {
  const byKey = new Map(templateColumns.map((c) => [vocabularyKey(c), c]));
  const columns = new Map<Column, string>();
  const unknown: string[] = [];
  for (const name of header) {
    const column = byKey.get(vocabularyKey(name));
    if (column === undefined || columns.has(column)) unknown.push(name);
    else columns.set(column, name);
  }
  return { columns, missingRequired: required.filter((c) => !columns.has(c)), unknown };
}

/** A file row (values keyed by the file's column names) as a record keyed by template column. */
export function toTemplateRecord<Column extends string>(header: TemplateHeader<Column>, values: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries([...header.columns].map(([column, name]) => [column, values[name]]));
}
