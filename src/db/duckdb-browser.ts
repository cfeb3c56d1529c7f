import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Table } from 'apache-arrow';
import type { Connector } from '../domain/connector.ts';
import { sqlIdent } from '../domain/sql.ts';

/**
 * DuckDB-WASM behind the `Connector` door. The wasm and worker files are served by our own
 * origin (Vite `?url`), never a CDN. Only the exception-handling build is shipped: every
 * browser we target (Chromium, Firefox, Safari ≥ 15.2) supports wasm exceptions.
 */
export async function createBrowserConnector(): Promise<Connector> {
  const worker = new Worker(ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasmUrl);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  // Extensions would be fetched from the internet: the app uses core features only.
  await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');

  return {
    query: (sql: string): Promise<Table> => conn.query(sql) as Promise<Table>,
    exec: async (sql: string) => {
      await conn.query(sql);
    },
    loadArrow: async (name: string, ipc: Uint8Array) => {
      await conn.query(`DROP TABLE IF EXISTS ${sqlIdent(name)}`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    close: async () => {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
