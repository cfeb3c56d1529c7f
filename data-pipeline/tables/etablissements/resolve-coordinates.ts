import { diagnoseCoordinate, isSupportedEpsg, toWgs84 } from '../../../geo/index.ts';

/** Coordinates of one row, as parsed: WGS84 latitude/longitude and/or projected X/Y + EPSG. */
export interface CoordinateCells {
  latitude: number | null;
  longitude: number | null;
  x: number | null;
  y: number | null;
  epsg: number | null;
}

export type ResolvedCoordinates =
  | { lon: number; lat: number }
  /** No coordinates at all: the row is kept, unplaced. */
  | { lon: null; lat: null }
  | { problem: string; field: 'latitude' | 'x' | 'epsg' };

const PROBLEMS = {
  swapped: 'latitude and longitude swapped',
  lambert93: 'latitude/longitude hold Lambert-93 metres (EPSG:2154 undeclared)',
  outside: 'coordinates outside France (métropole and DROM)',
} as const;

/**
 * WGS84 lon/lat of a row: the published latitude/longitude when given (checked with
 * `diagnoseCoordinate`), else X/Y reprojected from their EPSG. Swapped or undeclared
 * Lambert-93 values are problems, not guesses: the row is rejected with the reason.
 */
export function resolveCoordinates(c: CoordinateCells): ResolvedCoordinates {
  if (c.latitude !== null && c.longitude !== null) {
    const diagnosis = diagnoseCoordinate(c.longitude, c.latitude);
    return diagnosis === 'ok' ? { lon: c.longitude, lat: c.latitude } : { problem: PROBLEMS[diagnosis], field: 'latitude' };
  }
  if (c.latitude !== null || c.longitude !== null) return { problem: 'latitude without longitude, or the reverse', field: 'latitude' };
  if (c.x === null && c.y === null) return { lon: null, lat: null };
  if (c.x === null || c.y === null) return { problem: 'X without Y, or the reverse', field: 'x' };
  if (c.epsg === null) return { problem: 'X/Y without EPSG code', field: 'epsg' };
  if (!isSupportedEpsg(c.epsg)) return { problem: `unsupported CRS EPSG:${c.epsg}`, field: 'epsg' };
  const [lon, lat] = toWgs84(c.x, c.y, c.epsg);
  if (diagnoseCoordinate(lon, lat) !== 'ok') return { problem: `X/Y in EPSG:${c.epsg} land outside France`, field: 'x' };
  // Centimetre precision: the source gives decimetres.
  return { lon: Math.round(lon * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 };
}
