import { tableRows } from './domain/connector.ts';
import type { Coordinator } from './db/coordinator.ts';

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

export function exposeTestHooks(database: Coordinator): void {
  window.__observatoire = {
    query: async (sql) => {
      await database.whenAllLoaded();
      return tableRows(await database.query(sql, []));
    },
  };
}
