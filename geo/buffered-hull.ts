/**
 * The area a handful of places cover together (the schools of a REP network): the convex hull
 * of their points (turf `convex`), widened by a distance (turf `buffer`, geodesic enough at
 * this scale: it buffers in an azimuthal equidistant projection centred on the shape).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buffer, convex, lineString, multiPoint, point } from '@turf/turf';

/**
 * Convex hull of `points` (WGS84 lon/lat) buffered by `meters`: a disc around a single point, a
 * rounded band around two points (or points all on one line). Repeated points count once.
 * `steps` is the number of segments per quarter circle of the rounded corners.
 * @throws RangeError when there is no point, or `meters` is not a positive finite number.
 */
export function bufferedHull(points: readonly Position[], meters: number, steps = 8): Polygon | MultiPolygon {
  if (!(meters > 0) || meters === Infinity) throw new RangeError(`invalid buffer ${meters}: expected a positive number of metres`);
  const unique = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, [p[0]!, p[1]!]])).values()];
  if (unique.length === 0) throw new RangeError('no point to cover');
  // concaveman returns no polygon for fewer than 3 points, nor for points on one line.
  const hull = unique.length >= 3 ? convex(multiPoint(unique)) : null;
  const base = hull ?? (unique.length === 1 ? point(unique[0]!) : lineString(unique));
  const widened = buffer(base, meters, { units: 'meters', steps });
  if (widened === undefined) throw new RangeError(`buffer of ${unique.length} point(s) by ${meters} m is empty`);
  return widened.geometry;
}
