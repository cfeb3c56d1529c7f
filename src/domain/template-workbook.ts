import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { checkSheetHeader, type Sheet, SheetError } from './delimited-text.ts';
import type { ImportLimits } from './import-limits.ts';
import { checkXlsxArchive } from './xlsx-archive-check.ts';

/**
 * A template as an Excel workbook (XLSX), read and written with exceljs, for the pipeline
 * (Node) and the browser alike. exceljs is loaded on first use (`import()`): the app keeps it
 * out of its first chunk. The first worksheet holds the template: header on row 1, one row per
 * record; rows are numbered as Excel numbers them, so errors point at what people see.
 */

type ExcelJs = typeof import('exceljs');

async function excelJs(): Promise<ExcelJs> {
  // Node gives the CommonJS module as `default`; the browser bundle gives it directly.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return mod.default ?? mod;
}

/** A cell as the text a person typed: numbers as written (`2024`, `1053`), dates as ISO days, formulas by their result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
  return '';
}

/**
 * The first worksheet of an XLSX file as a table (same shape as a CSV template file). With
 * `limits`, the archive is checked against them before exceljs inflates anything.
 */
export async function readWorkbookSheet(bytes: Uint8Array, limits?: ImportLimits): Promise<Sheet> {
  if (limits !== undefined) checkXlsxArchive(bytes, limits);
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Node Buffer; an ArrayBuffer is what it reads in both runtimes.
    await workbook.xlsx.load(bytes.slice().buffer as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (cause) {
    throw new SheetError(`classeur XLSX illisible (${(cause as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new SheetError('classeur sans feuille');
  return worksheetRows(sheet);
}

function worksheetRows(sheet: Worksheet): Sheet {
  const headerRow = sheet.getRow(1);
  const names: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) names.push(cellText(headerRow.getCell(c).value));
  while (names.length > 0 && names[names.length - 1]!.trim() === '') names.pop();
  if (names.length === 0) throw new SheetError(`feuille « ${sheet.name} » : en-tête attendu sur la ligne 1`, 1);
  const header = checkSheetHeader(names);
  const out: Sheet = { header, rows: [], rejected: [] };
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = Array.from({ length: Math.max(row.cellCount, header.length) }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((v) => v.trim() === '')) return;
    const beyond = cells.findIndex((v, i) => i >= header.length && v.trim() !== '');
    if (beyond !== -1) out.rejected.push({ line, reason: `valeur en colonne ${beyond + 1}, hors de l’en-tête (${header.length} colonnes)` });
    else out.rows.push({ line, values: Object.fromEntries(header.map((h, i) => [h, cells[i]!])) });
  });
  return out;
}

/** What a template workbook holds: its columns, rows of text cells, and a help sheet. */
export interface WorkbookSpec {
  /** Name of the first sheet (the template itself). */
  sheetName: string;
  columns: readonly string[];
  rows: readonly Readonly<Record<string, string>>[];
  /** Second sheet: one row per line of help (e.g. column, required, accepted values). */
  help: { name: string; header: readonly string[]; rows: readonly (readonly string[])[] };
}

/** An XLSX file from a spec. Every cell is written as text, so that `01053` keeps its zero. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same spec gives the same bytes' content, whatever the day.
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2), style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c, row[c] ?? ''])));
  const help = workbook.addWorksheet(spec.help.name);
  help.addRow([...spec.help.header]).font = { bold: true };
  for (const row of spec.help.rows) help.addRow([...row]);
  help.columns.forEach((column, i) => {
    column.width = i === 0 ? 18 : 60;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
