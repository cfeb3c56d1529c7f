import type { Footprint } from './normalise-geometry.ts';
import { type Location, PipelineError, type RowIssue } from './pipeline-error.ts';

/** What building one table produces: its rows, the rows it rejected and its warnings. */
export interface TableBuild<Row> {
  rows: Row[];
  /** Where each row comes from (same order as `rows`), to locate duplicate keys. */
  locations: Location[];
  /** Number of input rows/features read, for the summary. */
  rowsIn: number;
  rejected: RowIssue[];
  warnings: RowIssue[];
}

/** Footprint columns of the published layouts (see `src/domain/table-layouts.ts`). */
export function footprintColumns(footprint: Footprint, withGeometry = true): Record<string, number | string | null> {
  const [xmin, ymin, xmax, ymax] = footprint.bbox;
  return {
    lon: footprint.point[0],
    lat: footprint.point[1],
    xmin,
    ymin,
    xmax,
    ymax,
    geometry: withGeometry ? JSON.stringify(footprint.geometry) : null,
  };
}

/** Fails the run on the first duplicate key, naming both places. */
export function assertUniqueKeys(table: string, build: TableBuild<Record<string, unknown>>, key: readonly string[]): void {
  const seen = new Map<string, Location>();
  build.rows.forEach((row, i) => {
    const value = key.map((k) => String(row[k])).join('/');
    const first = seen.get(value);
    const here = build.locations[i]!;
    if (first !== undefined) {
      throw new PipelineError({ ...here, field: key.join('+'), value }, `duplicate ${table} key (first seen in ${first.file}${first.feature !== undefined ? ` feature ${first.feature}` : ''})`);
    }
    seen.set(value, here);
  });
}

/** One table from the builds of its parts (rows, locations and issues in the order given). */
export function concatBuilds<Row>(...parts: readonly TableBuild<Row>[]): TableBuild<Row> {
  return {
    rows: parts.flatMap((p) => p.rows),
    locations: parts.flatMap((p) => p.locations),
    rowsIn: parts.reduce((n, p) => n + p.rowsIn, 0),
    rejected: parts.flatMap((p) => p.rejected),
    warnings: parts.flatMap((p) => p.warnings),
  };
}
