/**
 * Repair of self-intersecting (Multi)Polygons, as published outlines come out of coordinate
 * truncation (upstream) and of simplification plus rounding (ours): rings that cross or touch
 * themselves or each other. Measured with turf `kinks`, repaired with turf `union` (polyclip-ts),
 * then rounded back to the caller's grid. Inputs are never mutated.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area, circle, difference, feature, featureCollection, kinks, union } from '@turf/turf';
import { simplifyGeometry } from './simplify.ts';

export interface GeometryRepair {
  geometry: Polygon | MultiPolygon;
  /** Points where the input's rings crossed or touched (turf kinks, duplicates removed). */
  points: Position[];
  /**
   * (repaired area − input area) / input area, geodesic (turf area); null when the input's area
   * reads as 0 (a ring whose lobes cancel out, as a bow tie's do).
   */
  areaChange: number | null;
}

/** Metres in one degree of latitude: turns a grid of `decimals` into a distance. */
const METERS_PER_DEGREE = 111_320;
/** Radii of the discs cut at touch points, in grid cells; one more attempt per entry. */
const SEPARATION_STEPS = [2, 4, 8] as const;

/**
 * Where the rings of `g` cross or touch (themselves, another ring, another part): turf `kinks`
 * over every ring of the geometry, one position per distinct point, in kinks' order. Rings are
 * expected without repeated consecutive positions (as `simplifyGeometry` returns them):
 * kinks reads a repeat as a touch.
 */
export function selfIntersections(g: Polygon | MultiPolygon): Position[] {
  const seen = new Set<string>();
  const out: Position[] = [];
  for (const k of kinks(g).features) {
    const p = k.geometry.coordinates;
    const key = `${p[0]},${p[1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * `g` rebuilt with simple rings, under the non-zero rule (polyclip-ts, behind turf `union`,
 * reads a self-crossing ring that way; a valid geometry comes out unchanged but for vertex
 * order). turf's `union` wants two inputs: `g` with itself is `g`.
 */
function rebuild(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  return union(featureCollection([feature(g), feature(g)]))?.geometry ?? null;
}

/**
 * Separates rings that still touch at a point after `rebuild` (two parts of a figure of eight,
 * a hole on its outer ring: valid for OGC, a kink for turf) by cutting a small disc there.
 */
function separate(g: Polygon | MultiPolygon, points: readonly Position[], radiusMeters: number): Polygon | MultiPolygon | null {
  const discs = points.map((p) => circle(p, radiusMeters, { units: 'meters', steps: 16 }));
  return difference(featureCollection([feature(g), ...discs]))?.geometry ?? null;
}

/**
 * A copy of `g` whose rings neither cross nor touch (turf `kinks` finds nothing), rounded to
 * `decimals` like `simplifyGeometry`, or null when `g` has no self-intersection (nothing to
 * do). Crossing rings are rebuilt with polyclip's non-zero rule; rings left touching at a point
 * are pulled apart by cutting a disc of 2 grid cells there (≈ 2 m at 5 decimals, ≈ 220 m at
 * 3), retried with 4 and 8 cells when rounding brings them back together. Returns
 * `{ problem }` when no attempt gives a clean geometry, or when nothing with area is left.
 */
export function repairGeometry(g: Polygon | MultiPolygon, decimals: number): GeometryRepair | { problem: string } | null {
  const points = selfIntersections(g);
  if (points.length === 0) return null;
  const cell = METERS_PER_DEGREE * 10 ** -decimals;
  let current: Polygon | MultiPolygon = g;
  for (const cells of SEPARATION_STEPS) {
    const rebuilt = rebuild(current);
    const touching = rebuilt === null ? [] : selfIntersections(rebuilt);
    const separated = rebuilt === null || touching.length === 0 ? rebuilt : separate(rebuilt, touching, cells * cell);
    const rounded = separated === null ? null : simplifyGeometry(separated, 0, decimals);
    if (rounded === null) return { problem: `self-intersecting geometry (${describePoints(points)}) has no area left once repaired` };
    if (selfIntersections(rounded).length === 0) {
      const before = area(g);
      return { geometry: rounded, points, areaChange: before > 0 ? (area(rounded) - before) / before : null };
    }
    current = rounded;
  }
  return { problem: `self-intersecting geometry (${describePoints(points)}) could not be repaired` };
}

function describePoints(points: readonly Position[]): string {
  const [first] = points;
  const at = first === undefined ? '' : ` first at ${first[0]}, ${first[1]}`;
  return `${points.length} point${points.length > 1 ? 's' : ''}${at}`;
}
