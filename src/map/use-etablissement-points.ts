import { useCallback } from 'react';
import { loadArrowTable } from '../data/published-data.ts';
import { useLoaded } from '../data/use-loaded.ts';
import { FIRST_TABLES } from '../db/coordinator.ts';
import { useDatabase } from '../db/use-sql.ts';
import { type EtablissementPoint, etablissementPoints } from './etablissement-points.ts';

const NONE: EtablissementPoint[] = [];

/**
 * Read from the published Arrow file (DuckDB loads the same bytes) once DuckDB has its first
 * tables, or has failed: the 3 MB file is decoded after the first paint and the search's own
 * files, and the schools do not wait for every table.
 */
const loadPoints = (whenFirstTables: Promise<unknown>) =>
  whenFirstTables
    .catch(() => {})
    .then(() => loadArrowTable('etablissements'))
    .then(etablissementPoints);

/** Located establishments; empty until loaded. */
export function useEtablissementPoints(): { points: EtablissementPoint[]; error: string | null } {
  const database = useDatabase();
  const { data, error } = useLoaded(useCallback(() => loadPoints(database.whenReady(FIRST_TABLES)), [database]));
  return { points: data ?? NONE, error };
}
