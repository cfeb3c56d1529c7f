import type { Table } from 'apache-arrow';
import { checkReadingQuery, quoted, sqlTokens, WorkbenchRefusal, wrapForReading } from './sql-guard.ts';

/**
 * The SQL console's door to its own database (workbench-db.ts in the browser, a Node twin in
 * the tests): not the app's `Connector`, whose `query` runs any statement on the app's tables.
 */
export interface WorkbenchEngine {
  /** Prepares `sql` and runs it: DuckDB refuses to prepare more than one statement. */
  runPrepared(sql: string): Promise<Table>;
  /** The tables `sql` reads, as DuckDB's parser and binder name them (a quoted path included). */
  tableNames(sql: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * What locks the console's database once the published tables are in: no extension installed
 * or loaded, no file, URL or database outside it (DuckDB checks every file system access
 * against this), and no setting changed afterwards, by a SET that would get past the other
 * locks included.
 */
export const LOCK_STATEMENTS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET enable_external_access = false',
  'SET lock_configuration = true',
] as const;

/** Rows the console shows and exports at most (the table is virtualised; this bounds memory). */
export const WORKBENCH_ROW_LIMIT = 100_000;

/** A reading query DuckDB could not run: why in French, and DuckDB's own words for whoever writes SQL. */
export class WorkbenchQueryError extends Error {
  override readonly name = 'WorkbenchQueryError';
  constructor(
    readonly userMessage: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${userMessage} (${detail})`, options);
  }
}

export interface WorkbenchResult {
  table: Table;
  /** More rows than `WORKBENCH_ROW_LIMIT`: only the first ones are in `table`. */
  truncated: boolean;
  /** Published tables the query reads (for the sources of its export). */
  tables: string[];
}

/** DuckDB's message without its class prefix or JSON envelope (the table names call answers in JSON). */
function engineMessage(error: unknown): { type: string; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as { exception_type?: string; exception_message?: string };
    if (parsed.exception_message !== undefined) return { type: parsed.exception_type ?? '', message: parsed.exception_message };
  } catch {
    // Not JSON: `Binder Error: …`.
  }
  const match = /^(?:Error: )?([A-Za-z ]+?) Error: ([\s\S]*)$/.exec(text);
  return match ? { type: match[1]!, message: match[2]! } : { type: '', message: text };
}

/** A refusal or a query error, in French, for what DuckDB said of `sql`. */
function explainEngineError(error: unknown): Error {
  const { type, message } = engineMessage(error);
  const detail = message.trim();
  if (/multiple statements|single statement/i.test(message)) return new WorkbenchRefusal('Une seule requête à la fois : la console refuse plusieurs instructions.');
  if (/^Permission$/i.test(type) || /disabled (through|by) configuration/i.test(message)) {
    return new WorkbenchRefusal('La requête demande un accès hors des tables publiées (fichier, adresse web, extension ou réglage) : la console le refuse.');
  }
  if (/^Parser$/i.test(type)) return new WorkbenchQueryError('DuckDB ne lit pas la requête comme une seule requête de lecture (erreur de syntaxe).', detail, { cause: error });
  if (/^(Binder|Catalog)$/i.test(type)) return new WorkbenchQueryError('La requête nomme une table, une colonne ou une fonction qui n’existe pas dans les données publiées.', detail, { cause: error });
  return new WorkbenchQueryError('DuckDB n’a pas pu exécuter la requête.', detail, { cause: error });
}

/**
 * Runs `sql` on the console's database if it only reads published tables: refused with a
 * French sentence otherwise (`WorkbenchRefusal`), before anything runs. The text check
 * (sql-guard.ts) gives the reasons; DuckDB's binder names the tables read, which must be
 * published ones (a quoted path is not); DuckDB's parser is the gate: the query runs wrapped
 * in `SELECT * FROM (…)` and prepared, so it is one SELECT or a syntax error. Behind them,
 * the database itself is locked (LOCK_STATEMENTS) and is not the app's. `tables`: those the
 * binder or the text names.
 */
export async function runReadOnly(engine: WorkbenchEngine, sql: string, published: readonly string[], limit = WORKBENCH_ROW_LIMIT): Promise<WorkbenchResult> {
  const body = checkReadingQuery(sql);
  const wrapped = wrapForReading(body, limit + 1);
  const known = new Set(published.map((t) => t.toLowerCase()));
  let names: string[] = [];
  try {
    names = (await engine.tableNames(wrapped)).map((n) => n.toLowerCase());
  } catch (error) {
    // DuckDB binds without types to name the tables, and fails on some valid queries
    // (`USING`, `unnest` of a function's list): the prepared run below is the check then.
    console.debug('SQL console: table names not extracted', error);
  }
  const foreign = names.find((name) => !known.has(name));
  if (foreign !== undefined) {
    throw new WorkbenchRefusal(`La requête lit ${quoted(foreign)}, qui n’est pas une table publiée : la console ne lit que les tables de la liste.`);
  }
  let table: Table;
  try {
    table = await engine.runPrepared(wrapped);
  } catch (error) {
    throw explainEngineError(error);
  }
  const truncated = table.numRows > limit;
  const named = sqlTokens(body).flatMap((t) => (t.kind === 'word' || t.kind === 'ident') && known.has(t.text.toLowerCase()) ? [t.text.toLowerCase()] : []);
  return { table: truncated ? table.slice(0, limit) : table, truncated, tables: [...new Set([...names, ...named])].sort() };
}
