import { foldText } from '../../../src/domain/fold-text.ts';
import type { LieuCategorieId } from '../../../src/domain/lieu-categories.ts';

/**
 * Category of a structure from its `raison_sociale` (free text of the politique-de-la-ville
 * files), only where the name says it plainly; otherwise the fallback of its file
 * ('association_adulte_relais' or 'association_fonjep'). Names are compared folded (no
 * accents, upper case, punctuation as spaces), first rule first: « MAISON DE QUARTIER … /
 * CENTRE SOCIAL … » is a centre social, « CTRE SOCIO CULTUREL MJC … » too. Left to the
 * fallback on purpose: « ASSOCIATION DEUXIEME CHANCE » (not necessarily an E2C), « CSC … ».
 */
const RULES: readonly [LieuCategorieId, RegExp][] = [
  ['mission_locale', /\bMISSION LOCALE\b/],
  ['e2c', /\bECOLE (DE LA )?(DEUXIEME|2E|2EME|2ND|2NDE|SECONDE) CHANCE\b|\bE2C\b/],
  ['epide', /\bEPIDE\b/],
  ['pij_bij', /\bINFO(RMATION)? JEUNESSE\b|\b(PIJ|BIJ|CIJ|CRIJ)\b/],
  ['promeneur_du_net', /\bPROMENEURS? DU NET\b/],
  // CTRE, CTR: the abbreviations of the adultes-relais file; SOCIO: socio-culturel, socioculturel.
  ['centre_social', /\b(CENTRES?|CTRES?|CTR) SOCI(AL\b|AUX\b|O)/],
  ['mjc', /\bMJC\b|\bMAISONS? DES JEUNES\b/],
];

export function foldName(name: string): string {
  return foldText(name).toUpperCase();
}

export function categoriseStructure(raisonSociale: string, fallback: LieuCategorieId): LieuCategorieId {
  const folded = foldName(raisonSociale);
  return RULES.find(([, pattern]) => pattern.test(folded))?.[0] ?? fallback;
}
