/**
 * The one helper that turns a value into a SQL literal (STYLE.md §3): file names and names
 * from open data contain quotes. A NUL character would end DuckDB's SQL text mid-literal (a
 * parser error quoting the query): refused, as sqlNumber refuses NaN.
 */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new RangeError(`NUL character in a SQL string: ${JSON.stringify(value.slice(0, 40))}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (table or column name). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A finite number as a SQL literal; refuses NaN and infinities rather than emitting them. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}
