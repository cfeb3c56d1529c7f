import { SheetError, type SheetRow } from './delimited-text.ts';
import { formatValue } from './format-fr.ts';

/**
 * The limits of a file of the actions template, declared once: the app's import and the
 * pipeline's reading of the actions source check the same ones, with the same French message
 * naming the limit. Each says why it is there. Documented in `docs/actions-template.md`.
 */
export const IMPORT_LIMITS = {
  fileBytes: {
    max: 30 * 1024 * 1024,
    reason: 'the committed actions weigh about 1 KB a row, so 20,000 rows about 20 MB; the file is read whole in memory, so a bigger one is refused before it is read',
  },
  rows: {
    max: 20_000,
    reason: 'many times the actions of every Cité éducative; the browser keeps every row and checks it again on each start',
  },
  cellChars: {
    max: 10_000,
    reason: 'twice the longest column of the template (resume, 5,000 characters): longer is a broken quote or a pasted document',
  },
  xlsxEntries: {
    max: 1_000,
    reason: 'a workbook of the template holds about ten parts; thousands are a crafted archive',
  },
  xlsxInflatedBytes: {
    max: 100 * 1024 * 1024,
    reason: 'a workbook is inflated in memory: a small file that inflates to gigabytes (a zip bomb) would stop the tab or the pipeline',
  },
} as const satisfies Record<string, { max: number; reason: string }>;

export type ImportLimitName = keyof typeof IMPORT_LIMITS;
export type ImportLimits = { readonly [K in ImportLimitName]: { readonly max: number; readonly reason: string } };

/** A file over one of the limits: refused whole, with a French sentence naming the limit. */
export class ImportLimitError extends SheetError {
  constructor(
    readonly limit: ImportLimitName,
    message: string,
    line?: number,
    /** Column of the cell at fault, when the limit is a cell's. */
    readonly column?: string,
  ) {
    super(message, line);
  }
}

export const formatCountFr = (n: number) => formatValue(n, '');
export const formatMegabytes = (bytes: number) => `${formatValue(bytes / (1024 * 1024), '')} Mo`;

/** The file's size, checked before it is read or parsed. */
export function checkFileSize(bytes: number, limits: ImportLimits = IMPORT_LIMITS): void {
  const { max } = limits.fileBytes;
  if (bytes > max) throw new ImportLimitError('fileBytes', `Le fichier dépasse ${formatMegabytes(max)} (${formatCountFr(bytes)} octets ; limite : ${formatMegabytes(max)})`);
}

/**
 * Control characters a cell of the template never holds (tab and line breaks are text): a NUL
 * byte would end the SQL text the import is written with, the others are a binary file read as text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A file's rows (counting those rejected), the length of every cell, and no control character in any. */
export function checkSheetLimits(rows: readonly SheetRow[], rejected: number, limits: ImportLimits = IMPORT_LIMITS): void {
  const count = rows.length + rejected;
  const maxRows = limits.rows.max;
  if (count > maxRows) throw new ImportLimitError('rows', `Le fichier dépasse ${formatCountFr(maxRows)} lignes (${formatCountFr(count)} lignes d’actions ; limite : ${formatCountFr(maxRows)})`);
  const maxChars = limits.cellChars.max;
  for (const { line, values } of rows) {
    for (const [column, value] of Object.entries(values)) {
      const control = CONTROL_CHARACTER.exec(value);
      if (control !== null) {
        const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        throw new SheetError(`Ligne ${line}, colonne « ${column} » : caractère de contrôle ${code} non accepté`, line);
      }
      if (value.length > maxChars) {
        throw new ImportLimitError('cellChars', `Ligne ${line}, colonne « ${column} » : la cellule dépasse ${formatCountFr(maxChars)} caractères (${formatCountFr(value.length)} ; limite : ${formatCountFr(maxChars)})`, line, column);
      }
    }
  }
}
