/**
 * Where French territories lie, as WGS84 boxes, for sanity checks of incoming
 * coordinates (is it France? lat/lon swapped? undeclared Lambert-93?).
 *
 * Boxes are generous (≈ 10–30 km around the coastline, Corsica and the islands
 * included) but none of them holds another's swapped coordinates: every territory's
 * latitude range is far from every longitude range, so (lat, lon) never reads as
 * French. Saint-Martin, Saint-Barthélemy, Saint-Pierre-et-Miquelon and the Pacific
 * collectivités are not covered.
 */
import type { BBox } from './bbox.ts';
import { bboxContains } from './bbox.ts';
import { toWgs84 } from './crs.ts';

export type Territoire = 'metropole' | 'guadeloupe' | 'martinique' | 'guyane' | 'reunion' | 'mayotte';

export const FRANCE_EXTENTS: Readonly<Record<Territoire, BBox>> = {
  // Ouessant (-5.14) to Corsica's east coast (9.56); Lavezzi (41.33) to Bray-Dunes (51.09).
  metropole: [-5.5, 41.2, 9.8, 51.3],
  // Basse-Terre, Grande-Terre, Les Saintes, Marie-Galante, La Désirade (-61.81…-61.00, 15.83…16.52).
  guadeloupe: [-62.0, 15.7, -60.8, 16.7],
  // -61.23…-60.81, 14.39…14.88.
  martinique: [-61.4, 14.2, -60.6, 15.0],
  // -54.60…-51.61, 2.11…5.78 (offshore îles du Salut at 5.29).
  guyane: [-54.8, 2.0, -51.4, 6.0],
  // 55.21…55.84, -21.39…-20.87.
  reunion: [55.1, -21.5, 56.0, -20.7],
  // Grande-Terre and Petite-Terre, 44.95…45.31, -13.01…-12.63.
  mayotte: [44.9, -13.1, 45.4, -12.5],
};

const TERRITOIRES = Object.keys(FRANCE_EXTENTS) as Territoire[];

/** Territory whose box holds (lon, lat), or null (also for NaN / infinite input). */
export function territoryOf(lon: number, lat: number): Territoire | null {
  for (const t of TERRITOIRES) {
    if (bboxContains(FRANCE_EXTENTS[t], lon, lat)) return t;
  }
  return null;
}

export type CoordinateDiagnosis = 'ok' | 'swapped' | 'lambert93' | 'outside';

/** Lambert-93 easting/northing ranges over métropole, with margin. */
const L93_X: readonly [number, number] = [0, 1.3e6];
const L93_Y: readonly [number, number] = [6.0e6, 7.2e6];

/**
 * Reads an (x, y) pair meant to be WGS84 lon/lat:
 * - 'ok': (lon = x, lat = y) lies in a French territory;
 * - 'swapped': (lon = y, lat = x) does, so the source wrote lat first;
 * - 'lambert93': x, y look like Lambert-93 metres that land in métropole;
 * - 'outside': none of these (also for NaN / infinite input).
 */
export function diagnoseCoordinate(x: number, y: number): CoordinateDiagnosis {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'outside';
  if (territoryOf(x, y) !== null) return 'ok';
  if (territoryOf(y, x) !== null) return 'swapped';
  if (x >= L93_X[0] && x <= L93_X[1] && y >= L93_Y[0] && y <= L93_Y[1]) {
    const [lon, lat] = toWgs84(x, y, 2154);
    if (territoryOf(lon, lat) === 'metropole') return 'lambert93';
  }
  return 'outside';
}
