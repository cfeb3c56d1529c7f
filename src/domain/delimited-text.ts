/**
 * Delimited text as people and open-data portals save it (`;` or `,`, UTF-8 with or without
 * BOM, or Windows-1252): decoding and delimiter detection shared by the pipeline's CSV reader
 * and the app's import, and the table shape a template file is read into (CSV or XLSX).
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t' | '|';

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t', '|'];

export function decodeText(bytes: Uint8Array, encoding: CsvEncoding | 'auto'): { text: string; encoding: CsvEncoding } {
  if (encoding === 'windows-1252') return { text: new TextDecoder('windows-1252').decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch (cause) {
    if (encoding === 'utf-8') throw cause;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The candidate that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of headerLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** One row of a template file: its 1-based line (as the file's editor numbers it) and cells by header name. */
export interface SheetRow {
  line: number;
  values: Record<string, string>;
}

/** A template file read as a table: header, rows, and rows left out with why (French). */
export interface Sheet {
  header: string[];
  rows: SheetRow[];
  rejected: { line: number; reason: string }[];
}

/** A file that cannot be read as a table at all; `line` when the problem has one. */
export class SheetError extends Error {
  override readonly name = 'SheetError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The header's names, trimmed; a repeated or empty name is an error (cells are keyed by name). */
export function checkSheetHeader(names: readonly string[]): string[] {
  const header = names.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') throw new SheetError(`colonne ${i + 1} sans nom dans l’en-tête`, 1);
    if (seen.has(h)) throw new SheetError(`colonne « ${h} » en double dans l’en-tête`, 1);
    seen.add(h);
  });
  return header;
}
