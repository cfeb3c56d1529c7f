import { DataType, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsToArrowIpc } from '../../data-pipeline/write-arrow.ts';
import { QPV_LAYOUT, type TableLayout, TERRITOIRES_LAYOUT } from '../../src/domain/table-layouts.ts';

// A small layout with every column type, nullable and not; `name` is a TableName only
// because the type demands one.
const LAYOUT: TableLayout = {
  name: 'qpv',
  description: 'fixture',
  key: ['code'],
  columns: [
    { name: 'code', type: 'utf8', nullable: false, description: '' },
    { name: 'rang', type: 'int32', nullable: false, description: '' },
    { name: 'lon', type: 'float64', nullable: false, description: '' },
    { name: 'note', type: 'utf8', nullable: true, description: '' },
  ],
};

const ROWS = [
  { code: 'QP066007', rang: 1, lon: 2.9005, note: "L'Isle-Jourdain — « Cité »" },
  { code: 'QP035004', rang: -2, lon: -1.661646676502716, note: null },
  { code: 'QP034001', rang: 2147483647, lon: 0, extra: 'ignored' },
];

describe('rowsToArrowIpc', () => {
  it('round-trips through apache-arrow tableFromIPC: columns, order, values', () => {
    const table = tableFromIPC(rowsToArrowIpc(LAYOUT, ROWS));
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['code', 'rang', 'lon', 'note']);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      { code: 'QP066007', rang: 1, lon: 2.9005, note: "L'Isle-Jourdain — « Cité »" },
      { code: 'QP035004', rang: -2, lon: -1.661646676502716, note: null },
      { code: 'QP034001', rang: 2147483647, lon: 0, note: null },
    ]);
  });

  it('writes the declared types and nullability, not inferred ones', () => {
    const fields = tableFromIPC(rowsToArrowIpc(LAYOUT, ROWS)).schema.fields;
    expect(fields.map((f) => [DataType.isUtf8(f.type), DataType.isInt(f.type), DataType.isFloat(f.type)])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
      [true, false, false],
    ]);
    expect(fields.map((f) => f.nullable)).toEqual([false, false, false, true]);
  });

  it('writes an IPC stream (what insertArrowFromIPCStream reads), not an IPC file', () => {
    const bytes = rowsToArrowIpc(LAYOUT, ROWS);
    // The file format starts with the magic "ARROW1"; a stream starts with a continuation marker.
    expect(Buffer.from(bytes.subarray(0, 6)).toString('latin1')).not.toBe('ARROW1');
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xff, 0xff, 0xff]);
  });

  it('throws naming the table, the row and the column when a non-nullable value is null', () => {
    const rows = [ROWS[0]!, { ...ROWS[1]!, code: null }];
    expect(() => rowsToArrowIpc(LAYOUT, rows)).toThrow('qpv row 1: column code is null');
  });

  it('treats a missing key like null', () => {
    const { lon: _lon, ...withoutLon } = ROWS[0]!;
    expect(() => rowsToArrowIpc(LAYOUT, [withoutLon])).toThrow('qpv row 0: column lon is null');
  });

  it('writes null in a nullable layout column (a région has no département)', () => {
    const region = { niveau: 'region', code: '76', nom: 'Occitanie', departement_code: null, region_code: '76', lon: 2.1, lat: 43.7, xmin: -0.33, ymin: 42.33, xmax: 4.85, ymax: 45.05, geometry: null };
    const table = tableFromIPC(rowsToArrowIpc(TERRITOIRES_LAYOUT, [region]));
    expect(table.schema.fields.map((f) => f.name)).toEqual(TERRITOIRES_LAYOUT.columns.map((c) => c.name));
    expect(table.get(0)?.toJSON()).toEqual(region);
  });

  it('gives the same bytes for the same rows (the published files are reproducible)', () => {
    expect(Buffer.from(rowsToArrowIpc(LAYOUT, ROWS)).equals(Buffer.from(rowsToArrowIpc(LAYOUT, ROWS)))).toBe(true);
  });

  it('writes a full QPV row with every QPV_LAYOUT column', () => {
    const row = {
      code: 'QP066007', nom: 'Bas-Vernet Nouveau QPV', generation: '2015', commune_code: '66136', commune_nom: 'Perpignan',
      communes_libelle: 'Perpignan', departement_code: '66', region_code: '76', source_id: 'qpv-occitanie-2015',
      lon: 2.89, lat: 42.705, xmin: 2.88, ymin: 42.70, xmax: 2.9, ymax: 42.71,
      geometry: '{"type":"Polygon","coordinates":[[[2.88,42.7],[2.9,42.7],[2.9,42.71],[2.88,42.7]]]}',
    };
    const table = tableFromIPC(rowsToArrowIpc(QPV_LAYOUT, [row]));
    expect(table.get(0)?.toJSON()).toEqual(row);
  });
});
