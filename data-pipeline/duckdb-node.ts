import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import type { Connector } from '../src/domain/connector.ts';
import { sqlIdent } from '../src/domain/sql.ts';

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));

/**
 * The Node side of the `Connector` door: the same DuckDB-WASM engine as the browser, in its
 * Node build, so the SQL and the Arrow loading path tested here are the ones the app runs.
 */
export async function createNodeConnector(): Promise<Connector> {
  const conn = await openNodeConnection();
  return {
    query: async (sql: string) => conn.query(sql) as unknown as Table,
    exec: async (sql: string) => {
      conn.query(sql);
    },
    loadArrow: async (name: string, ipc: Uint8Array) => {
      conn.query(`DROP TABLE IF EXISTS ${sqlIdent(name)}`);
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    close: async () => {
      conn.close();
    },
  };
}

/**
 * A connection to a new in-memory DuckDB-WASM (Node build), extensions never fetched: for the
 * `Connector` and the SQL console's tests. `castBigIntToDouble`: as the app's database (true) or
 * the console's (false, see workbench-db.ts).
 */
export async function openNodeConnection({ castBigIntToDouble = true } = {}): Promise<duckdb.DuckDBConnection> {
  const bundles = {
    mvp: { mainModule: path.join(DIST, 'duckdb-mvp.wasm'), mainWorker: path.join(DIST, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(DIST, 'duckdb-eh.wasm'), mainWorker: path.join(DIST, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return conn;
}
