import { useEffect, useState } from 'react';
import { loadArrowTable } from '../data/published-data.ts';
import { SEARCH_TABLES, whenTablesLoaded } from '../db/database.ts';
import { type EtablissementPoint, etablissementPoints } from './etablissement-points.ts';

const NONE: EtablissementPoint[] = [];

/**
 * Located establishments, read from the published Arrow file (DuckDB loads the same bytes)
 * as soon as the search answers, even if DuckDB failed: the first paint and the search come
 * first, the schools no longer wait for every table. Empty until then.
 */
export function useEtablissementPoints(): { points: EtablissementPoint[]; error: string | null } {
  const [state, setState] = useState<{ points: EtablissementPoint[]; error: string | null }>({ points: NONE, error: null });
  useEffect(() => {
    let current = true;
    whenTablesLoaded(SEARCH_TABLES)
      .catch(() => {})
      .then(() => loadArrowTable('etablissements'))
      .then(etablissementPoints)
      .then(
        (points) => current && setState({ points, error: null }),
        (e: unknown) => current && setState({ points: NONE, error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
