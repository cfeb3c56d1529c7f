import { tableRows } from './domain/connector.ts';
import { getConnector } from './db/database.ts';

/**
 * What end-to-end tests and the bench read from the page: SQL answers from the same DuckDB
 * the views use. Read-only by intent; the Données view will offer the same console to users.
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
