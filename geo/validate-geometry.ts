/**
 * Structural checks of an untrusted (Multi)Polygon, with located problems, and
 * RFC 7946 winding. What is checked is what geo/ relies on: shape of the arrays,
 * finite numbers, rings of 4+ positions that close. Self-intersections are not
 * checked (turf booleanValid does it, at a cost).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { rewind } from '@turf/turf';

export interface GeometryProblem {
  /** Where, e.g. `coordinates[0][2][5]` (polygon 0, ring 2, position 5); '' = the value itself. */
  path: string;
  reason: string;
}

/** A geometry geo/ cannot work with; `problems` says where, when known. */
export class GeometryError extends Error {
  override readonly name = 'GeometryError';
  constructor(
    message: string,
    readonly problems: readonly GeometryProblem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Reported problems stop here: one broken file must not produce a million lines. */
const MAX_PROBLEMS = 100;

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return 'null';
  if (typeof v === 'string') return `"${v.slice(0, 40)}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v;
}

function checkPosition(p: unknown, path: string, out: GeometryProblem[]): boolean {
  if (!Array.isArray(p) || p.length < 2) {
    out.push({ path, reason: `expected a position [lon, lat], got ${describe(p)}` });
    return false;
  }
  const bad = p.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n));
  if (bad >= 0) {
    out.push({ path, reason: `ordinate ${bad} is ${describe(p[bad])}, expected a finite number` });
    return false;
  }
  return true;
}

function checkRing(ring: unknown, path: string, out: GeometryProblem[]): void {
  if (!Array.isArray(ring)) {
    out.push({ path, reason: `expected a ring (array of positions), got ${describe(ring)}` });
    return;
  }
  const valid = ring.map((p, i) => out.length < MAX_PROBLEMS && checkPosition(p, `${path}[${i}]`, out));
  if (ring.length < 4) {
    out.push({ path, reason: `ring has ${ring.length} positions, expected at least 4` });
    return;
  }
  // Closure is only judged between two readable positions.
  if (!valid[0] || !valid[ring.length - 1]) return;
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    out.push({ path, reason: `ring is not closed: first position [${first.join(', ')}] differs from last [${last.join(', ')}]` });
  }
}

function checkPolygon(rings: unknown, path: string, out: GeometryProblem[]): void {
  if (!Array.isArray(rings)) {
    out.push({ path, reason: `expected an array of rings, got ${describe(rings)}` });
    return;
  }
  if (rings.length === 0) out.push({ path, reason: 'polygon has no ring' });
  rings.forEach((ring, i) => {
    if (out.length < MAX_PROBLEMS) checkRing(ring, `${path}[${i}]`, out);
  });
}

/**
 * Problems of `g` as a GeoJSON Polygon or MultiPolygon geometry; [] when sound.
 * Stops after MAX_PROBLEMS (100).
 */
export function validateGeometry(g: unknown): GeometryProblem[] {
  const out: GeometryProblem[] = [];
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    return [{ path: '', reason: `expected a GeoJSON geometry object, got ${describe(g)}` }];
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return [{ path: 'type', reason: `expected "Polygon" or "MultiPolygon", got ${describe(type)}` }];
  }
  if (!Array.isArray(coordinates)) {
    return [{ path: 'coordinates', reason: `expected an array, got ${describe(coordinates)}` }];
  }
  if (coordinates.length === 0) return [{ path: 'coordinates', reason: `empty ${type}` }];
  if (type === 'Polygon') {
    checkPolygon(coordinates, 'coordinates', out);
  } else {
    coordinates.forEach((rings, i) => {
      if (out.length < MAX_PROBLEMS) checkPolygon(rings, `coordinates[${i}]`, out);
    });
  }
  return out.slice(0, MAX_PROBLEMS);
}

/**
 * Copy of `g` wound as RFC 7946 asks: outer rings counter-clockwise, holes clockwise
 * (turf rewind, shoelace formula). Input left intact.
 */
export function rewindGeometry<G extends Polygon | MultiPolygon>(g: G): G {
  return rewind(g, { reverse: false, mutate: false }) as G;
}
