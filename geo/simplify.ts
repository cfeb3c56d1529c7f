/**
 * Lighter geometries for shipping to the browser: Douglas–Peucker (turf), then
 * coordinate rounding, then clean-up of what rounding breaks (repeated points,
 * collapsed rings). Inputs are never mutated.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { simplify, truncate } from '@turf/turf';

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`invalid decimals ${decimals}: expected an integer from 0 to 15`);
  }
}

/**
 * Copy of `g` with x, y and z rounded to `decimals` places (turf truncate; a 4th
 * ordinate, if any, is dropped).
 */
export function roundGeometry<G extends Polygon | MultiPolygon>(g: G, decimals: number): G {
  checkDecimals(decimals);
  return truncate(g, { precision: decimals, coordinates: 3, mutate: false });
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Drops consecutive repeats, closes the ring, and returns null if what is left cannot
 * bound an area: fewer than 4 positions, or fewer than 3 distinct ones (A-B-A-B-A).
 */
function cleanRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last === undefined || !samePosition(last, p)) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first !== undefined && last !== undefined && !samePosition(first, last)) out.push(first);
  if (out.length < 4) return null;
  const distinct = new Set(out.map((p) => `${p[0]},${p[1]}`));
  return distinct.size >= 3 ? out : null;
}

/** Outer ring first; if it collapses, the holes go with it. */
function cleanPolygon(rings: readonly Position[][]): Position[][] | null {
  const [outer, ...holes] = rings;
  const cleanOuter = outer === undefined ? null : cleanRing(outer);
  if (cleanOuter === null) return null;
  const cleanHoles = holes.map(cleanRing).filter((r): r is Position[] => r !== null);
  return [cleanOuter, ...cleanHoles];
}

/**
 * One ring through turf simplify. Rings are simplified independently by turf anyway;
 * doing it ring by ring lets a ring whose points are all collinear (turf's cleanCoords
 * throws "invalid polygon" on it) count as collapsed instead of failing the geometry.
 */
function simplifyRing(ring: Position[], toleranceDeg: number): Position[] | null {
  const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
  try {
    const [out] = simplify(polygon, { tolerance: toleranceDeg, highQuality: false, mutate: false }).coordinates;
    return out ?? null;
  } catch {
    return null;
  }
}

function simplifyPolygon(rings: readonly Position[][], toleranceDeg: number, decimals: number): Position[][] | null {
  const cleaned = cleanPolygon(rings);
  if (cleaned === null) return null;
  const [outer, ...holes] = cleaned.map((ring) => simplifyRing(ring, toleranceDeg));
  // A collapsed hole is dropped; a collapsed outer ring takes the polygon with it.
  if (outer === null || outer === undefined) return null;
  const kept = [outer, ...holes.filter((r): r is Position[] => r !== null)];
  const rounded = roundGeometry<Polygon>({ type: 'Polygon', coordinates: kept }, decimals);
  return cleanPolygon(rounded.coordinates);
}

/**
 * Douglas–Peucker with `toleranceDeg` (turf simplify, radial pre-pass, input left
 * intact), rounding to `decimals`, then removal of repeated points and of rings left
 * with fewer than 4 positions (or fewer than 3 distinct ones, or all collinear); a
 * polygon whose outer ring collapses is dropped with its holes. Returns null when
 * nothing remains (or the input is empty). Rings come out closed. Rounding can still
 * make rings touch or cross: callers needing strict validity should check.
 * @throws RangeError on a negative or non-finite tolerance, or bad `decimals`.
 */
export function simplifyGeometry<G extends Polygon | MultiPolygon>(
  g: G,
  toleranceDeg: number,
  decimals: number,
): G | null {
  checkDecimals(decimals);
  if (!(toleranceDeg >= 0) || toleranceDeg === Infinity) {
    throw new RangeError(`invalid tolerance ${toleranceDeg}: expected a finite number of degrees >= 0`);
  }
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = parts
    .map((rings) => simplifyPolygon(rings, toleranceDeg, decimals))
    .filter((p): p is Position[][] => p !== null);
  if (kept.length === 0) return null;
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: kept[0] } as Polygon as G;
  }
  return { type: 'MultiPolygon', coordinates: kept } as MultiPolygon as G;
}
