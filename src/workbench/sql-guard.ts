/**
 * The first of the SQL console's locks (docs/architecture.md, « SQL console »): it reads the
 * text as DuckDB's lexer would (comments, '…' strings, "…" identifiers, $$…$$ strings) to
 * refuse, with a French sentence that names the reason, what the console must never run. It
 * gives the messages; it is not what makes the console safe. What runs is the query wrapped
 * in `SELECT * FROM (…)` and prepared by DuckDB's own parser, which accepts one SELECT and
 * nothing else (`wrapForReading`, read-only-run.ts), on a database of its own whose
 * configuration is locked with external access off (workbench-db.ts).
 */

/** A query the console refuses, with why in French (a whole sentence). */
export class WorkbenchRefusal extends Error {
  override readonly name = 'WorkbenchRefusal';
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

interface Token {
  kind: 'word' | 'string' | 'ident' | 'symbol';
  text: string;
  /** Offset of its first character in the query. */
  start: number;
}

/** The tokens of `sql` (comments dropped); an unterminated string or comment ends the text. */
export function sqlTokens(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const until = (end: string, from: number) => {
    const at = sql.indexOf(end, from);
    return at === -1 ? sql.length : at + end.length;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith('--', i)) i = until('\n', i);
    else if (sql.startsWith('/*', i)) i = until('*/', i + 2);
    else if (c === "'" || c === '"') {
      // A quote inside is doubled: '' or "".
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      tokens.push({ kind: c === "'" ? 'string' : 'ident', text: sql.slice(i + 1, j).replaceAll(c + c, c), start: i });
      i = j + 1;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = until(tag, i + tag.length);
      tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end - tag.length), start: i });
      i = end;
    } else if (/[A-Za-z_\u00c0-\uffff]/.test(c)) {
      const word = /^[A-Za-z_0-9$\u00c0-\uffff]+/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'word', text: word, start: i });
      i += word.length;
    } else {
      tokens.push({ kind: 'symbol', text: c, start: i });
      i++;
    }
  }
  return tokens;
}

/** Statements the console refuses by name (each would write, configure, or reach outside). */
const WRITING_STATEMENTS = new Set([
  'ALTER', 'ANALYZE', 'ATTACH', 'BEGIN', 'CALL', 'CHECKPOINT', 'COMMENT', 'COMMIT', 'COPY', 'CREATE', 'DEALLOCATE', 'DELETE', 'DETACH', 'DROP',
  'EXECUTE', 'EXPORT', 'IMPORT', 'INSERT', 'INSTALL', 'LOAD', 'MERGE', 'PRAGMA', 'PREPARE', 'REPLACE', 'RESET', 'ROLLBACK', 'SET', 'TRUNCATE',
  'UPDATE', 'UPSERT', 'USE', 'VACUUM', 'ABORT', 'START', 'END', 'FORCE', 'UNINSTALL', 'UNLOAD', 'UPGRADE',
]);

/** How a reading query may start. */
const READING_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'SUMMARIZE', 'DESCRIBE', 'SHOW', 'PIVOT', 'UNPIVOT', '(']);

/**
 * Functions that read files or URLs, or run SQL given as text, or touch the catalog or the
 * engine: DuckDB's file readers (any `read_…`), their aliases, globbing, and the extension
 * functions. Matched by name wherever a name is followed by `(`.
 */
const FORBIDDEN_FUNCTIONS = /^(read_\w*|glob|sniff_csv|parquet_\w*|csv_scan|json_scan|arrow_scan\w*|iceberg_\w*|delta_scan|sqlite_\w*|postgres_\w*|mysql_\w*|query|query_table|getenv|checkpoint|force_checkpoint|duckdb_extensions|duckdb_secrets|load_extension|install_extension|which_secret)$/i;

/** A string that names a place outside the database: a URL or a path with a scheme. */
const EXTERNAL_PATH = /^\s*([a-z][a-z0-9+.-]*:\/\/|file:)/i;

/** Keeps a quoted part of the query short in a message. */
export const quoted = (text: string) => `« ${text.length > 60 ? `${text.slice(0, 59)}…` : text} »`;

/**
 * Refuses (throws `WorkbenchRefusal`) what the console must never run, with the reason: an
 * empty text, several statements, a statement other than a reading query, a function that
 * reads files or URLs, a URL. Returns the query without its final semicolons.
 */
export function checkReadingQuery(sql: string): string {
  const tokens = sqlTokens(sql);
  // Final semicolons end the one statement; any other makes a second statement.
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.text === ';' && tokens[end - 1]!.kind === 'symbol') end--;
  const body = tokens.slice(0, end);
  if (body.length === 0) throw new WorkbenchRefusal('La requête est vide : écrivez une requête SELECT, ou choisissez un exemple.');
  if (body.some((t) => t.kind === 'symbol' && t.text === ';')) {
    throw new WorkbenchRefusal('Une seule requête à la fois : la console refuse plusieurs instructions séparées par « ; ».');
  }
  const first = body[0]!.text.toUpperCase();
  if (body[0]!.kind === 'word' && WRITING_STATEMENTS.has(first)) {
    throw new WorkbenchRefusal(`L’instruction ${first} est refusée : la console ne fait que lire les données publiées, elle ne peut rien créer, modifier, supprimer, charger ni configurer.`);
  }
  if (!READING_STARTS.has(first)) {
    throw new WorkbenchRefusal(`La requête commence par ${quoted(body[0]!.text)} : la console n’accepte qu’une requête de lecture (SELECT, WITH, FROM…).`);
  }
  body.forEach((t, i) => {
    if (t.kind === 'word' && FORBIDDEN_FUNCTIONS.test(t.text) && body[i + 1]?.text === '(') {
      throw new WorkbenchRefusal(`La fonction ${t.text.toLowerCase()}() est refusée : la console ne lit que les tables publiées, jamais un fichier, une adresse web ni une extension.`);
    }
    if (t.kind !== 'symbol' && EXTERNAL_PATH.test(t.text)) {
      throw new WorkbenchRefusal(`L’adresse ${quoted(t.text)} est refusée : la console ne lit que les tables publiées, jamais un fichier ni une adresse web.`);
    }
  });
  // Without its final semicolons (and what follows them: comments).
  return end === tokens.length ? sql : sql.slice(0, tokens[end]!.start);
}

/**
 * The query as the console runs it: inside `SELECT * FROM (…)`, where DuckDB's parser accepts
 * a SELECT and nothing else (a DROP, a SET, a second statement are syntax errors there), and
 * with a row limit. The line breaks keep a final `--` comment from swallowing the bracket.
 */
export function wrapForReading(sql: string, limit: number): string {
  return `SELECT * FROM (\n${sql}\n) AS resultat LIMIT ${Math.trunc(limit)}`;
}
