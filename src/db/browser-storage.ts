/**
 * A browser set to keep no site data throws a SecurityError on the mere read of
 * `window.localStorage`; the app itself keeps nothing there (local actions live in IndexedDB,
 * `local-actions-storage.ts`), but libraries read it unguarded.
 */

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
