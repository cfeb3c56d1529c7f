/**
 * Union of polygons (turf `union`, polyclip-ts underneath): the perimeter of a Cité from its
 * communes' outlines. Shared edges dissolve; what stays apart becomes a MultiPolygon.
 * Inputs are never mutated.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { feature, featureCollection, union } from '@turf/turf';

/**
 * The union of `geometries`, or null when there is none (or nothing with area is left).
 * One geometry is returned as a copy: turf's `union` wants at least two.
 */
export function unionPolygons(geometries: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return structuredClone(geometries[0]!);
  const merged = union(featureCollection(geometries.map((g) => feature(g))));
  return merged === null ? null : merged.geometry;
}
