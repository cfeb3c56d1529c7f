import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, Utf8, vectorFromArray, tableToIPC, type DataType } from 'apache-arrow';
import type { ColumnType, TableLayout } from '../src/domain/table-layouts.ts';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  utf8: () => new Utf8(),
  float64: () => new Float64(),
  int32: () => new Int32(),
};

/**
 * Rows → Arrow IPC *stream* bytes with exactly the layout's columns and types (the format
 * DuckDB-WASM's `insertArrowFromIPCStream` reads). Rows must already be in published order.
 */
export function rowsToArrowIpc(layout: TableLayout, rows: readonly Record<string, unknown>[]): Uint8Array {
  const fields = layout.columns.map((c) => new Field(c.name, ARROW_TYPES[c.type](), c.nullable));
  // Zero-length vectors make `new Table(schema, vectors)` throw (its batch schema loses the
  // fields): an empty table is written as one explicit empty record batch, which readers
  // (DuckDB's insertArrowFromIPCStream included) load as a table with its columns and no row.
  if (rows.length === 0) {
    const children = fields.map((f) => makeData({ type: f.type, length: 0 }));
    const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: 0, nullCount: 0, children }));
    return tableToIPC(new Table([batch]), 'stream');
  }
  const vectors = Object.fromEntries(
    layout.columns.map((c, i) => {
      const values = rows.map((row, r) => {
        const value = row[c.name] ?? null;
        if (value === null && !c.nullable) throw new Error(`${layout.name} row ${r}: column ${c.name} is null`);
        return value;
      });
      return [c.name, vectorFromArray(values, fields[i]!.type)];
    }),
  );
  const table = new Table(new Schema(fields), vectors);
  return tableToIPC(table, 'stream');
}
