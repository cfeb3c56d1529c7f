import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import type { Connector } from '../domain/connector.ts';
import { userMessage } from '../data/user-message.ts';
import { explainQueryError, getConnector, whenTablesLoaded } from './database.ts';

export type SqlResult<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  /** `sql`: the query this is the result of (the hook's argument may already be newer). */
  | { status: 'ready'; data: T; error: null; sql: string }
  /** `error`: a French sentence for the user (the detail is in the console). */
  | { status: 'error'; data: null; error: string };

/**
 * The one hook that runs view queries (STYLE.md §2): waits for the database, runs `sql`,
 * maps the Arrow result with `select`, and drops results of queries that were superseded.
 * `sql = null` means nothing to run. `needs` lists the tables the query reads, when it can
 * run before every table is loaded, or a function giving the connector once what the query
 * reads is ready.
 */
export function useSql<T>(sql: string | null, select: (table: Table) => T, needs?: readonly string[] | (() => Promise<Connector>)): SqlResult<T> {
  const [result, setResult] = useState<SqlResult<T>>({ status: 'idle', data: null, error: null });
  useEffect(() => {
    if (sql === null) {
      setResult({ status: 'idle', data: null, error: null });
      return;
    }
    let current = true;
    setResult((r) => ({ status: 'loading', data: r.data, error: null }));
    (typeof needs === 'function' ? needs() : needs ? whenTablesLoaded(needs) : getConnector())
      .then((c) => c.query(sql))
      .then(
        (table) => current && setResult({ status: 'ready', data: select(table), error: null, sql }),
        (error: unknown) => current && setResult({ status: 'error', data: null, error: userMessage(explainQueryError(error), `query failed\n${sql}\n`) }),
      );
    return () => {
      current = false;
    };
    // `select` is a mapping function, usually inline: the SQL alone identifies the query.
  }, [sql]);
  return result;
}
