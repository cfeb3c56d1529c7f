import type { Location, RowIssue } from '../pipeline-error.ts';
import type { TerritoiresBuild } from './build-territoires.ts';

/**
 * How far outside its stated département a point may lie without a warning. The département
 * outlines are simplified (france-geojson, ~100 m) and establishments on a border are
 * geolocated at their address: 1 km absorbs both; farther, the coordinates or the commune
 * code are likely wrong.
 */
export const DEPARTEMENT_TOLERANCE_METERS = 1000;

/** A point stated in one département and lying elsewhere: where it lies (null: in none). */
export interface Misplacement {
  stated: string;
  lyingIn: string | null;
}

/**
 * Checks that points lie in the département their row states (the département of their commune
 * code), with the territoires' unsimplified département outlines in a `PolygonIndex`: the
 * R-tree finds the one or two candidates, turf tests them exactly.
 */
export class DepartementCheck {
  readonly #departements: TerritoiresBuild['departements'];
  readonly #position: ReadonlyMap<string, number>;

  constructor(departements: TerritoiresBuild['departements']) {
    this.#departements = departements;
    this.#position = new Map(departements.codes.map((code, i) => [code, i]));
  }

  /**
   * null when (lon, lat) lies in `stated` or within `DEPARTEMENT_TOLERANCE_METERS` of it, or
   * when `stated` has no outline (nothing to judge by); else where the point lies.
   */
  misplacement(lon: number, lat: number, stated: string): Misplacement | null {
    const position = this.#position.get(stated);
    if (position === undefined) return null;
    const { codes, index } = this.#departements;
    const inside = index.containing(lon, lat);
    if (inside.includes(position)) return null;
    if (index.withinDistance(lon, lat, DEPARTEMENT_TOLERANCE_METERS).includes(position)) return null;
    return { stated, lyingIn: inside.length > 0 ? codes[inside[0]!]! : null };
  }

  /**
   * The warning for a row whose point lies outside its département, or null, located at the
   * row (`at`: file, line or feature, and the row's key field). `point` says what the point is.
   */
  warning(row: { lon: number | null; lat: number | null; departement_code: string }, at: Location, point = 'point'): RowIssue | null {
    if (row.lon === null || row.lat === null) return null;
    const found = this.misplacement(row.lon, row.lat, row.departement_code);
    if (found === null) return null;
    return {
      location: at,
      reason: `${point} (latitude ${row.lat}, longitude ${row.lon}) lies in ${found.lyingIn === null ? 'no département (none)' : `département ${found.lyingIn}`}, more than ${DEPARTEMENT_TOLERANCE_METERS / 1000} km outside its stated département ${found.stated}`,
    };
  }
}

/**
 * Warnings for the rows of `build` whose point lies outside their département, at each row's
 * location; rows `include` rejects are not checked, `point` names what a row's point is.
 */
export function departementWarnings<R extends { lon: number | null; lat: number | null; departement_code: string }>(
  build: { rows: readonly R[]; locations: readonly Location[] },
  check: DepartementCheck,
  options: { include?: (row: R) => boolean; point?: (row: R) => string } = {},
): RowIssue[] {
  const { include = () => true, point = () => 'point' } = options;
  return build.rows.flatMap((row, i) => (include(row) ? (check.warning(row, build.locations[i]!, point(row)) ?? []) : []));
}
