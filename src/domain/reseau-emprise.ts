import { RESEAU_ECOLE_MAX_METERS } from './table-layouts.ts';

/**
 * The footprint of a REP / REP+ network (`reseaux_ep.geometry`) is modelled, not sourced: no
 * published file gives network outlines (nor, here, network membership). Wherever it is shown
 * it is called « emprise estimée », and a network whose collège has no école attached — most
 * of them: the national file holds collèges only — is said to be a disc around the collège
 * alone. The method is shown by `ReseauEmpriseMethode` (one click from the legend and the
 * fiche) and in docs/methodologie.md.
 */

/** Margin around the hull of a network's collège and écoles: their immediate surroundings. */
export const RESEAU_BUFFER_METERS = 300;

export const EMPRISE_ESTIMEE = 'emprise estimée';

/** SQL describing the footprint of the network row aliased `r` (its `ecoles` count). */
export function reseauEmpriseSql(r: string): string {
  return `CASE WHEN coalesce(${r}.ecoles, 0) = 0 THEN '${EMPRISE_ESTIMEE} : collège seul (disque de ${RESEAU_BUFFER_METERS} m)'
              ELSE '${EMPRISE_ESTIMEE} : collège et ' || ${r}.ecoles || CASE WHEN ${r}.ecoles > 1 THEN ' écoles' ELSE ' école' END || ' (enveloppe élargie de ${RESEAU_BUFFER_METERS} m)' END`;
}

/** The method, in French, as paragraphs. */
export const RESEAU_EMPRISE_METHODE: readonly string[] = [
  'Aucune source ne publie le contour des réseaux d’éducation prioritaire : l’observatoire l’estime.',
  `Un réseau est un collège REP ou REP+ (tête de réseau) et les écoles de même statut du département dont il est le collège le plus proche (${RESEAU_ECOLE_MAX_METERS / 1000} km au plus) : ce rattachement est lui-même reconstitué, pas publié.`,
  `Son emprise estimée est l’enveloppe convexe du collège et de ces écoles, élargie de ${RESEAU_BUFFER_METERS} m. Sans école rattachée — c’est le cas partout où aucune école n’est chargée (hors Occitanie et Ille-et-Vilaine) —, c’est un simple disque de ${RESEAU_BUFFER_METERS} m autour du collège (« collège seul »).`,
  'Elle situe le réseau ; elle ne dit ni où habitent ses élèves, ni la carte scolaire.',
];
