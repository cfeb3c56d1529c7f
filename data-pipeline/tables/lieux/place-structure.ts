import { type Territoire, territoryOf } from '../../../geo/index.ts';
import type { ContratDeVille } from './contrats-de-ville.ts';
import type { CommunePoints } from './lieu-fields.ts';

export interface StructurePlace {
  departement_code: string;
  region_code: string;
  code_cv: string | null;
  lon: number | null;
  lat: number | null;
  precision: 'contrat_de_ville' | null;
  /** Why a structure has no point (a warning), or null when it has one. */
  unplaced: string | null;
}

export type PlaceOutcome = { ok: true; value: StructurePlace } | { ok: false; field: 'code_cv' | 'insee_dep'; value: unknown; reason: string; skip?: boolean };

export interface PlaceContext {
  contrats: ReadonlyMap<string, ContratDeVille>;
  communes: CommunePoints;
  regionOfDepartement: ReadonlyMap<string, string>;
}

const TERRITORY_OF_DEPARTEMENT: Readonly<Record<string, Territoire>> = { '971': 'guadeloupe', '972': 'martinique', '973': 'guyane', '974': 'reunion', '976': 'mayotte' };
const COLLECTIVITES_OUTRE_MER = /^(975|977|978|98\d)$/;

/**
 * Where a structure known by its contrat(s) de ville and/or its département stands:
 * département and région (the post's `insee_dep`, else its contract's), and the contract's
 * ANCT point when it has exactly one. That point is kept only if it lies in the territory of
 * the département: the DROM points of the ANCT file sit at basemap insets off Brittany, so a
 * DROM structure gets its single-commune contract's commune point instead, or no point.
 */
export function placeStructure(codesCv: readonly string[], departement: string | null, context: PlaceContext): PlaceOutcome {
  const contrats: ContratDeVille[] = [];
  for (const code of codesCv) {
    const contrat = context.contrats.get(code);
    if (contrat === undefined) return { ok: false, field: 'code_cv', value: code, reason: `unknown contrat de ville ${code}: not in the contrats de ville points` };
    contrats.push(contrat);
  }
  const fromContrats = [...new Set(contrats.flatMap((c) => c.departements))];
  if (departement === null && fromContrats.length > 1) {
    return { ok: false, field: 'insee_dep', value: null, reason: `no département, and the contrat de ville spans ${fromContrats.join(', ')}` };
  }
  const dep = departement ?? fromContrats[0] ?? null;
  if (dep === null) return { ok: false, field: 'insee_dep', value: null, reason: 'no département nor contrat de ville: cannot be placed, left out', skip: true };
  const region = context.regionOfDepartement.get(dep);
  if (region === undefined && COLLECTIVITES_OUTRE_MER.test(dep)) {
    return { ok: false, field: 'insee_dep', value: dep, reason: `collectivité d'outre-mer ${dep}: outside the régions and départements covered, left out`, skip: true };
  }
  if (region === undefined) return { ok: false, field: 'insee_dep', value: dep, reason: `unknown département: ${dep} is in none of the territoires sources` };

  const place = { departement_code: dep, region_code: region, code_cv: codesCv.length === 0 ? null : codesCv.join(',') };
  const unplaced = (reason: string): PlaceOutcome => ({ ok: true, value: { ...place, lon: null, lat: null, precision: null, unplaced: reason } });
  if (contrats.length === 0) return unplaced('no contrat de ville: known by its département only, not placed on the map');
  if (contrats.length > 1) return unplaced(`several contrats de ville (${place.code_cv}): no single point, not placed on the map`);
  const point = contractPoint(contrats[0]!, TERRITORY_OF_DEPARTEMENT[dep] ?? 'metropole', context.communes);
  if (point === null) return unplaced(`the ANCT point of ${contrats[0]!.code} is a basemap inset, not a real place: not placed on the map`);
  return { ok: true, value: { ...place, ...point, precision: 'contrat_de_ville', unplaced: null } };
}

function contractPoint(contrat: ContratDeVille, territory: Territoire, communes: CommunePoints): { lon: number; lat: number } | null {
  if (territoryOf(contrat.lon, contrat.lat) === territory) return { lon: contrat.lon, lat: contrat.lat };
  const commune = communes.get(contrat.codgeo);
  if (commune !== undefined && territoryOf(commune.lon, commune.lat) === territory) return { lon: commune.lon, lat: commune.lat };
  return null;
}
