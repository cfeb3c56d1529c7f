/**
 * A point strictly inside a polygon, by the scan-line method of JTS
 * `InteriorPointArea`: cut the polygon with a horizontal line that avoids every vertex,
 * and take the middle of the widest inside stretch.
 *
 * Why not turf pointOnFeature: when the centre is outside (a U-shaped or ring-shaped
 * district), it returns the vertex nearest the centre, i.e. a point on the boundary.
 */
import type { Position } from 'geojson';

/**
 * Latitude halfway between the two vertex latitudes closest to the middle of the
 * polygon's latitude range, one at or below it, one above: no vertex lies on it.
 */
function scanLatitude(rings: readonly (readonly Position[])[]): number | null {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [, y = NaN] of ring) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (!(minY < maxY)) return null;
  const centre = (minY + maxY) / 2;
  let lo = minY;
  let hi = maxY;
  for (const ring of rings) {
    for (const [, y = NaN] of ring) {
      if (y <= centre) {
        if (y > lo) lo = y;
      } else if (y < hi) {
        hi = y;
      }
    }
  }
  return (lo + hi) / 2;
}

/**
 * Point strictly inside the polygon with rings `rings` (outer first, holes after), or
 * null for a degenerate one (no area, no vertex, NaN). Rings must be closed.
 */
export function interiorPoint(rings: readonly (readonly Position[])[]): [number, number] | null {
  const y = scanLatitude(rings);
  if (y === null) return null;
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i += 1) {
      const [x1 = NaN, y1 = NaN] = ring[i - 1] ?? [];
      const [x2 = NaN, y2 = NaN] = ring[i] ?? [];
      if (y1 < y !== y2 < y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  if (crossings.some(Number.isNaN)) return null;
  crossings.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let bestWidth = 0;
  // Even-odd rule: stretches [c0, c1], [c2, c3], … are inside (holes cut them).
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const a = crossings[i] ?? NaN;
    const b = crossings[i + 1] ?? NaN;
    if (b - a > bestWidth) {
      bestWidth = b - a;
      best = [(a + b) / 2, y];
    }
  }
  return best;
}
