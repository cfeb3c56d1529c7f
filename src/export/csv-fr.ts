import { formatDateFr } from '../domain/format-fr.ts';
import { hiddenLabel, type Shown } from '../domain/secret-statistique.ts';

/**
 * CSV that French Excel opens as it is, with a double click: UTF-8 with a byte-order mark
 * (without it Excel reads Windows-1252 and garbles « é »), `;` between cells (the comma is
 * the decimal separator), decimal comma, dates `JJ/MM/AAAA`, CRLF line ends. After the table,
 * a blank line, the sources line and the export line: every export carries its sources.
 * Pure: the same input gives the same bytes.
 */

/** A cell: text, a number (decimal comma), a date, or nothing. */
export type CsvCell = string | number | Date | null | undefined;

/** Where figures come from, as the manifest describes a source. */
export interface ExportSource {
  publisher: string;
  millesime: string;
  licence: string;
}

export interface CsvDocument {
  /** French column headings. */
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  sources: readonly ExportSource[];
  /** Day of the export, written `JJ/MM/AAAA` on the last line. */
  exportedAt: Date;
  /** A note added to the export line (secret statistique, filters…). */
  note?: string;
}

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/** Plain decimal with a comma, at most 6 decimals, no thousands separator (Excel parses it as a number). */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return (Object.is(rounded, -0) ? 0 : rounded).toString().replace('.', ',');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * One cell as CSV text. Dates (and ISO `AAAA-MM-JJ` strings) become `JJ/MM/AAAA`. Text that
 * Excel would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an
 * apostrophe: names from open data must never execute. Cells holding `;`, quotes or line
 * breaks are quoted, quotes doubled.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell);
  if (cell instanceof Date) return formatDateFr(cell);
  const iso = ISO_DATE.exec(cell);
  let text = iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : cell;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value through the secret statistique: the number, `< 11` (or `masqué`) or `n.d.`. */
export function shownCsvCell(shown: Shown, threshold?: number): CsvCell {
  return shown.status === 'ok' ? shown.value : (hiddenLabel(shown, threshold) ?? 'n.d.');
}

/**
 * One entry per publisher and licence, in the order of their first source, with its distinct
 * millésimes: `publisher, millésime m (licence)`, `…, millésimes a, b (…)`.
 */
export function sourceEntries(sources: readonly ExportSource[]): string[] {
  const groups = new Map<string, { publisher: string; licence: string; millesimes: string[] }>();
  for (const s of sources) {
    const key = `${s.publisher}\u0000${s.licence}`;
    const group = groups.get(key) ?? { publisher: s.publisher, licence: s.licence, millesimes: [] };
    if (!group.millesimes.includes(s.millesime)) group.millesimes.push(s.millesime);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => `${g.publisher}, millésime${g.millesimes.length > 1 ? 's' : ''} ${g.millesimes.join(', ')} (${g.licence})`);
}

/** `Sources : ` and the `sourceEntries`, or `non renseignées`. */
export function sourcesLine(sources: readonly ExportSource[]): string {
  const entries = sourceEntries(sources);
  return `Sources : ${entries.length > 0 ? entries.join(' · ') : 'non renseignées'}`;
}

/** The whole file as a string starting with the BOM. */
export function toCsvFr(doc: CsvDocument): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(SEPARATOR);
  const exported = `Exporté le ${formatDateFr(doc.exportedAt)} depuis l’Observatoire de la réussite éducative${doc.note ? ` · ${doc.note}` : ''}`;
  const lines = [line(doc.header), ...doc.rows.map(line), '', line([sourcesLine(doc.sources)]), line([exported])];
  return CSV_BOM + lines.join(EOL) + EOL;
}
