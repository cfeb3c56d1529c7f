import { locateCommune } from './normalise-codes.ts';
import { type CoordinateCells, resolveCoordinates } from './resolve-coordinates.ts';

export interface Placement {
  commune_code: string;
  departement_code: string;
  region_code: string;
  lon: number | null;
  lat: number | null;
}

export type PlacementOutcome = { ok: true; value: Placement } | { ok: false; field: 'commune_code' | 'latitude' | 'x' | 'epsg'; value: unknown; reason: string; skip?: boolean };

/** Commune, département, région and WGS84 point of a row, or the first reason it has none. */
export function placeRow(communeCode: string, coordinates: CoordinateCells, regionOfDepartement: ReadonlyMap<string, string>): PlacementOutcome {
  const commune = locateCommune(communeCode, regionOfDepartement);
  if ('reason' in commune) return { ok: false, field: 'commune_code', value: communeCode, reason: commune.reason, skip: commune.outOfScope === true };
  const point = resolveCoordinates(coordinates);
  if ('problem' in point) {
    const value = point.field === 'latitude' ? `${coordinates.latitude}, ${coordinates.longitude}` : point.field === 'x' ? `${coordinates.x}, ${coordinates.y}` : coordinates.epsg;
    return { ok: false, field: point.field, value, reason: point.problem };
  }
  return { ok: true, value: { ...commune, ...point } };
}
