import { type Connector, tableRows } from '../domain/connector.ts';
import { loadManifest, loadTableBytes } from '../data/published-data.ts';
import { buildTableCountsQuery } from '../queries/table-counts-query.ts';
import { useAppStore } from '../state/store.ts';

export const MARKS = {
  firstPaint: 'obs:first-paint',
  duckdbReady: 'obs:duckdb-ready',
  interactive: 'obs:interactive',
} as const;

let started: Promise<Connector> | undefined;

/**
 * Starts DuckDB-WASM (once), loads every published table from the bytes the map already
 * fetched, and reports progress and row counts to the store.
 */
export function getConnector(): Promise<Connector> {
  started ??= start();
  return started;
}

async function start(): Promise<Connector> {
  const { setDbProgress, setDbReady, setDbError } = useAppStore.getState();
  try {
    setDbProgress('démarrage de DuckDB');
    // Its own chunk: the DuckDB client code is not needed for the first paint.
    const { createBrowserConnector } = await import('./duckdb-browser.ts');
    const [manifest, connector] = await Promise.all([loadManifest(), createBrowserConnector()]);
    for (const [i, table] of manifest.tables.entries()) {
      setDbProgress(`chargement des tables (${i}/${manifest.tables.length}) : ${table.name}`);
      await connector.loadArrow(table.name, await loadTableBytes(table.name));
    }
    const counts = tableRows(await connector.query(buildTableCountsQuery(manifest.tables.map((t) => t.name))));
    setDbReady(counts.map((r) => ({ table: String(r.table_name), rows: Number(r.row_count) })));
    performance.mark(MARKS.duckdbReady);
    return connector;
  } catch (error) {
    setDbError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
