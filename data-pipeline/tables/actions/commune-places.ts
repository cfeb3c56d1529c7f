import { type CommunePlace, joinCell } from '../../../src/domain/action-table-row.ts';
import { departementOfCommune } from '../../../src/domain/template-cells.ts';
import type { Location, RowIssue } from '../../pipeline-error.ts';
import type { TableBuild } from '../../table-build.ts';
import type { TerritoireRow } from '../build-territoires.ts';

/** INSEE code → name and point of every commune of `territoires`, to place registry rows and actions. */
export function communePlaces(territoires: Pick<TableBuild<TerritoireRow>, 'rows'>): Map<string, CommunePlace> {
  const places = new Map<string, CommunePlace>();
  for (const row of territoires.rows) {
    if (row.niveau !== 'commune') continue;
    places.set(row.code, { nom: row.nom, lon: typeof row.lon === 'number' ? row.lon : null, lat: typeof row.lat === 'number' ? row.lat : null });
  }
  return places;
}

export interface RegistrePlace {
  communes: string;
  communes_noms: string;
  departement_code: string;
  lon: number | null;
  lat: number | null;
}

/**
 * The communes of a registry row (Cité, PRE) resolved in `territoires`: names, départements
 * and the first commune's point. A code `territoires` does not know rejects the row: a
 * perimeter that cannot be placed would silently vanish from the map.
 */
export function registrePlace(codes: readonly string[], communes: ReadonlyMap<string, CommunePlace>, at: Location): { place: RegistrePlace } | { issue: RowIssue } {
  const unknown = codes.find((c) => !communes.has(c));
  if (unknown !== undefined) {
    return { issue: { location: { ...at, field: 'communes', value: unknown }, reason: 'commune code not in territoires (IGN Admin Express COG 2018)' } };
  }
  const places = codes.map((c) => communes.get(c)!);
  return {
    place: {
      communes: joinCell(codes)!,
      communes_noms: joinCell(places.map((p) => p.nom))!,
      departement_code: joinCell([...new Set(codes.map(departementOfCommune))])!,
      lon: places[0]?.lon ?? null,
      lat: places[0]?.lat ?? null,
    },
  };
}
