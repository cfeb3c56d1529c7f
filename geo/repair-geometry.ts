/**
 * Repair of self-intersecting (Multi)Polygons, as published outlines come out of coordinate
 * truncation (upstream) and of simplification plus rounding (ours): rings that cross or touch
 * themselves or each other. Measured as turf `kinks` does (pruned with an R-tree), repaired with turf `union` (polyclip-ts),
 * then rounded back to the caller's grid. Inputs are never mutated.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { area, circle, difference, feature, featureCollection, union } from '@turf/turf';
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
  for (const p of kinkPoints(g)) {
    const key = `${p[0]},${p[1]}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * turf 7.4 `kinks(g)`'s points, in its order, with its arithmetic, but only for the segment
 * pairs whose bounding boxes meet (a packed R-tree of the segments): turf tries every pair,
 * which made this quadratic in the vertices (7 s of the national pipeline, on communes). Two
 * segments whose boxes are apart cannot meet; turf could still report a point for such a pair
 * only through rounding, for segments on one line (a zero cross product computed as a tiny
 * one), and no published geometry has one (checked by cmp of the pipeline's output).
 */
function kinkPoints(g: Polygon | MultiPolygon): Position[] {
  const lines: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  if (lines.reduce((n, line) => n + line.length - 1, 0) <= BRUTE_FORCE_SEGMENTS) return turfKinks(lines);
  const ringOf: number[] = [];
  const indexOf: number[] = [];
  lines.forEach((line, r) => {
    for (let i = 0; i < line.length - 1; i += 1) {
      ringOf.push(r);
      indexOf.push(i);
    }
  });
  const xy = (r: number, i: number, c: 0 | 1): number => lines[r]![i]![c]!;
  const skipped = (r1: number, r2: number, i: number, k: number): boolean => {
    // turf's pairs: k from i on, adjacent segments and a closed ring's first and last skipped
    const line1 = lines[r1]!;
    if (k < i || lines[r2] !== line1) return k < i;
    const last = line1.length - 1;
    return Math.abs(i - k) === 1 || (i === 0 && k === last - 1 && xy(r1, 0, 0) === xy(r1, last, 0) && xy(r1, 0, 1) === xy(r1, last, 1));
  };
  const intersection = (r1: number, i: number, r2: number, k: number): Position | null =>
    lineIntersects(xy(r1, i, 0), xy(r1, i, 1), xy(r1, i + 1, 0), xy(r1, i + 1, 1), xy(r2, k, 0), xy(r2, k, 1), xy(r2, k + 1, 0), xy(r2, k + 1, 1));
  const box = (r: number, i: number): [number, number, number, number] => {
    const [a, b] = [lines[r]![i]!, lines[r]![i + 1]!];
    return [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)];
  };
  const tree = new Flatbush(ringOf.length);
  for (let s = 0; s < ringOf.length; s += 1) tree.add(...box(ringOf[s]!, indexOf[s]!));
  tree.finish();
  const found: { order: [number, number, number, number]; point: Position }[] = [];
  ringOf.forEach((r1, s) => {
    const i = indexOf[s]!;
    for (const t of tree.search(...box(r1, i))) {
      const r2 = ringOf[t]!;
      const k = indexOf[t]!;
      const point = skipped(r1, r2, i, k) ? null : intersection(r1, i, r2, k);
      if (point !== null) found.push({ order: [r1, r2, i, k], point });
    }
  });
  // turf's loops: ring of the first segment, ring of the second, then their indices.
  found.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.order[3] - b.order[3]);
  return found.map((f) => f.point);
}

/** turf's loops over every pair of segments, for a few of them (cheaper than building a tree). */
function turfKinks(lines: readonly Position[][]): Position[] {
  const points: Position[] = [];
  for (const line1 of lines) {
    const last = line1.length - 1;
    const closed = line1[0]?.[0] === line1[last]?.[0] && line1[0]?.[1] === line1[last]?.[1];
    for (const line2 of lines) {
      for (let i = 0; i < last; i += 1) {
        const p1 = line1[i]!;
        const p2 = line1[i + 1]!;
        for (let k = i; k < line2.length - 1; k += 1) {
          if (line1 === line2 && (Math.abs(i - k) === 1 || (i === 0 && k === last - 1 && closed))) continue;
          const p3 = line2[k]!;
          const p4 = line2[k + 1]!;
          const point = lineIntersects(p1[0]!, p1[1]!, p2[0]!, p2[1]!, p3[0]!, p3[1]!, p4[0]!, p4[1]!);
          if (point !== null) points.push(point);
        }
      }
    }
  }
  return points;
}

/** Up to this many segments, every pair is tried (cheaper than building the tree). */
const BRUTE_FORCE_SEGMENTS = 64;

/** turf kinks' `lineIntersects`, operation for operation: the crossing point, or null. */
function lineIntersects(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, x4: number, y4: number): Position | null {
  const denominator = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
  if (denominator === 0) return null;
  const a0 = y1 - y3;
  const b0 = x1 - x3;
  const a = ((x4 - x3) * a0 - (y4 - y3) * b0) / denominator;
  const b = ((x2 - x1) * a0 - (y2 - y1) * b0) / denominator;
  return a >= 0 && a <= 1 && b >= 0 && b <= 1 ? [x1 + a * (x2 - x1), y1 + a * (y2 - y1)] : null;
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
