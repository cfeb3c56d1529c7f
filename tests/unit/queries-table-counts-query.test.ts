import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sqlIdent } from '../../src/domain/sql.ts';
import { buildTableCountsQuery } from '../../src/queries/table-counts-query.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

// Executed against the committed public/data/*.arrow, compared with their manifest.
let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
  db = await connectToPublishedData();
  manifest = await readManifest();
});
afterAll(() => db.close());

const rowsOf = async (tables: readonly string[]) => tableRows(await db.query(buildTableCountsQuery(tables)));

describe('buildTableCountsQuery', () => {
  it('counts each published table as many rows as the manifest says', async () => {
    const names = manifest.tables.map((t) => t.name);
    const rows = await rowsOf(names);
    expect(rows.map((r) => [r.table_name, r.row_count])).toEqual(manifest.tables.map((t) => [t.name, t.rows]));
  });

  it('gives the known counts: 35,937 territoires (431 of them contrats de ville) and 111 QPV', async () => {
    expect(await rowsOf(['territoires', 'qpv'])).toEqual([
      { table_name: 'territoires', row_count: 35937, ord: 0 },
      { table_name: 'qpv', row_count: 111, ord: 1 },
    ]);
  });

  it('keeps the order given, not alphabetical order', async () => {
    expect((await rowsOf(['qpv', 'territoires'])).map((r) => r.table_name)).toEqual(['qpv', 'territoires']);
  });

  it('returns the count as a 32-bit integer column', async () => {
    const table = await db.query(buildTableCountsQuery(['qpv']));
    const field = table.schema.fields.find((f) => f.name === 'row_count');
    expect(String(field?.type)).toBe('Int32');
  });

  it('counts an empty table as 0', async () => {
    await db.exec('CREATE TABLE empty_fixture (x INTEGER)');
    expect(await rowsOf(['empty_fixture'])).toEqual([{ table_name: 'empty_fixture', row_count: 0, ord: 0 }]);
  });

  it('quotes table names that hold quotes and spaces', async () => {
    const name = `l'année "2024"`;
    await db.exec(`CREATE TABLE ${sqlIdent(name)} AS SELECT * FROM range(3)`);
    expect(await rowsOf([name, 'qpv'])).toEqual([
      { table_name: name, row_count: 3, ord: 0 },
      { table_name: 'qpv', row_count: 111, ord: 1 },
    ]);
  });

  it('fails in DuckDB, naming the table, when a table does not exist', async () => {
    await expect(db.query(buildTableCountsQuery(['qpv', 'absent_table']))).rejects.toThrow(/absent_table/);
  });

  it('refuses an empty list rather than building invalid SQL', () => {
    expect(() => buildTableCountsQuery([])).toThrow(RangeError);
  });
});
