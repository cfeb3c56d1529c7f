import type { MultiPolygon } from 'geojson';
import { diagnoseCoordinate } from '../../geo/index.ts';

/**
 * What the ministry's académie contours (`fr-en-contour-academies-2020`) need before they go
 * through the territoires reader: their fields renamed, and the parts lying outside the
 * territories the observatory maps taken away.
 */

/** The file names its fields `code_academie`, `name`, `code_region_2016` (INSEE 2016 région codes, those of COG 2018). */
export function academieProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return { code: properties.code_academie, nom: properties.name, region_code: properties.code_region_2016 ?? '' };
}

/** Source field of each renamed property, to locate a rejection in the file. */
export const ACADEMIE_FIELDS: Readonly<Record<string, string>> = { code: 'code_academie', nom: 'name', region_code: 'code_region_2016' };

/**
 * The académie de Normandie includes Saint-Pierre-et-Miquelon, outside the extents the
 * pipeline accepts (métropole and the 5 DROM): such parts of a MultiPolygon are dropped,
 * rather than rejecting the whole académie. Anything else is returned as is, for the
 * geometry checks to judge.
 */
export function withoutPartsOutsideFrance(geometry: unknown): { geometry: unknown; dropped: number } {
  const g = geometry as Partial<MultiPolygon> | null;
  if (g?.type !== 'MultiPolygon' || !Array.isArray(g.coordinates)) return { geometry, dropped: 0 };
  const inside = g.coordinates.filter((polygon) => {
    const first = polygon?.[0]?.[0];
    return !Array.isArray(first) || diagnoseCoordinate(Number(first[0]), Number(first[1])) !== 'outside';
  });
  if (inside.length === g.coordinates.length || inside.length === 0) return { geometry, dropped: 0 };
  return { geometry: { type: 'MultiPolygon', coordinates: inside }, dropped: g.coordinates.length - inside.length };
}
