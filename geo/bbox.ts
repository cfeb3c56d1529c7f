/**
 * Axis-aligned bounding boxes in the geometry's own coordinates (WGS84 lon/lat for
 * everything geo/ returns). An empty geometry has the "empty" box
 * [+Inf, +Inf, -Inf, -Inf], which is the neutral element of `unionBBox` and contains
 * nothing.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { bbox as turfBBox } from '@turf/turf';

/** [minX, minY, maxX, maxY]. */
export type BBox = [number, number, number, number];

export const EMPTY_BBOX: Readonly<BBox> = [Infinity, Infinity, -Infinity, -Infinity];

/**
 * Bounding box of a (Multi)Polygon's vertices. Any stale `bbox` member carried by the
 * input is ignored (turf would otherwise return it as is).
 */
export function geometryBBox(g: Polygon | MultiPolygon): BBox {
  const [minX, minY, maxX, maxY] = turfBBox(g, { recompute: true });
  // turf's bbox is 2-D even for 3-D positions; the tuple is typed 4|6 long.
  return [minX, minY, maxX, maxY];
}

/** Smallest box holding both; the empty box is neutral. */
export function unionBBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** True for a box with no area and no point (minX > maxX or minY > maxY, or NaN). */
export function isEmptyBBox(b: Readonly<BBox>): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

/** Closed test: points on the edge of the box are inside. Always false for NaN. */
export function bboxContains(b: Readonly<BBox>, x: number, y: number): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}
