import { loadManifest, loadTableBytes } from '../data/published-data.ts';
import { Coordinator, type DatabaseSource } from './coordinator.ts';
import { DERIVED_TABLES } from './derived-tables.ts';

/** The published tables as the browser gets them: DuckDB-WASM, the manifest, the checked Arrow files. */
const BROWSER_SOURCE: DatabaseSource = {
  // Its own chunk: the DuckDB client code is not needed for the first paint.
  connect: () => import('./duckdb-browser.ts').then(({ createBrowserConnector }) => createBrowserConnector()),
  tables: () => loadManifest().then((manifest) => manifest.tables),
  read: loadTableBytes,
};

/** The app's database: created once by main.tsx, started after the first paint (`startDatabase`). */
export function createDatabase(): Coordinator {
  return new Coordinator(DERIVED_TABLES);
}

/**
 * Starts DuckDB-WASM (once) and loads every published table from the bytes the map already
 * fetched (checked against the manifest). Called after the first paint, so that compiling
 * 34 MB of wasm does not compete with it.
 */
export function startDatabase(database: Coordinator): Promise<unknown> {
  return database.start(BROWSER_SOURCE);
}
