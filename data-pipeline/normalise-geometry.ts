import type { MultiPolygon, Polygon } from 'geojson';
import {
  type BBox,
  diagnoseCoordinate,
  geometryBBox,
  type GeometryRepair,
  repairGeometry,
  representativePoint,
  reprojectGeometry,
  rewindGeometry,
  simplifyGeometry,
  validateGeometry,
} from '../geo/index.ts';
import type { Location, RowIssue } from './pipeline-error.ts';

export interface Footprint {
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
  point: [number, number];
  /** What `repairGeometry` did to a self-intersecting outline; null when it had nothing to do. */
  repair: Omit<GeometryRepair, 'geometry'> | null;
}

export interface SimplifyOptions {
  /** Douglas–Peucker tolerance in degrees. */
  toleranceDeg: number;
  /** Decimals kept in coordinates (5 ≈ 1 m, 4 ≈ 10 m). */
  decimals: number;
}

const DIAGNOSES = {
  swapped: 'coordinates look like latitude/longitude swapped (GeoJSON wants longitude first)',
  lambert93: 'coordinates look like Lambert-93 (EPSG:2154) but no CRS is declared: declare `crs: 2154` in the registry',
  outside: 'coordinates lie outside France (métropole and DROM)',
} as const;

/**
 * Turns a raw GeoJSON geometry into a valid, WGS84, RFC 7946-wound, simplified footprint,
 * or says why it cannot. `epsg` is the CRS declared by the file or the registry (null: none).
 * The simplified outline is checked for rings that cross or touch (the source's, or made by
 * simplifying and rounding) and repaired (`repairGeometry`): `repair` says so, for a warning.
 */
export function normaliseGeometry(raw: unknown, epsg: number | null, simplify: SimplifyOptions): Footprint | { problem: string } {
  const problems = validateGeometry(raw);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
    return { problem: `invalid geometry at ${first.path}: ${first.reason}${more}` };
  }
  let geometry = raw as Polygon | MultiPolygon;
  if (epsg !== null && epsg !== 4326) geometry = reprojectGeometry(geometry, epsg);

  const [xmin, ymin, xmax, ymax] = geometryBBox(geometry);
  for (const [x, y] of [[xmin, ymin], [xmax, ymax]] as const) {
    const diagnosis = diagnoseCoordinate(x, y);
    if (diagnosis !== 'ok') return { problem: `${DIAGNOSES[diagnosis]}: (${x}, ${y})` };
  }

  const simplified = simplifyGeometry(rewindGeometry(geometry), simplify.toleranceDeg, simplify.decimals);
  if (simplified === null) return { problem: 'geometry vanishes when simplified (degenerate rings)' };
  const repaired = repairGeometry(simplified, simplify.decimals);
  if (repaired !== null && 'problem' in repaired) return repaired;
  const published = repaired?.geometry ?? simplified;
  const repair = repaired === null ? null : { points: repaired.points, areaChange: repaired.areaChange };
  return { geometry: published, bbox: geometryBBox(published), point: representativePoint(published), repair };
}

/** The warning a repaired footprint deserves (null if it was not repaired), at `at`. */
export function repairWarning(footprint: Footprint, at: Location): RowIssue | null {
  if (footprint.repair === null) return null;
  const { points, areaChange } = footprint.repair;
  const [first] = points;
  const change = areaChange === null ? 'not comparable (input rings cancel out)' : `${areaChange >= 0 ? '+' : '−'}${Math.abs(areaChange * 100).toFixed(3)} %`;
  return {
    location: at,
    reason: `self-intersecting outline repaired: rings crossed or touched at ${points.length} point${points.length > 1 ? 's' : ''}${first === undefined ? '' : ` (first at ${first[0]!.toFixed(6)}, ${first[1]!.toFixed(6)})`}, area ${change}`,
  };
}
