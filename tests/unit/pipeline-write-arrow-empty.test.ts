import { DataType, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsToArrowIpc } from '../../data-pipeline/write-arrow.ts';
import { PRE_LAYOUT, TABLE_LAYOUTS } from '../../src/domain/table-layouts.ts';

// A registry staff fill may be empty: zero rows must still give a stream with the layout's
// schema (apache-arrow's `new Table(schema, vectors)` throws on zero-length vectors).
describe('rowsToArrowIpc with no row', () => {
  it('writes a readable stream with the layout’s columns, types and nullability, and no row', () => {
    const table = tableFromIPC(rowsToArrowIpc(PRE_LAYOUT, []));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => [f.name, f.nullable])).toEqual(PRE_LAYOUT.columns.map((c) => [c.name, c.nullable]));
    const types = table.schema.fields.map((f) => (DataType.isUtf8(f.type) ? 'utf8' : DataType.isFloat(f.type) ? 'float64' : DataType.isInt(f.type) ? 'int32' : '?'));
    expect(types).toEqual(PRE_LAYOUT.columns.map((c) => c.type));
  });

  it('works for every published layout', () => {
    for (const layout of TABLE_LAYOUTS) expect(tableFromIPC(rowsToArrowIpc(layout, [])).numCols).toBe(layout.columns.length);
  });

  it('still writes rows as before once there is one', () => {
    const row = { nom: 'PRE de Grenoble', porteur: null, perimetre: 'commune', communes: '38185', communes_noms: 'Grenoble', departement_code: '38', source: 's', source_id: 'pre', lon: 5.7, lat: 45.2 };
    expect(tableFromIPC(rowsToArrowIpc(PRE_LAYOUT, [row])).toArray().map((r) => r.toJSON())).toEqual([row]);
  });
});
