import type { Table } from 'apache-arrow';

/**
 * The one door to the database (STYLE.md §1). The browser implementation wraps DuckDB-WASM,
 * the Node one (pipeline, tests) wraps the same engine, so the same SQL runs in both.
 */
export interface Connector {
  /** Runs a query and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Runs a statement whose result is not needed. */
  exec(sql: string): Promise<void>;
  /** Creates (or replaces) table `name` from Arrow IPC stream or file bytes. */
  loadArrow(name: string, ipc: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Plain JSON rows of an Arrow result, with BigInt counts turned into numbers. */
export function tableRows(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row.toJSON())) {
      out[key] = typeof value === 'bigint' ? Number(value) : value;
    }
    return out;
  });
}

/**
 * `tableRows` as rows of `T`: the one place a query's result is taken for its row type. The
 * query's columns are the contract (each query's test checks them on the real DuckDB); use a
 * zod schema instead where the rows come from outside the app.
 */
export const rowsOf =
  <T>() =>
  (table: Table): T[] =>
    tableRows(table) as unknown as T[];

/** The first row of `rowsOf<T>()`, or null when the result is empty. */
export const firstRowOf =
  <T>() =>
  (table: Table): T | null =>
    rowsOf<T>()(table)[0] ?? null;
