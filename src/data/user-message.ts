/**
 * What the user reads when something fails: a French sentence, never an engine's text
 * (DuckDB's parser and catalog errors, a browser's exception names). The technical detail
 * goes to the console, for whoever investigates.
 */

/** An error that knows the French sentence to show for it, set where it is thrown. */
export class ExplainedError extends Error {
  constructor(
    /** The technical detail (console, logs). */
    message: string,
    /** The French sentence for the user, without a final period (it follows a « : »). */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A published table that could not be loaded (its file missing, damaged or refused): what needs it says so. */
export class TableUnavailableError extends ExplainedError {
  override readonly name = 'TableUnavailableError';
  constructor(
    readonly table: string,
    cause: unknown,
    /** Why, in French (the file's fault). */
    readonly reason = cause instanceof ExplainedError ? cause.userMessage : 'son chargement a échoué',
  ) {
    super(`table "${table}" not loaded`, `il faut la table « ${table} », qui n’a pas pu être chargée : ${reason}`, { cause });
  }
}

/** For an error whose cause the app cannot tell the user more precisely. */
export const GENERIC_FAILURE = 'la base de données du navigateur n’a pas pu répondre (le détail technique est dans la console du navigateur)';

/**
 * The French sentence of `error` for the user; the error itself goes to the console,
 * with `context` (what was being done: the SQL, the file).
 */
export function userMessage(error: unknown, context: string): string {
  console.error(`${context}:`, error);
  return error instanceof ExplainedError ? error.userMessage : GENERIC_FAILURE;
}

/** `n` bytes, French style (`4 409 624 octets`). */
export const formatBytes = (n: number): string => `${new Intl.NumberFormat('fr-FR').format(n)} octet${n > 1 ? 's' : ''}`;
