import { sqlIdent, sqlString } from '../domain/sql.ts';

/** One row per table: its name and its row count, in the order given. */
export function buildTableCountsQuery(tables: readonly string[]): string {
  if (tables.length === 0) throw new RangeError('no table to count');
  return tables
    .map((t, i) => `SELECT ${sqlString(t)} AS table_name, count(*)::INTEGER AS row_count, ${i} AS ord FROM ${sqlIdent(t)}`)
    .join('\nUNION ALL\n')
    .concat('\nORDER BY ord');
}
