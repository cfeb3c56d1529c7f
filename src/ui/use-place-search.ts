import { tableFromIPC } from 'apache-arrow';
import { useEffect, useMemo, useState } from 'react';
import { fetchTableBytesCopy } from '../data/published-data.ts';
import { TableUnavailableError } from '../data/user-message.ts';
import { buildPlaces, type Place, searchPlaces } from '../queries/place-search.ts';
import { type SearchHit, searchTerms } from '../queries/search-query.ts';
import { useAppStore } from '../state/store.ts';

interface Places {
  places: Place[];
  /** The tables left out, each saying why. */
  unavailable: TableUnavailableError[];
}

let placesPromise: Promise<Places> | undefined;
/** The places once loaded: a search box opened later has them at its first render. */
let settled: Places | null = null;

/**
 * The places the search finds without DuckDB (`queries/place-search.ts`), from copies of the
 * `qpv` and `territoires` files of their own (the app's database takes the bytes it loads),
 * fetched once. A table that cannot be fetched, checked or read is left out and named.
 */
export function loadPlaces(): Promise<Places> {
  placesPromise ??= (async () => {
    const unavailable: TableUnavailableError[] = [];
    const table = (name: string) =>
      fetchTableBytesCopy(name)
        .then((bytes) => tableFromIPC(bytes))
        .catch((error: unknown) => {
          console.error(`search: table "${name}" not loaded:`, error);
          unavailable.push(new TableUnavailableError(name, error));
          return null;
        });
    const [qpv, territoires] = await Promise.all([table('qpv'), table('territoires')]);
    settled = { places: buildPlaces(qpv, territoires), unavailable };
    return settled;
  })();
  return placesPromise;
}

/**
 * The QPV and territories matching `text` (null when too short), from the published files
 * once the map has painted (they are not fetched before it), and why some are missing.
 */
export function usePlaceSearch(text: string): { hits: SearchHit[] | null; loading: boolean; error: string | null } {
  const painted = useAppStore((s) => s.mapStatus !== 'loading');
  const [places, setPlaces] = useState<Places | null>(settled);
  useEffect(() => {
    if (!painted || places !== null) return;
    let current = true;
    void loadPlaces().then((p) => current && setPlaces(p));
    return () => {
      current = false;
    };
  }, [painted, places]);
  const hits = useMemo(() => (places === null ? null : searchPlaces(places.places, text)), [places, text]);
  if (places === null) return { hits: null, loading: searchTerms(text) !== null, error: null };
  return { hits, loading: false, error: places.unavailable.map((e) => e.userMessage).join(' ; ') || null };
}
