import { normaliseInseeCommune } from '../qpv-properties.ts';

/** UAI: 7 digits + 1 letter (the letter is a check key, upper case). */
export const UAI_PATTERN = /^\d{7}[A-Z]$/;
const COMMUNE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;

/** Trimmed, upper-cased UAI, or null when it does not match `UAI_PATTERN`. */
export function normaliseUai(raw: string): string | null {
  const uai = raw.trim().toUpperCase();
  return UAI_PATTERN.test(uai) ? uai : null;
}

export const invalidUaiReason = (raw: string) => `invalid UAI "${raw.trim()}": expected 7 digits + letter`;

/** INSEE commune code with its leading zero restored (`1053` → `01053`, Corsica `2A004` kept), or null. */
export function normaliseCommuneCode(raw: string): string | null {
  const code = normaliseInseeCommune(raw.trim());
  return COMMUNE_PATTERN.test(code) ? code : null;
}

/**
 * Département of a commune: 2 characters, 3 outre-mer (`97411` → `974`). Unlike
 * `departementOfCommune` of the territoires build, collectivités d'outre-mer (`98…`) keep 3
 * too, so that an unknown one is named as such (`987`, not `98`).
 */
export function departementOfCommuneCode(code: string): string {
  return /^9[78]/.test(code) ? code.slice(0, 3) : code.slice(0, 2);
}

export type CommuneLocation = { commune_code: string; departement_code: string; region_code: string } | { reason: string; outOfScope?: boolean };

/** Collectivités d'outre-mer (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Pacific): no région. */
const COLLECTIVITES_OUTRE_MER = /^(975|977|978|98\d)$/;

/** Commune code → commune, département and région codes, or why not. */
export function locateCommune(raw: string, regionOfDepartement: ReadonlyMap<string, string>): CommuneLocation {
  const commune = normaliseCommuneCode(raw);
  if (commune === null) return { reason: `invalid INSEE commune code "${raw.trim()}": expected 5 characters (2A/2B for Corsica)` };
  const departement = departementOfCommuneCode(commune);
  const region = regionOfDepartement.get(departement);
  if (region === undefined && COLLECTIVITES_OUTRE_MER.test(departement)) {
    return { reason: `collectivité d'outre-mer ${departement}: outside the régions and départements covered, left out`, outOfScope: true };
  }
  if (region === undefined) return { reason: `unknown département: ${departement} is in none of the territoires sources` };
  return { commune_code: commune, departement_code: departement, region_code: region };
}
