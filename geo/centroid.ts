/**
 * One point to stand for an area: for labels, tooltips and "which département is
 * this commune in" joins, where it must fall inside the area itself.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import { interiorPoint } from './interior-point.ts';
import { GeometryError } from './validate-geometry.ts';

/** Rings of the part with the largest geodesic area (first one on a tie). */
function largestPart(g: Polygon | MultiPolygon): Position[][] | null {
  if (g.type === 'Polygon') return g.coordinates.length > 0 ? g.coordinates : null;
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const rings of g.coordinates) {
    if (rings.length === 0) continue;
    const a = area({ type: 'Polygon', coordinates: rings });
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  return best;
}

/**
 * A point inside `g` (of its largest part, for a MultiPolygon), not in a hole:
 * turf's centroid when strictly inside, else a scan-line interior point (for U
 * shapes, rings around a hole). Only a part with no area (all points collinear)
 * falls back to turf pointOnFeature, which then returns a vertex.
 * @throws GeometryError for an empty geometry.
 */
export function representativePoint(g: Polygon | MultiPolygon): [number, number] {
  const rings = largestPart(g);
  const outer = rings?.[0];
  if (rings === null || outer === undefined || outer.length === 0) {
    throw new GeometryError(`cannot place a point in an empty ${g.type}`);
  }
  const part: Polygon = { type: 'Polygon', coordinates: rings };
  const [cx = NaN, cy = NaN] = centroid(part).geometry.coordinates;
  if (booleanPointInPolygon([cx, cy], part, { ignoreBoundary: true })) return [cx, cy];
  const inside = interiorPoint(rings);
  if (inside !== null) return inside;
  const [px = NaN, py = NaN] = pointOnFeature(part).geometry.coordinates;
  return [px, py];
}
