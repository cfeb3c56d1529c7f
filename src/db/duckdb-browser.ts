import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Table } from 'apache-arrow';
import { ExplainedError } from '../data/user-message.ts';
import type { Connector } from '../domain/connector.ts';
import { sqlIdent } from '../domain/sql.ts';

/**
 * DuckDB-WASM behind the `Connector` door. The wasm and worker files are served by our own
 * origin (Vite `?url`), never a CDN. Only the exception-handling build is shipped: every
 * browser we target (Chromium, Firefox, Safari ≥ 15.2) supports wasm exceptions.
 */
export async function createBrowserConnector(): Promise<Connector> {
  const { db, conn, worker } = await startBrowserDuckDB();
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

/**
 * A new DuckDB-WASM in a worker of its own, opened in memory, with one connection; extensions
 * are never fetched. The app's database and the SQL console's each start one; the console's
 * keeps BIGINT as BigInt (`castBigIntToDouble` casts top-level columns but garbles lists of
 * BIGINT, whose bits are then read as doubles).
 */
export async function startBrowserDuckDB({ castBigIntToDouble = true } = {}): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection; worker: Worker }> {
  const worker = new Worker(ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // DuckDB-WASM's worker never answers when it cannot load its script or fetch the wasm
  // (duckdb/duckdb-wasm#1588): either failure ends the start with an error that says so.
  const workerFailed = new Promise<never>((_, reject) =>
    worker.addEventListener(
      'error',
      (e) => {
        // Not reported as an uncaught error of the page: the start fails with this one.
        e.preventDefault();
        reject(new ExplainedError(`${ehWorkerUrl}: the DuckDB worker did not start${e.message ? ` (${e.message})` : ''}`, `${ehWorkerUrl} : inaccessible (le programme de la base n’a pas démarré)`));
      },
      { once: true },
    ),
  );
  await Promise.race([Promise.all([db.instantiate(ehWasmUrl), checkReachable(ehWasmUrl)]), workerFailed]);
  await db.open({ query: { castBigIntToDouble } });
  const conn = await db.connect();
  // Extensions would be fetched from the internet: the app uses core features only.
  await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
  return { db, conn, worker };
}

/** Rejects when `url` cannot be fetched (a HEAD request: the worker downloads the file itself). */
async function checkReachable(url: string): Promise<void> {
  const unreachable = `${url} : inaccessible`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch (error) {
    throw new ExplainedError(`${url}: unreachable (${error instanceof Error ? error.message : String(error)})`, unreachable, { cause: error });
  }
  if (!response.ok) throw new ExplainedError(`${url}: HTTP ${response.status}`, `${unreachable} (HTTP ${response.status})`);
}
