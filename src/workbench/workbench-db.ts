import type { Table } from 'apache-arrow';
import { fetchTableBytesCopy, loadManifest } from '../data/published-data.ts';
import { userMessage } from '../data/user-message.ts';
import { tableRows } from '../domain/connector.ts';
import { sqlIdent } from '../domain/sql.ts';
import { buildTableCountsQuery } from '../queries/table-counts-query.ts';
import { startBrowserDuckDB } from '../db/duckdb-browser.ts';
import { LOCK_STATEMENTS, type WorkbenchEngine } from './read-only-run.ts';

/** The console's database once started: its door, and the published tables it holds. */
export interface WorkbenchDatabase {
  engine: WorkbenchEngine;
  tables: string[];
  /** Tables of the manifest it could not load, with why (French). */
  missing: { table: string; message: string }[];
}

/**
 * The SQL console's own DuckDB-WASM, in a worker of its own: never the app's database, so
 * that nothing the console runs can change what the app shows. It holds the published tables
 * only (the Arrow files, fetched again and checked against the manifest): no
 * derived table, no action imported in this browser. Once they are in, its configuration is
 * locked (LOCK_STATEMENTS): no file, URL or extension, no setting changed.
 */
export async function openWorkbenchDatabase(): Promise<WorkbenchDatabase> {
  const [{ db, conn, worker }, manifest] = await Promise.all([startBrowserDuckDB({ castBigIntToDouble: false }), loadManifest()]);
  const tables: string[] = [];
  const missing: WorkbenchDatabase['missing'] = [];
  for (const { name } of manifest.tables) {
    try {
      await conn.insertArrowFromIPCStream(await fetchTableBytesCopy(name), { name, create: true });
      tables.push(name);
    } catch (error) {
      // The app names the file at fault (published-data.ts); the console lists the table as missing.
      missing.push({ table: name, message: userMessage(error, `SQL console: loading table "${name}"`) });
    }
  }
  // Each table as the manifest counts it, or left out: the console never answers from a partial table.
  if (tables.length > 0) {
    const counts = tableRows(await conn.query(buildTableCountsQuery(tables)));
    for (const { table_name, row_count } of counts) {
      const expected = manifest.tables.find((t) => t.name === table_name)?.rows;
      if (row_count === expected) continue;
      await conn.query(`DROP TABLE ${sqlIdent(String(table_name))}`);
      tables.splice(tables.indexOf(String(table_name)), 1);
      missing.push({ table: String(table_name), message: `${String(row_count)} lignes chargées, le manifeste en annonce ${String(expected)}` });
    }
  }
  for (const statement of LOCK_STATEMENTS) await conn.query(statement);
  const engine: WorkbenchEngine = {
    runPrepared: async (sql) => {
      const prepared = await conn.prepare(sql);
      try {
        return (await prepared.query()) as Table;
      } finally {
        await prepared.close();
      }
    },
    tableNames: (sql) => conn.getTableNames(sql),
    // The worker ended, whatever it is running: a connection's close would wait for the query.
    close: async () => {
      await db.terminate();
      worker.terminate();
    },
  };
  return { engine, tables, missing };
}
