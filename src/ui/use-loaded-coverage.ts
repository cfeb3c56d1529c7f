import { rowsOf } from '../domain/connector.ts';
import { type CoverageSqlRow, describeCoverage, type LoadedCoverage } from '../domain/loaded-coverage.ts';
import { useSql } from '../db/use-sql.ts';
import { buildLoadedCoverageQuery, LOADED_COVERAGE_TABLES } from '../queries/loaded-coverage-query.ts';

const SQL = buildLoadedCoverageQuery();

/** The loaded QPV, named (`loaded-coverage.ts`); null until `qpv` and `territoires` are loaded. */
export function useLoadedCoverage(): LoadedCoverage | null {
  return useSql(SQL, (t) => describeCoverage(rowsOf<CoverageSqlRow>()(t)), LOADED_COVERAGE_TABLES).data;
}
