import { ExplainedError } from '../data/user-message.ts';

/**
 * The browser's localStorage, as the app meets it: disabled (a browser set to keep no site
 * data throws a SecurityError on the mere read of `window.localStorage`) or full (a
 * QuotaExceededError on write). Either is said in French; neither stops the app.
 */

/** localStorage could not be read or written; `userMessage` says why in French. */
export class StorageError extends ExplainedError {
  override readonly name = 'StorageError';
}

const DISABLED = 'le stockage local de ce navigateur est désactivé : les actions importées ne peuvent pas y être gardées';
const FULL = 'le stockage local de ce navigateur est plein : les actions importées ne peuvent pas y être gardées';

/** `error` of a localStorage access as a `StorageError` (disabled, full, or failed). */
export function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException ? error.name : '';
  const why = name === 'QuotaExceededError' ? FULL : name === 'SecurityError' ? DISABLED : 'le stockage local de ce navigateur a refusé l’opération';
  return new StorageError(`localStorage: ${String(error)}`, why, { cause: error });
}

let disabledCause: unknown = null;

/**
 * Where reading `window.localStorage` throws, puts in its place a storage of this page only
 * (gone at reload): libraries that read it unguarded (the DSFR's colour scheme) keep working.
 * Call before anything else runs.
 */
export function guardLocalStorage(): void {
  try {
    void window.localStorage;
    return;
  } catch (error) {
    console.warn('localStorage unavailable:', error);
    disabledCause = error;
    const items = new Map<string, string>();
    const pageOnly: Storage = {
      get length() {
        return items.size;
      },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, String(value)),
      removeItem: (key) => void items.delete(key),
      clear: () => items.clear(),
    };
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => pageOnly });
  }
}

/** Throws a `StorageError` when the browser keeps nothing (what is written would be lost at reload). */
export function assertStorageKept(): void {
  if (disabledCause !== null) throw new StorageError(`localStorage unavailable: ${String(disabledCause)}`, DISABLED, { cause: disabledCause });
}
