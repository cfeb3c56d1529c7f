/**
 * The loaded QPV by generation, région and département, with the names `territoires` gives
 * them: the rows of `describeCoverage` (`src/domain/loaded-coverage.ts`), which names the set
 * every « all QPV » reference is taken over. `qpvRows` narrows it to a subset of `qpv` (a
 * relation with its columns), e.g. the QPV a rank is taken among.
 */
export function buildLoadedCoverageQuery(qpvRows = 'qpv'): string {
  return `
SELECT q.generation, q.region_code, r.nom AS region_nom, q.departement_code, d.nom AS departement_nom, count(*)::INTEGER AS qpv
FROM ${qpvRows} q
LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = q.departement_code
LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = q.region_code
GROUP BY ALL
ORDER BY q.generation, q.region_code, q.departement_code`;
}

/** Tables the coverage query reads. */
export const LOADED_COVERAGE_TABLES = ['qpv', 'territoires'] as const;
