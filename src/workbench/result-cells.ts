import { DataType, type Table, Type } from 'apache-arrow';
import type { CsvCell } from '../export/csv-fr.ts';

/** A column of a console result: its name as DuckDB gives it, and whether it holds numbers. */
export interface ResultColumn {
  name: string;
  numeric: boolean;
}

/** A cell as JavaScript holds it once out of Arrow: text, number, boolean, nothing, or a nested value as JSON text. */
export type ResultValue = string | number | boolean | null;

const NUMERIC_TYPE_IDS: ReadonlySet<Type> = new Set([Type.Int, Type.Float, Type.Decimal]);

export function resultColumns(table: Table): ResultColumn[] {
  return table.schema.fields.map((f) => ({ name: f.name, numeric: NUMERIC_TYPE_IDS.has(f.typeId) }));
}

function plain(value: unknown): ResultValue {
  if (value === null || value === undefined) return null;
  // Beyond 2^53 a number would round: the digits as text instead (hash(), UBIGINT).
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  // Lists, structs, maps: their JSON (counts inside are BigInt).
  const json = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  return JSON.stringify(json, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/** A decimal as apache-arrow gives it (its unscaled integer) as a number: `DECIMAL(6,2)` 12.35 comes as 1235. */
const decimal = (scale: number) => (value: unknown) => (value === null || value === undefined ? null : Number(String(value)) / 10 ** scale);

/** A DATE or TIMESTAMP, which apache-arrow gives as milliseconds since 1970: ISO 8601 text (a date alone for a DATE), not a count of milliseconds. */
const instant = (dateOnly: boolean) => (value: unknown) => {
  if (value === null || value === undefined) return null;
  const iso = (value instanceof Date ? value : new Date(Number(value))).toISOString();
  return dateOnly ? iso.slice(0, 10) : iso;
};

/** The rows of a result as plain values, column by column in the schema's order. */
export function resultRows(table: Table): ResultValue[][] {
  const columns = table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i);
    const convert = DataType.isDecimal(field.type) ? decimal(field.type.scale) : DataType.isDate(field.type) || DataType.isTimestamp(field.type) ? instant(DataType.isDate(field.type)) : plain;
    return (row: number) => convert(vector?.get(row));
  });
  return Array.from({ length: table.numRows }, (_, row) => columns.map((get) => get(row)));
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6, useGrouping: false });

/** A cell on screen: numbers with a decimal comma and no grouping (codes and years stay readable), nothing as an empty cell. */
export function cellText(value: ResultValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? number.format(value) : String(value);
  if (typeof value === 'boolean') return value ? 'vrai' : 'faux';
  return value;
}

/** A cell in the French CSV (csv-fr.ts writes numbers with a decimal comma, text protected from Excel formulas). */
export function csvValue(value: ResultValue): CsvCell {
  return typeof value === 'boolean' ? cellText(value) : value;
}
