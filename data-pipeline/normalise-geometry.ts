import type { MultiPolygon, Polygon } from 'geojson';
import {
  type BBox,
  diagnoseCoordinate,
  geometryBBox,
  representativePoint,
  reprojectGeometry,
  rewindGeometry,
  simplifyGeometry,
  validateGeometry,
} from '../geo/index.ts';

export interface Footprint {
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
  point: [number, number];
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
  return { geometry: simplified, bbox: geometryBBox(simplified), point: representativePoint(simplified) };
}
