import type { Table } from 'apache-arrow';
import { loadManifest, loadTableBytes } from '../data/published-data.ts';
import { userMessage } from '../data/user-message.ts';
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
 * only (the Arrow files checked against the manifest, the bytes the app already fetched): no
 * derived table, no action imported in this browser. Once they are in, its configuration is
 * locked (LOCK_STATEMENTS): no file, URL or extension, no setting changed.
 */
export async function openWorkbenchDatabase(): Promise<WorkbenchDatabase> {
  const [{ db, conn, worker }, manifest] = await Promise.all([startBrowserDuckDB(), loadManifest()]);
  const tables: string[] = [];
  const missing: WorkbenchDatabase['missing'] = [];
  for (const { name } of manifest.tables) {
    try {
      await conn.insertArrowFromIPCStream(await loadTableBytes(name), { name, create: true });
      tables.push(name);
    } catch (error) {
      // The app names the file at fault (published-data.ts); the console lists the table as missing.
      missing.push({ table: name, message: userMessage(error, `SQL console: loading table "${name}"`) });
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
    close: async () => {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
  return { engine, tables, missing };
}
