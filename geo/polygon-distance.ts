/**
 * Point-to-(Multi)Polygon distance, bit for bit the value of turf 7.4's
 * `pointToPolygonDistance(point, g, { units: 'meters' })` (its default `geodesic` method),
 * clamped at 0, without turf's allocations: turf builds a LineString, a Feature and several
 * arrays per ring SEGMENT (`pointToLineDistance` → `nearestPointOnLine`), which made GC most
 * of the national pipeline's time (issue 24).
 *
 * The port repeats turf's floating-point operations in turf's order (same `Math.pow`, same
 * `%` normalisations, same degree round trips), so the results are identical, not just close;
 * tests/unit/geo-polygon-index.test.ts compares them with turf on real outlines. What it adds:
 * - the unit vectors of the vertices are computed once per polygon (turf recomputes them for
 *   each segment; the same expressions give the same numbers);
 * - a segment is skipped when a cheap lower bound on its distance already exceeds the best
 *   found so far (or the caller's cap) by more than turf's own rounding error on it: a skipped
 *   segment could not have been the strict minimum turf keeps, so the value does not change;
 * - a point-in-polygon test only where turf's sign logic needs one.
 * Point-in-polygon itself stays turf's `booleanPointInPolygon` (boundary counts as inside),
 * as in turf.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, earthRadius } from '@turf/turf';
import { greatCircleBulgeDeg } from './search-window.ts';

/** turf's `factors.degrees`: its distances in degrees are radians × this. */
const DEGREES_PER_RADIAN = 360 / (2 * Math.PI);
/**
 * Lower bounds use hav(x) ≥ (x/2)²(1 − x²/12) for x ≤ MAX_BOUND_DEG, hence the factor; gaps
 * are clamped to MAX_BOUND_DEG (2.8° ≈ 0.049 rad: sqrt(1 − 0.049²/12) > 0.9998).
 */
const MAX_BOUND_DEG = 2.8;
const BOUND_FACTOR = 0.9998;

/** Where turf's nearest point on a segment lies. */
const [START, STOP, POINT, INTERIOR] = [0, 1, 2, 3];

/** turf's helpers, operation for operation. */
function degreesToRadians(degrees: number): number {
  return ((degrees % 360) * Math.PI) / 180;
}
function radiansToDegrees(radians: number): number {
  return ((radians % (2 * Math.PI)) * 180) / Math.PI;
}

interface Ring {
  /** The ring alone as a Polygon, for turf's point-in-polygon (as turf recurses on it). */
  readonly geometry: Polygon;
  /** lon, lat of each vertex. */
  readonly xy: Float64Array;
  /** turf's `lngLatToVector` of each vertex (x, y, z). */
  readonly vec: Float64Array;
  /**
   * Per segment: how far (degrees) turf's computed distance may fall below the true one.
   * Its nearest point lies on the plane of cross(A, B), whose direction is known to about
   * 1e-15 / |A − B| rad: short segments are trusted less, zero-length ones never skipped.
   */
  readonly slack: Float64Array;
  readonly maxSlack: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

interface Part {
  readonly rings: readonly Ring[];
}

/** A (Multi)Polygon prepared for repeated distance queries. */
export interface PreparedPolygon {
  readonly geometry: Polygon | MultiPolygon;
  readonly parts: readonly Part[];
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly maxSlack: number;
  /** Largest |latitude| of a vertex, degrees. */
  readonly maxAbsLat: number;
  /** How far its edges stray in latitude beyond their vertices (greatCircleBulgeDeg). */
  readonly bulgeDeg: number;
}

function prepareRing(ring: Position[]): Ring {
  const n = ring.length;
  const xy = new Float64Array(2 * n);
  const vec = new Float64Array(3 * n);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i += 1) {
    const [x = NaN, y = NaN] = ring[i] ?? [];
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    const lat = degreesToRadians(y);
    const lng = degreesToRadians(x);
    vec[3 * i] = Math.cos(lat) * Math.cos(lng);
    vec[3 * i + 1] = Math.cos(lat) * Math.sin(lng);
    vec[3 * i + 2] = Math.sin(lat);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const slack = new Float64Array(Math.max(0, n - 1));
  let maxSlack = 0;
  for (let i = 0; i + 1 < n; i += 1) {
    const dx = vec[3 * i]! - vec[3 * i + 3]!;
    const dy = vec[3 * i + 1]! - vec[3 * i + 4]!;
    const dz = vec[3 * i + 2]! - vec[3 * i + 5]!;
    const chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
    // 1e-14 / chord rad: ten times the error of cross(A, B)'s direction; 1e-12 rad floor.
    const s = chord > 0 ? (1e-14 / chord + 1e-12) * DEGREES_PER_RADIAN : Infinity;
    slack[i] = s;
    if (s > maxSlack) maxSlack = s;
  }
  return { geometry: { type: 'Polygon', coordinates: [ring] }, xy, vec, slack, maxSlack, minX, minY, maxX, maxY };
}

export function preparePolygon(geometry: Polygon | MultiPolygon): PreparedPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts = polygons.map((rings) => ({ rings: rings.map(prepareRing) }));
  const rings = parts.flatMap((p) => p.rings);
  const minX = Math.min(...rings.map((r) => r.minX));
  const minY = Math.min(...rings.map((r) => r.minY));
  const maxX = Math.max(...rings.map((r) => r.maxX));
  const maxY = Math.max(...rings.map((r) => r.maxY));
  return {
    geometry,
    parts,
    minX,
    minY,
    maxX,
    maxY,
    maxSlack: Math.max(0, ...rings.map((r) => r.maxSlack)),
    maxAbsLat: Math.max(Math.abs(minY), Math.abs(maxY)),
    bulgeDeg: greatCircleBulgeDeg(geometry),
  };
}

/** The query point, with what every segment test reuses. */
class Query {
  readonly point: [number, number];
  readonly cx: number;
  readonly cy: number;
  readonly cz: number;
  /** turf's cos(degreesToRadians(lat)) of the point, as in its haversine. */
  readonly cosLat: number;
  constructor(
    readonly lon: number,
    readonly lat: number,
    /** Latitude pad (degrees) for edges bulging beyond their vertices (greatCircleBulgeDeg). */
    readonly bulgeDeg: number,
    /** Segments whose distance surely exceeds this many degrees are not measured. */
    readonly capDeg: number,
  ) {
    this.point = [lon, lat];
    const la = degreesToRadians(lat);
    const lo = degreesToRadians(lon);
    this.cx = Math.cos(la) * Math.cos(lo);
    this.cy = Math.cos(la) * Math.sin(lo);
    this.cz = Math.sin(la);
    this.cosLat = Math.cos(degreesToRadians(lat));
  }

  /** cos of the largest |latitude| the point or a box reaching `maxAbsLat` can have. */
  cosMaxLat(maxAbsLat: number): number {
    const worst = Math.min(90, Math.max(Math.abs(this.lat), maxAbsLat + this.bulgeDeg));
    return Math.max(0, Math.cos((worst * Math.PI) / 180));
  }

  /**
   * Lower bound (degrees) on the great-circle distance from the point to anything whose
   * vertices lie in the box (edges may bulge by bulgeDeg in latitude), `k` from cosMaxLat:
   * hav(d) ≥ hav(Δφ) + k² hav(Δλ), with Δφ and Δλ at least the box gaps.
   */
  lowerBound(minX: number, minY: number, maxX: number, maxY: number, k: number): number {
    let gx = Math.max(0, minX - this.lon, this.lon - maxX);
    if (gx > 180 || maxX - minX >= 180) gx = 0;
    const gy = Math.max(0, minY - this.bulgeDeg - this.lat, this.lat - maxY - this.bulgeDeg);
    const x = k * Math.min(gx, MAX_BOUND_DEG);
    const y = Math.min(gy, MAX_BOUND_DEG);
    return BOUND_FACTOR * Math.sqrt(x * x + y * y);
  }
}

/**
 * turf's distance (degrees) from the point to the ring as a line, or Infinity when every
 * segment surely lies farther than min(capDeg, best found): `pointToLineDistance` over
 * `polygonToLine`, each segment through `nearestPointOnLine` (`distance` in degrees).
 */
function ringDistanceDeg(q: Query, ring: Ring): number {
  const k = q.cosMaxLat(Math.max(Math.abs(ring.minY), Math.abs(ring.maxY)));
  if (q.lowerBound(ring.minX, ring.minY, ring.maxX, ring.maxY, k) > q.capDeg + ring.maxSlack) return Infinity;
  const { xy, vec, slack } = ring;
  const { lon: px, lat: py, cx, cy, cz } = q;
  const segments = slack.length;
  let best = Infinity;
  for (let i = 0; i < segments; i += 1) {
    const x0 = xy[2 * i]!;
    const y0 = xy[2 * i + 1]!;
    const x1 = xy[2 * i + 2]!;
    const y1 = xy[2 * i + 3]!;
    const limit = Math.min(best, q.capDeg) + slack[i]!;
    if (limit < Infinity && q.lowerBound(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), k) > limit) continue;
    // nearestPointOnLine: the stop, the start, or nearestPointOnSegment(posA, posB, posC).
    let nearest = x1 === px && y1 === py ? STOP : x0 === px && y0 === py ? START : INTERIOR;
    let ix = NaN;
    let iy = NaN;
    if (nearest === INTERIOR) {
      const ax = vec[3 * i]!;
      const ay = vec[3 * i + 1]!;
      const az = vec[3 * i + 2]!;
      const bx = vec[3 * i + 3]!;
      const by = vec[3 * i + 4]!;
      const bz = vec[3 * i + 5]!;
      // segmentAxis = cross(A, B), targetAxis = cross(segmentAxis, C)
      const sx = ay * bz - az * by;
      const sy = az * bx - ax * bz;
      const sz = ax * by - ay * bx;
      const tx = sy * cz - sz * cy;
      const ty = sz * cx - sx * cz;
      const tz = sx * cy - sy * cx;
      if (sx === 0 && sy === 0 && sz === 0) nearest = ax * bx + ay * by + az * bz > 0 ? STOP : POINT;
      else if (tx === 0 && ty === 0 && tz === 0) nearest = STOP;
      else {
        // intersectionAxis = cross(targetAxis, segmentAxis), normalised: I1, and I2 = -I1
        const ux = ty * sz - tz * sy;
        const uy = tz * sx - tx * sz;
        const uz = tx * sy - ty * sx;
        const um = Math.sqrt(Math.pow(ux, 2) + Math.pow(uy, 2) + Math.pow(uz, 2));
        const i1x = ux / um;
        const i1y = uy / um;
        const i1z = uz / um;
        const first = cx * i1x + cy * i1y + cz * i1z > cx * -i1x + cy * -i1y + cz * -i1z;
        const jx = first ? i1x : -i1x;
        const jy = first ? i1y : -i1y;
        const jz = first ? i1z : -i1z;
        const sm = Math.sqrt(Math.pow(sx, 2) + Math.pow(sy, 2) + Math.pow(sz, 2));
        const nx = sx / sm;
        const ny = sy / sm;
        const nz = sz / sm;
        // dot(cross(A, I), n) and dot(cross(I, B), n)
        const cmpAI = (ay * jz - az * jy) * nx + (az * jx - ax * jz) * ny + (ax * jy - ay * jx) * nz;
        const cmpIB = (jy * bz - jz * by) * nx + (jz * bx - jx * bz) * ny + (jx * by - jy * bx) * nz;
        if (cmpAI >= 0 && cmpIB >= 0) {
          iy = radiansToDegrees(Math.asin(Math.min(Math.max(jz, -1), 1)));
          ix = radiansToDegrees(Math.atan2(jy, jx));
        } else nearest = ax * cx + ay * cy + az * cz > bx * cx + by * cy + bz * cz ? START : STOP;
      }
    }
    if (nearest !== INTERIOR) {
      ix = nearest === START ? x0 : nearest === STOP ? x1 : px;
      iy = nearest === START ? y0 : nearest === STOP ? y1 : py;
    }
    // distance(inputPoint, intersectPos, { units: 'degrees' })
    const dLat = degreesToRadians(iy - py);
    const dLon = degreesToRadians(ix - px);
    const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * q.cosLat * Math.cos(degreesToRadians(iy));
    const d = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * DEGREES_PER_RADIAN;
    if (d < best) best = d;
  }
  return best;
}

/** turf's `convertLength(deg, 'degrees', 'meters')`. */
function degreesToMeters(deg: number): number {
  return (deg / DEGREES_PER_RADIAN) * earthRadius;
}

function ringMeters(q: Query, ring: Ring): number {
  const deg = ringDistanceDeg(q, ring);
  return deg === Infinity ? Infinity : degreesToMeters(deg);
}

function inside(q: Query, g: Polygon | MultiPolygon, minX: number, minY: number, maxX: number, maxY: number): boolean {
  // Out of the vertices' box, turf's test is false: skip it.
  if (q.lon < minX || q.lon > maxX || q.lat < minY || q.lat > maxY) return false;
  return booleanPointInPolygon(q.point, g);
}

function ringInside(q: Query, ring: Ring): boolean {
  return inside(q, ring.geometry, ring.minX, ring.minY, ring.maxX, ring.maxY);
}

/**
 * turf's signed distance of one part (a Polygon's rings), as its recursion computes it
 * (negative inside). `topLevel` false: a MultiPolygon's part, of which turf keeps |value|
 * (and only when the point is in no part). Distances over the cap come back as Infinity,
 * harmless as turf combines them with min, max and sign changes only.
 */
function partSigned(q: Query, part: Part, topLevel: boolean): number {
  const [outer, ...holes] = part.rings;
  if (outer === undefined) return Infinity;
  if (holes.length === 0) {
    if (!topLevel) return ringMeters(q, outer); // only |d| is used for MultiPolygon parts
    return ringInside(q, outer) ? -0 : ringMeters(q, outer); // turf: -d, clamped to 0 by the caller
  }
  if (!ringInside(q, outer)) return ringMeters(q, outer);
  // Inside the outer ring: exterior = -d0 (≤ 0).
  const holeInside = holes.map((h) => ringInside(q, h));
  if (topLevel && !holeInside.includes(true)) return -0; // max(-s, exterior) ≤ 0, or exterior -0 returned
  const exterior = -ringMeters(q, outer);
  if (exterior >= 0) return exterior;
  const interior = holes.map((h, i) => (holeInside[i] ? -ringMeters(q, h) : ringMeters(q, h)));
  const smallest = Math.min(...interior);
  if (smallest < 0) return Math.abs(smallest);
  return Math.max(smallest * -1, exterior);
}

/**
 * `Math.max(0, turf.pointToPolygonDistance([lon, lat], g, { units: 'meters' }))`, or Infinity
 * when that is surely over `capMeters` (callers keep only distances ≤ a radius).
 */
export function pointToPolygonMeters(p: PreparedPolygon, lon: number, lat: number, capMeters = Infinity): number {
  // The cap in degrees, widened far beyond the rounding of the conversion back to metres.
  const capDeg = capMeters === Infinity ? Infinity : (capMeters / earthRadius) * DEGREES_PER_RADIAN * (1 + 1e-9) + 1e-15;
  const q = new Query(lon, lat, p.bulgeDeg, capDeg);
  const k = q.cosMaxLat(p.maxAbsLat);
  if (q.lowerBound(p.minX, p.minY, p.maxX, p.maxY, k) > capDeg + p.maxSlack) return Infinity;
  if (p.geometry.type === 'Polygon') {
    const [part] = p.parts;
    return part === undefined ? Infinity : Math.max(0, partSigned(q, part, true));
  }
  if (inside(q, p.geometry, p.minX, p.minY, p.maxX, p.maxY)) return 0;
  let min = Infinity;
  for (const part of p.parts) min = Math.min(min, Math.abs(partSigned(q, part, false)));
  return min;
}

const prepared = new WeakMap<Polygon | MultiPolygon, PreparedPolygon>();

/**
 * Great-circle metres from the point to the polygon, 0 when the point lies in it (boundary
 * included), exactly `Math.max(0, pointToPolygonDistance([lon, lat], g, { units: 'meters' }))`
 * of turf 7.4, but without its per-segment allocations. What is reused across calls is
 * cached per geometry OBJECT: do not mutate a geometry after measuring to it.
 */
export function polygonDistanceMeters(lon: number, lat: number, g: Polygon | MultiPolygon): number {
  let p = prepared.get(g);
  if (p === undefined) {
    p = preparePolygon(g);
    prepared.set(g, p);
  }
  return pointToPolygonMeters(p, lon, lat);
}
