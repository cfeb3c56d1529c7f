/**
 * Bounding-box windows for "within N metres" searches on the sphere.
 *
 * Distances in geo/ are turf's great-circle distances (sphere of radius
 * `earthRadius` = 6,371,008.8 m), and turf measures distance to polygon edges as
 * great-circle arcs. A window must therefore hold (1) the whole spherical cap of radius
 * N around the point, and (2) the poleward bulge of those arcs beyond the latitude range
 * of their vertices, which a bbox of vertices does not see.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { earthRadius } from '@turf/turf';
import type { BBox } from './bbox.ts';

const DEG = 180 / Math.PI;
const RAD = Math.PI / 180;
/** Absorbs floating-point error in the trigonometry below (≈ 0.1 mm). */
const EPSILON_DEG = 1e-9;

/**
 * Box (degrees) holding every point within `meters` great-circle metres of (lon, lat).
 *
 * Latitude extent is ±r (r = meters / earthRadius, the cap's angular radius). The
 * longitude half-width of a cap not containing a pole is asin(sin r / cos φ): near 1/cos φ
 * times the latitude margin, i.e. about 1.4× at 45° N and 2.9× at 70° N, not 1×. If the
 * cap reaches a pole, every longitude is possible. No antimeridian wrapping: the box may
 * extend past ±180 (harmless for France, whose territories are far from it).
 */
export function distanceSearchBox(lon: number, lat: number, meters: number): BBox {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    throw new RangeError(`invalid point (${lon}, ${lat})`);
  }
  if (!(meters >= 0) || meters === Infinity) {
    throw new RangeError(`invalid distance ${meters}: expected a finite number of metres >= 0`);
  }
  const r = meters / earthRadius;
  const dLat = r * DEG;
  const minY = lat - dLat - EPSILON_DEG;
  const maxY = lat + dLat + EPSILON_DEG;
  if (r >= Math.PI / 2 - Math.abs(lat) * RAD) {
    return [-180, Math.max(minY, -90), 180, Math.min(maxY, 90)];
  }
  const dLon = Math.asin(Math.sin(r) / Math.cos(lat * RAD)) * DEG;
  return [lon - dLon - EPSILON_DEG, minY, lon + dLon + EPSILON_DEG, maxY];
}

/**
 * Upper bound (degrees) on how far the great-circle edges of `g` stray, in latitude,
 * outside the latitude range of its vertices.
 *
 * For an edge A–B with |lat| ≤ φ and longitude span Δλ < 180°, the arc stays in the
 * hemisphere bounded by the great circle through (λA, φ) and (λB, φ), whose highest
 * latitude between λA and λB is atan(tan φ / cos(Δλ/2)). The bound is that minus φ
 * (≈ 2e-9° for a 100 m east–west edge in France; 0.003°, 340 m, for a 100 km one at 60°).
 */
export function greatCircleBulgeDeg(g: Polygon | MultiPolygon): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let worst = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i += 1) {
        const a = ring[i - 1];
        const b = ring[i];
        if (a === undefined || b === undefined) continue;
        const [ax = NaN, ay = NaN] = a;
        const [bx = NaN, by = NaN] = b;
        const span = Math.abs(bx - ax);
        if (span === 0) continue;
        if (!(span < 180)) return 90;
        const phi = Math.max(Math.abs(ay), Math.abs(by)) * RAD;
        const top = Math.atan(Math.tan(phi) / Math.cos((span * RAD) / 2));
        const bulge = (top - phi) * DEG;
        if (bulge > worst) worst = bulge;
      }
    }
  }
  return worst;
}
