import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openNodeConnection } from '../../data-pipeline/duckdb-node.ts';
import { toCsvFr } from '../../src/export/csv-fr.ts';
import { cellText, csvValue, resultColumns, resultRows } from '../../src/workbench/result-cells.ts';

// A console result out of Arrow, as the real engine returns it: on screen and in the French CSV.

describe('console result cells', () => {
  it('numbers, text, booleans, dates, lists and nothing', async () => {
    const conn = await openNodeConnection({ castBigIntToDouble: false });
    const table = conn.query(`SELECT 42::BIGINT AS n, 2.5::DOUBLE AS x, 'Nîmes' AS t, true AS b, NULL::VARCHAR AS vide,
      DATE '2024-09-01' AS d, [1, 2]::BIGINT[] AS l, {'a': 1} AS s, 12.35::DECIMAL(6, 2) AS dec`) as Table;
    conn.close();
    expect(resultColumns(table)).toEqual([
      { name: 'n', numeric: true },
      { name: 'x', numeric: true },
      { name: 't', numeric: false },
      { name: 'b', numeric: false },
      { name: 'vide', numeric: false },
      { name: 'd', numeric: false },
      { name: 'l', numeric: false },
      { name: 's', numeric: false },
      { name: 'dec', numeric: true },
    ]);
    const [row] = resultRows(table);
    expect(row!.slice(0, 5)).toEqual([42, 2.5, 'Nîmes', true, null]);
    expect(row![5]).toBe('2024-09-01');
    expect(row![6]).toBe('[1,2]');
    expect(row![7]).toBe('{"a":1}');
    expect(row![8]).toBe(12.35);
    expect(row!.map(cellText).slice(0, 5)).toEqual(['42', '2,5', 'Nîmes', 'vrai', '']);
    // Years and codes are not grouped by thousands on screen.
    expect(cellText(2024)).toBe('2024');
    const csv = toCsvFr({ header: ['n', 'x', 't', 'b', 'vide'], rows: [row!.slice(0, 5).map(csvValue)], sources: [], exportedAt: new Date('2026-12-07T12:00:00Z') });
    expect(csv.split('\r\n')[1]).toBe('42;2,5;Nîmes;vrai;');
  }, 60_000);
});
