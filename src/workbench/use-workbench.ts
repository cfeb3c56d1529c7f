import { useCallback, useEffect, useRef, useState } from 'react';
import { userMessage } from '../data/user-message.ts';
import { resultColumns, type ResultColumn, resultRows, type ResultValue } from './result-cells.ts';
import { runReadOnly, WorkbenchQueryError } from './read-only-run.ts';
import { WorkbenchRefusal } from './sql-guard.ts';
import { openWorkbenchDatabase, type WorkbenchDatabase } from './workbench-db.ts';

/** The console's database while it starts. */
export type WorkbenchDatabaseState = { status: 'loading' } | { status: 'ready'; database: WorkbenchDatabase } | { status: 'error'; message: string };

/** The outcome of the last query run. */
export type WorkbenchRun =
  | { status: 'idle' }
  | { status: 'running'; sql: string }
  /** Stopped by the user: the console's database is started again. */
  | { status: 'interrupted'; sql: string }
  | { status: 'done'; sql: string; columns: ResultColumn[]; rows: ResultValue[][]; truncated: boolean; tables: string[] }
  /** Refused before running: why, in French. */
  | { status: 'refused'; sql: string; message: string; detail?: undefined }
  /** DuckDB's error: a French sentence, DuckDB's words in `detail`. */
  | { status: 'failed'; sql: string; message: string; detail?: string };

/**
 * The one owner of the console's database (workbench-db.ts): started when the console
 * mounts, closed (its worker ended) when it unmounts; `run` runs a query through the
 * read-only checks, the result of a superseded run dropped. `interrupt` ends the worker of
 * a running query (DuckDB-WASM cannot cancel a prepared statement) and starts another.
 */
export function useWorkbench(): { database: WorkbenchDatabaseState; run: WorkbenchRun; execute(sql: string): void; interrupt(): void } {
  const [database, setDatabase] = useState<WorkbenchDatabaseState>({ status: 'loading' });
  const [run, setRun] = useState<WorkbenchRun>({ status: 'idle' });
  const [starts, setStarts] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    let current = true;
    const opening = openWorkbenchDatabase();
    opening.then(
      (db) => current && setDatabase({ status: 'ready', database: db }),
      (error: unknown) => current && setDatabase({ status: 'error', message: userMessage(error, 'SQL console: starting its database') }),
    );
    return () => {
      current = false;
      void opening.then((db) => db.engine.close()).catch(() => {});
    };
  }, [starts]);

  const execute = useCallback(
    (sql: string) => {
      if (database.status !== 'ready') return;
      const id = ++latest.current;
      setRun({ status: 'running', sql });
      runReadOnly(database.database.engine, sql, database.database.tables).then(
        (result) => id === latest.current && setRun({ status: 'done', sql, columns: resultColumns(result.table), rows: resultRows(result.table), truncated: result.truncated, tables: result.tables }),
        (error: unknown) => {
          if (id !== latest.current) return;
          if (error instanceof WorkbenchRefusal) setRun({ status: 'refused', sql, message: error.userMessage });
          else if (error instanceof WorkbenchQueryError) setRun({ status: 'failed', sql, message: error.userMessage, detail: error.detail });
          else setRun({ status: 'failed', sql, message: userMessage(error, `SQL console: ${sql}`) });
        },
      );
    },
    [database],
  );
  const interrupt = useCallback(() => {
    if (run.status !== 'running') return;
    latest.current++;
    setRun({ status: 'interrupted', sql: run.sql });
    setDatabase({ status: 'loading' });
    setStarts((n) => n + 1);
  }, [run]);
  return { database, run, execute, interrupt };
}
