import type { AxeId, FinancementId, NiveauAllianceId, SphereId, TrancheId } from '../../src/domain/vocabulary.ts';

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

/** Where 001's example actions sit: the document names neither the Cité nor its commune. */
export const LIEU_001 = 'Cité éducative non nommée (document 001) : aucune commune indiquée';

/** One example action of an orientation of 001, classified on its own words. */
export interface ExampleActionReading {
  /** Line(s) of 001 the example is written on. */
  lines: string;
  spheres: SphereId[];
  axes: AxeId[];
  niveaux: NiveauAllianceId[];
  /** Only where the words give an age or a stage (« moins de 16 ans », « jeunes »); else none. */
  tranches: TrancheId[];
  why: string;
}

/**
 * The example actions of 001's six orientations (l.53–114), one row each, in the order of the
 * JSON's `example_actions` (which the conversion checks by count). The document assigns no
 * sphère, axe, niveau or tranche: these are a reading of each example's words, narrower than
 * the orientation's reading in the JSON where the example says more.
 */
export const EXAMPLE_ACTIONS: Readonly<Record<string, readonly ExampleActionReading[]>> = {
  'orientation-01': [
    { lines: '57', spheres: ['famille', 'ecole'], axes: ['role-ecole', 'continuite-educative'], niveaux: ['micro', 'meso'], tranches: [], why: 'relation école-enfants-parents, médiation scolaire' },
    { lines: '58', spheres: ['famille'], axes: ['continuite-educative'], niveaux: ['micro'], tranches: [], why: 'parents sensibilisés, bien-être des enfants' },
    { lines: '59', spheres: ['famille', 'ecole', 'virtualite'], axes: ['continuite-educative'], niveaux: ['micro'], tranches: [], why: 'inclusion numérique dans l’éducation, orientation « parents »' },
    { lines: '60', spheres: ['famille'], axes: ['continuite-educative'], niveaux: ['micro'], tranches: [], why: 'permanences psychologiques et de parentalité' },
  ],
  'orientation-02': [
    { lines: '68', spheres: ['famille', 'ecole'], axes: ['continuite-educative'], niveaux: ['meso'], tranches: [], why: 'dispositif passerelle (transitions, l.64); âge non écrit' },
    { lines: '69', spheres: ['tiers-lieux', 'quartier'], axes: ['champ-des-possibles'], niveaux: ['micro'], tranches: [], why: 'parcours sport et culture' },
    { lines: '70', spheres: ['ecole'], axes: ['role-ecole'], niveaux: ['micro', 'meso'], tranches: ['3-6', '6-11', '11-15'], why: '« déscolarisation des moins de 16 ans »: les âges scolaires sous 16 ans' },
    { lines: '71', spheres: ['ecole', 'tiers-lieux'], axes: ['champ-des-possibles', 'role-ecole'], niveaux: ['micro', 'meso'], tranches: ['11-15', '16-25'], why: '« projets d’orientation et d’insertion des jeunes »' },
    { lines: '73', spheres: ['tiers-lieux', 'quartier'], axes: ['champ-des-possibles'], niveaux: ['micro'], tranches: ['11-15', '16-25'], why: '« mobilité des jeunes »' },
  ],
  'orientation-03': [
    { lines: '80-82', spheres: ['tiers-lieux', 'quartier', 'virtualite'], axes: ['continuite-educative'], niveaux: ['meso'], tranches: [], why: 'actions socio-éducatives, loisirs, numérique du secteur associatif, « aller vers »' },
    { lines: '83-85', spheres: ['ecole'], axes: ['role-ecole'], niveaux: ['meso'], tranches: [], why: 'climat scolaire, cours de récréation, collaboration entre acteurs' },
  ],
  'orientation-04': [
    { lines: '90', spheres: ['ecole', 'tiers-lieux'], axes: ['continuite-educative'], niveaux: ['meso'], tranches: [], why: 'formation des professionnels éducatifs (ethnopsychiatrie)' },
    { lines: '91-93', spheres: ['ecole'], axes: ['role-ecole'], niveaux: ['meso'], tranches: [], why: 'cours de récréation égalitaires, professionnels formés' },
    { lines: '94', spheres: ['tiers-lieux'], axes: ['continuite-educative'], niveaux: ['meso'], tranches: [], why: 'recrutement d’animateurs qualifiés' },
  ],
  'orientation-05': [
    { lines: '100-102', spheres: ['ecole', 'virtualite'], axes: ['role-ecole'], niveaux: ['meso'], tranches: [], why: 'numérique dans les apprentissages et l’enseignement' },
    { lines: '103', spheres: ['famille', 'quartier'], axes: ['continuite-educative'], niveaux: ['micro'], tranches: [], why: 'ateliers sociolinguistiques (adultes, parents)' },
  ],
  'orientation-06': [
    { lines: '109-111', spheres: ['quartier', 'tiers-lieux'], axes: ['champ-des-possibles'], niveaux: ['micro'], tranches: ['11-15', '16-25'], why: '« jeunes des quartiers sud », initiatives d’intérêt collectif' },
    { lines: '112-114', spheres: ['ecole', 'quartier'], axes: ['champ-des-possibles'], niveaux: ['micro', 'meso'], tranches: [], why: 'parcours de réussite issus des quartiers, interventions en milieu scolaire, parrainage' },
  ],
};
