import { type Connector, tableRows } from '../domain/connector.ts';
import { loadManifest, loadTableBytes } from '../data/published-data.ts';
import { ExplainedError, userMessage } from '../data/user-message.ts';
import { MARKS, mark } from '../perf-marks.ts';
import { buildTableCountsQuery } from '../queries/table-counts-query.ts';
import { useAppStore } from '../state/store.ts';

/** Tables the search needs: loaded first, so that the app is usable before the big ones. */
export const SEARCH_TABLES = ['territoires', 'qpv'] as const;

interface Loading {
  /** Resolves when that table is in DuckDB. */
  tables: Map<string, Promise<Connector>>;
  /** Resolves when every table is loaded and counted. */
  all: Promise<Connector>;
}

/** A table the database could not load (its file missing, damaged or refused): what needs it says so. */
export class TableUnavailableError extends ExplainedError {
  override readonly name = 'TableUnavailableError';
  constructor(
    readonly table: string,
    cause: unknown,
    /** Why, in French (the file's fault). */
    readonly reason = cause instanceof ExplainedError ? cause.userMessage : 'son chargement a échoué',
  ) {
    super(`table "${table}" not loaded`, `il faut la table « ${table} », qui n’a pas pu être chargée : ${reason}`, { cause });
  }
}

let started: Promise<Loading> | undefined;
let announceStart: (loading: Promise<Loading>) => void = () => {};
/** Queries wait on this until `startDatabase` is called: they never start DuckDB themselves. */
const whenStarted = new Promise<Loading>((resolve) => {
  announceStart = resolve;
});
/** Tables that could not be loaded, by name. */
const failed = new Map<string, TableUnavailableError>();

/** DuckDB-WASM could not start; `reason` names the file at fault, when known. */
class DatabaseStartError extends ExplainedError {
  override readonly name = 'DatabaseStartError';
  constructor(
    cause: unknown,
    readonly reason = cause instanceof ExplainedError ? cause.userMessage : 'son démarrage a échoué',
  ) {
    super(`DuckDB did not start: ${cause instanceof Error ? cause.message : String(cause)}`, `la base de données du navigateur (DuckDB) n’a pas démarré — ${reason}`, { cause });
  }
}

/**
 * Starts DuckDB-WASM (once) and loads every published table from the bytes the map already
 * fetched (checked against the manifest): the search tables first, then the others from the
 * smallest to the largest. A table that cannot be loaded is left out, the others load: the
 * views that need it say so. Progress, row counts and failures go to the store. Called after
 * the first paint, so that compiling 34 MB of wasm does not compete with it.
 */
export function startDatabase(): Promise<Loading> {
  started ??= (async () => {
    const { setDbProgress, setDbReady, setDbError } = useAppStore.getState();
    setDbProgress('démarrage de DuckDB');
    try {
      // Its own chunk: the DuckDB client code is not needed for the first paint.
      const { createBrowserConnector } = await import('./duckdb-browser.ts');
      const [manifest, connector] = await Promise.all([loadManifest(), createBrowserConnector().catch((error: unknown) => Promise.reject(new DatabaseStartError(error)))]);
      const rank = (name: string) => SEARCH_TABLES.indexOf(name as (typeof SEARCH_TABLES)[number]);
      const order = [...manifest.tables].sort((a, b) => {
        const [ra, rb] = [rank(a.name), rank(b.name)];
        return ra !== rb ? (ra === -1 ? 1 : rb === -1 ? -1 : ra - rb) : a.bytes - b.bytes;
      });
      let chain: Promise<unknown> = Promise.resolve();
      const tables = new Map(
        order.map((table, i) => {
          const loaded = chain.then(async () => {
            setDbProgress(`chargement des tables (${i}/${order.length}) : ${table.name}`);
            try {
              await connector.loadArrow(table.name, await loadTableBytes(table.name));
            } catch (error) {
              const unavailable = new TableUnavailableError(table.name, error);
              failed.set(table.name, unavailable);
              console.error(`table "${table.name}" not loaded:`, error);
              throw unavailable;
            }
            return connector;
          });
          chain = loaded.catch(() => {});
          return [table.name, loaded] as const;
        }),
      );
      const all = chain.then(async () => {
        const names = manifest.tables.map((t) => t.name).filter((name) => !failed.has(name));
        const counts = tableRows(await connector.query(buildTableCountsQuery(names)));
        setDbReady(
          counts.map((r) => ({ table: String(r.table_name), rows: Number(r.row_count) })),
          [...failed.values()].map((e) => ({ table: e.table, message: e.reason })),
        );
        mark(MARKS.duckdbReady);
        return connector;
      });
      all.catch((error: unknown) => setDbError(userMessage(error, 'DuckDB: counting the tables')));
      return { tables, all };
    } catch (error) {
      const message = userMessage(error, 'DuckDB start');
      setDbError(error instanceof DatabaseStartError ? error.reason : message);
      throw error;
    }
  })();
  announceStart(started);
  return started;
}

const loading = (): Promise<Loading> => started ?? whenStarted;

/** The connector once every published table is loaded (or left out: see `explainQueryError`). */
export function getConnector(): Promise<Connector> {
  return loading().then((l) => l.all);
}

/** The connector as soon as `names` are loaded (the others may still be loading); rejects with `TableUnavailableError` if one cannot be. */
export async function whenTablesLoaded(names: readonly string[]): Promise<Connector> {
  const { tables } = await loading();
  const waits = names.map((name) => tables.get(name) ?? Promise.reject(new Error(`no published table "${name}"`)));
  const [connector] = await Promise.all(waits);
  if (connector === undefined) return getConnector();
  return connector;
}

/**
 * `error` of a query, as a `TableUnavailableError` when DuckDB says it does not know a table
 * that could not be loaded (a query run once every table was tried, reading one left out).
 */
export function explainQueryError(error: unknown): unknown {
  const missing = error instanceof Error ? /Table with name (\S+) does not exist/.exec(error.message)?.[1] : undefined;
  return (missing !== undefined && failed.get(missing)) || error;
}
