import type { Table } from 'apache-arrow';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { userMessage } from '../data/user-message.ts';
import type { Coordinator, Need } from './coordinator.ts';

export type SqlResult<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  /** `sql`: the query this is the result of (the hook's argument may already be newer). */
  | { status: 'ready'; data: T; error: null; sql: string }
  /** `error`: a French sentence for the user (the detail is in the console). */
  | { status: 'error'; data: null; error: string };

const DatabaseContext = createContext<Coordinator | null>(null);

/** Hands the app's database (main.tsx creates it once) to the views below. */
export const DatabaseProvider = DatabaseContext.Provider;

/** The app's database, for what a view does on demand (an import, an export); queries go through `useSql`. */
export function useDatabase(): Coordinator {
  const database = useContext(DatabaseContext);
  if (database === null) throw new Error('useDatabase outside DatabaseProvider');
  return database;
}

/**
 * The one hook that runs view queries (STYLE.md §2): waits until what the query `needs`
 * (published tables, derived tables) is ready, runs `sql`, maps the Arrow result with
 * `select`, and drops results of queries that were superseded. `sql = null` means nothing to
 * run. The query runs again when its SQL changes or when what it needs changed in the
 * browser (the revisions of `needs`, e.g. an import of actions).
 */
export function useSql<T>(sql: string | null, select: (table: Table) => T, needs: readonly Need[]): SqlResult<T> {
  const database = useDatabase();
  const [result, setResult] = useState<SqlResult<T>>({ status: 'idle', data: null, error: null });
  const revision = useSyncExternalStore(database.subscribe, () => database.revisionOf(needs));
  const needsKey = needs.join(',');
  useEffect(() => {
    if (sql === null) {
      setResult({ status: 'idle', data: null, error: null });
      return;
    }
    setResult((r) => ({ status: 'loading', data: r.data, error: null }));
    // The cleanup drops this query's result once a newer one (or none) replaces it.
    return database.run(sql, needs, (outcome) =>
      setResult('table' in outcome ? { status: 'ready', data: select(outcome.table), error: null, sql } : { status: 'error', data: null, error: userMessage(outcome.error, `query failed\n${sql}\n`) }),
    );
    // The query is (sql, what it needs, their revisions): `select` is a mapping function,
    // usually inline, and `needs` a new array at each render with the same names (`needsKey`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [database, sql, needsKey, revision]);
  return result;
}
