import { type Connector, tableRows } from '../domain/connector.ts';
import { loadManifest, loadTableBytes } from '../data/published-data.ts';
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

let started: Promise<Loading> | undefined;
let announceStart: (loading: Promise<Loading>) => void = () => {};
/** Queries wait on this until `startDatabase` is called: they never start DuckDB themselves. */
const whenStarted = new Promise<Loading>((resolve) => {
  announceStart = resolve;
});

/**
 * Starts DuckDB-WASM (once) and loads every published table from the bytes the map already
 * fetched: the search tables first, then the others from the smallest to the largest.
 * Progress and row counts go to the store. Called after the first paint, so that compiling
 * 34 MB of wasm does not compete with it.
 */
export function startDatabase(): Promise<Loading> {
  started ??= (async () => {
    const { setDbProgress, setDbReady, setDbError } = useAppStore.getState();
    setDbProgress('démarrage de DuckDB');
    try {
      // Its own chunk: the DuckDB client code is not needed for the first paint.
      const { createBrowserConnector } = await import('./duckdb-browser.ts');
      const [manifest, connector] = await Promise.all([loadManifest(), createBrowserConnector()]);
      const rank = (name: string) => SEARCH_TABLES.indexOf(name as (typeof SEARCH_TABLES)[number]);
      const order = [...manifest.tables].sort((a, b) => {
        const [ra, rb] = [rank(a.name), rank(b.name)];
        return ra !== rb ? (ra === -1 ? 1 : rb === -1 ? -1 : ra - rb) : a.bytes - b.bytes;
      });
      let chain: Promise<unknown> = Promise.resolve();
      const tables = new Map(
        order.map((table, i) => {
          chain = chain.then(async () => {
            setDbProgress(`chargement des tables (${i}/${order.length}) : ${table.name}`);
            await connector.loadArrow(table.name, await loadTableBytes(table.name));
          });
          return [table.name, chain.then(() => connector)] as const;
        }),
      );
      const all = chain.then(async () => {
        const counts = tableRows(await connector.query(buildTableCountsQuery(manifest.tables.map((t) => t.name))));
        setDbReady(counts.map((r) => ({ table: String(r.table_name), rows: Number(r.row_count) })));
        mark(MARKS.duckdbReady);
        return connector;
      });
      all.catch((error: unknown) => setDbError(error instanceof Error ? error.message : String(error)));
      return { tables, all };
    } catch (error) {
      setDbError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  })();
  announceStart(started);
  return started;
}

const loading = (): Promise<Loading> => started ?? whenStarted;

/** The connector once every published table is loaded. */
export function getConnector(): Promise<Connector> {
  return loading().then((l) => l.all);
}

/** The connector as soon as `names` are loaded (the others may still be loading). */
export async function whenTablesLoaded(names: readonly string[]): Promise<Connector> {
  const { tables } = await loading();
  const waits = names.map((name) => tables.get(name) ?? Promise.reject(new Error(`no published table "${name}"`)));
  const [connector] = await Promise.all(waits);
  if (connector === undefined) return getConnector();
  return connector;
}
