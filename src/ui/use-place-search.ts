import { tableFromIPC } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { fetchTableBytesCopy } from '../data/published-data.ts';
import { TableUnavailableError } from '../data/user-message.ts';
import { buildPlaces, type Place, searchPlaces } from '../queries/place-search.ts';
import type { SearchHit } from '../queries/search-query.ts';
import { useAppStore } from '../state/store.ts';

interface Places {
  places: Place[];
  /** The tables left out, each saying why. */
  unavailable: TableUnavailableError[];
}

let placesPromise: Promise<Places> | undefined;

/**
 * The places the search finds without DuckDB (`queries/place-search.ts`), from copies of the
 * `qpv` and `territoires` files of their own (the app's database takes the bytes it loads),
 * fetched once. A table that cannot be loaded is left out and named.
 */
export function loadPlaces(): Promise<Places> {
  placesPromise ??= (async () => {
    const unavailable: TableUnavailableError[] = [];
    const table = (name: string) =>
      fetchTableBytesCopy(name).then(
        (bytes) => tableFromIPC(bytes),
        (error: unknown) => {
          console.error(`search: table "${name}" not loaded:`, error);
          unavailable.push(new TableUnavailableError(name, error));
          return null;
        },
      );
    const [qpv, territoires] = await Promise.all([table('qpv'), table('territoires')]);
    return { places: buildPlaces(qpv, territoires), unavailable };
  })();
  return placesPromise;
}

/**
 * The QPV and territories matching `text` (null when too short), from the published files
 * once the map has painted (they are not fetched before it), and why some are missing.
 */
export function usePlaceSearch(text: string): { hits: SearchHit[] | null; loading: boolean; error: string | null } {
  const painted = useAppStore((s) => s.mapStatus !== 'loading');
  const [places, setPlaces] = useState<Places | null>(null);
  useEffect(() => {
    if (!painted) return;
    let current = true;
    void loadPlaces().then((p) => current && setPlaces(p));
    return () => {
      current = false;
    };
  }, [painted]);
  if (places === null) return { hits: null, loading: searchPlaces([], text) !== null, error: null };
  const error = places.unavailable.map((e) => e.userMessage).join(' ; ') || null;
  return { hits: searchPlaces(places.places, text), loading: false, error };
}
