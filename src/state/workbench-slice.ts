import type { StateCreator } from 'zustand';
import { hasControlCharacter, type RejectedParam } from '../domain/url-grammar.ts';
import type { AppState } from './store.ts';

/** Longest query a link may carry (characters): far more than any example, far less than a URL's limit. */
export const WORKBENCH_SQL_MAX = 8000;

/**
 * The SQL console of the Données panel: open or not, and the query last run, which the link
 * keeps (`sql=`, empty when the console is open without one). A query from a link is shown,
 * never run on its own: the user runs it.
 */
export interface WorkbenchSlice {
  /** null: the console is closed. */
  workbenchSql: string | null;
  setWorkbenchSql(sql: string | null): void;
}

export const createWorkbenchSlice: StateCreator<AppState, [], [], WorkbenchSlice> = (set) => ({
  workbenchSql: null,
  setWorkbenchSql: (workbenchSql) => set({ workbenchSql }),
});

/**
 * The `sql` parameter of a link: any text of at most WORKBENCH_SQL_MAX characters; line
 * breaks and tabs are allowed there (a query has them), no other control character (a NUL
 * would end DuckDB's text). Refused ones are recorded in `rejected`.
 */
export function readSqlParam(raw: string | null, rejected: RejectedParam[]): string | undefined {
  if (raw === null) return undefined;
  if (hasControlCharacter(raw.replace(/[\t\n\r]/g, ''))) {
    rejected.push({ param: 'sql', value: raw, reason: 'control-character' });
    return undefined;
  }
  if (raw.length > WORKBENCH_SQL_MAX) {
    rejected.push({ param: 'sql', value: raw, reason: 'malformed' });
    return undefined;
  }
  return raw.replace(/\r\n?/g, '\n');
}
