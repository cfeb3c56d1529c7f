import { tableRows } from './domain/connector.ts';
import { getConnector } from './db/database.ts';

/**
 * What end-to-end tests read from the page: SQL answers from the same DuckDB the views use.
 * Installed only in the test build (`vite build --mode e2e`, see main.tsx): it runs any SQL on
 * the app's read-write connection, which no production page may offer to a script.
 */
export interface ObservatoireHooks {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

declare global {
  interface Window {
    __observatoire?: ObservatoireHooks;
  }
}

export function exposeTestHooks(): void {
  window.__observatoire = {
    query: async (sql) => tableRows(await (await getConnector()).query(sql)),
  };
}
