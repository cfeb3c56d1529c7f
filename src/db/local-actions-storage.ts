import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { BROWSER_STORAGE } from '../domain/site-pages.ts';

/**
 * Where the browser keeps the imported actions: IndexedDB (one record), not localStorage,
 * whose ~5 MB per origin a file within the import limits (20,000 rows) can exceed. Data kept
 * in localStorage by earlier versions is moved here once, on the first start that finds it;
 * data this module cannot move or read stays where it is, untouched.
 */
const { database: DATABASE, store: STORE } = BROWSER_STORAGE.indexedDb;
const KEY = 'import';
/** Where versions before IndexedDB kept the import (same shape); declared with the rest of what the browser keeps. */
export const LEGACY_STORAGE_KEY = BROWSER_STORAGE.legacyLocalStorageKey;

/** The browser refused to keep or give back the actions; the message is French, for people. */
export class LocalStorageError extends Error {
  override readonly name = 'LocalStorageError';
}

function storageError(cause: unknown): LocalStorageError {
  const name = (cause as { name?: unknown } | null)?.name;
  const full = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
  return new LocalStorageError(full ? 'le stockage du navigateur est plein' : 'le stockage du navigateur est indisponible (désactivé, ou navigation privée)', { cause });
}

let store: UseStore | undefined;
const keptStore = () => (store ??= createStore(DATABASE, STORE));

async function attempt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    throw storageError(cause);
  }
}

/** What is kept, as stored (`undefined`: nothing); checking its shape is the caller's job. */
export function readKept(): Promise<unknown> {
  return attempt(() => get<unknown>(KEY, keptStore()));
}

/** Replaces what is kept by `value` (`undefined`: removes it); a `LocalStorageError` leaves it as it was. */
export function writeKept(value: unknown): Promise<void> {
  return attempt(() => (value === undefined ? del(KEY, keptStore()) : set(KEY, value, keptStore())));
}

/**
 * What an earlier version kept in localStorage, if IndexedDB holds nothing: moved to IndexedDB
 * when it parses (and only then removed from localStorage). Text that does not parse is
 * returned as is, and left in localStorage.
 */
export async function migrateLegacy(): Promise<unknown> {
  const text = legacyText();
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  try {
    await writeKept(value);
    localStorage.removeItem(LEGACY_STORAGE_KEY);
  } catch (error) {
    console.warn('actions locales : copie de localStorage vers IndexedDB impossible, gardées dans localStorage', error);
  }
  return value;
}

/** The legacy record is superseded (a new import, or a removal, has been kept): dropped. */
export function dropLegacy(): void {
  try {
    localStorage.removeItem(LEGACY_STORAGE_KEY);
  } catch {
    // localStorage disabled: then it holds nothing of ours.
  }
}

function legacyText(): string | null {
  try {
    return localStorage.getItem(LEGACY_STORAGE_KEY);
  } catch {
    return null;
  }
}
