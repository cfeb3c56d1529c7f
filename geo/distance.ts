/**
 * Great-circle distance, the one used everywhere in geo/ (turf: spherical earth of
 * radius 6,371,008.8 m, the IUGG mean radius). Over the distances that matter here
 * (a few km) it differs from the ellipsoidal (Vincenty / Karney) distance by at most
 * ~0.5 %; what matters is that the index and the tables agree.
 */
import { distance } from '@turf/turf';

/**
 * Metres between two [lon, lat] WGS84 positions. NaN if any ordinate is not finite.
 */
export function haversineMeters(a: readonly [number, number], b: readonly [number, number]): number {
  if (!a.every(Number.isFinite) || !b.every(Number.isFinite)) return NaN;
  return distance([a[0], a[1]], [b[0], b[1]], { units: 'meters' });
}
