import type { FinancementId } from '../../src/domain/vocabulary.ts';

/**
 * What the conversion of `actions-recueil.json` adds to the JSON's reading, each with the
 * seed line that supports it. The JSON lists funders by name and only a start year; the
 * template wants financement categories and an end year.
 *
 * Financement categories: `label` = the Cité éducative's fund; `droit-commun` = ordinary
 * budgets of the State, its agencies and local authorities (commune, métropole, ARS);
 * `autre` = programme- or call-specific money (Erasmus+, France 2030, the ACCES dispositif,
 * a MILDECA call for projects). An action whose funding the text does not state gets none
 * (not `non-finance`: unknown is not unfunded).
 */
export const FINANCEMENT: Readonly<Record<string, { ids: FinancementId[]; why: string }>> = {
  'fiche-01': { ids: ['label', 'droit-commun'], why: '000 l.161 « financements Cité éducative et Ville de Pau »' },
  'fiche-03': { ids: ['label', 'droit-commun'], why: '000 l.324 Cités éducatives, Bordeaux Métropole, communes de Bordeaux et Lormont' },
  'fiche-04': { ids: ['autre'], why: '000 l.398 financements dédiés au dispositif ACCES (CDC, Région, Idex)' },
  'fiche-05': { ids: ['autre'], why: '000 l.454 lauréat d’un appel à manifestation d’intérêt France 2030' },
  'fiche-06': { ids: ['droit-commun', 'autre'], why: '000 l.574 Erasmus+ ; l.579 la collectivité prend en charge cours et salles' },
  'fiche-07': { ids: ['label'], why: '000 l.683 « intégralement financé par la Cité éducative »' },
  'fiche-11': { ids: ['droit-commun', 'autre'], why: '000 l.1043 commune du Bouscat, appel à projets MILDECA ; temps de PSNA financé par l’ARS' },
};

/** Last year (ended or planned), where the text gives one. */
export const ANNEE_FIN: Readonly<Record<string, { year: number; why: string }>> = {
  'fiche-04': { year: 2025, why: '000 l.402 « année scolaire 2024-2025 », l.416 non reconduit (l.372 dit « en 2024 »)' },
  'fiche-05': { year: 2028, why: '000 l.450 « 2023-2028 »' },
  'fiche-06': { year: 2027, why: '000 l.613 accréditation « jusqu’en 2027 »' },
  'fiche-09': { year: 2027, why: '000 l.859 PSGT « sur la période 2023-2027 »' },
};

/** How each seed file is cited in the `source` column. */
export const DOCUMENTS: Readonly<Record<string, string>> = {
  '000_9047d71bbe43d373.txt': 'Recueil d’expériences Alliances éducatives, Pays et Quartiers de Nouvelle-Aquitaine, juin 2026 (seeds/000_9047d71bbe43d373.txt)',
  '001_26244eced68e70ec.txt': 'Démarche partenariale et orientations stratégiques d’une Cité éducative non nommée, 2021 (seeds/001_26244eced68e70ec.txt)',
};

/** Kinds of the JSON kept as actions; `demarche_partenariale` (the Cité's process) is not one. */
export const ACTION_KINDS = new Set(['fiche_experience', 'fiche_outil', 'orientation_strategique']);

/** Where 001's orientations sit: the document names neither the Cité nor its commune. */
export const LIEU_001 = 'Cité éducative non nommée (document 001) : aucune commune indiquée';
