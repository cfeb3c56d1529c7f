import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Table } from 'apache-arrow';
import { openNodeConnection } from '../../data-pipeline/duckdb-node.ts';
import { LOCK_STATEMENTS, type WorkbenchEngine } from '../../src/workbench/read-only-run.ts';
import { PUBLISHED_DIR, readManifest } from './published-data.ts';

/**
 * The SQL console's database as the browser builds it (src/workbench/workbench-db.ts), in
 * DuckDB-WASM's Node build: every published table of `dir` loaded from its Arrow file, then
 * locked with the console's own statements. `raw` runs SQL past the console's checks, to see
 * what the lock alone refuses and that the tables are intact.
 */
export async function openNodeWorkbench(dir = PUBLISHED_DIR): Promise<{ engine: WorkbenchEngine; tables: string[]; raw(sql: string): Table }> {
  const conn = await openNodeConnection({ castBigIntToDouble: false });
  const tables = (await readManifest(dir)).tables;
  for (const table of tables) conn.insertArrowFromIPCStream(await readFile(path.join(dir, table.file)), { name: table.name, create: true });
  for (const statement of LOCK_STATEMENTS) conn.query(statement);
  const engine: WorkbenchEngine = {
    runPrepared: async (sql) => {
      const prepared = conn.prepare(sql);
      try {
        return prepared.query() as Table;
      } finally {
        prepared.close();
      }
    },
    tableNames: async (sql) => conn.getTableNames(sql),
    close: async () => conn.close(),
  };
  return { engine, tables: tables.map((t) => t.name), raw: (sql) => conn.query(sql) as Table };
}
