import { foldText } from './fold-text.ts';
/**
 * The closed vocabularies of the Cités éducatives (DESIGN.md §3), shared by the app and the
 * pipeline: sphères de la coéducation, axes nationaux, niveaux d'alliance, tranches d'âge and
 * financement. Pure data and pure functions.
 *
 * Ids are ASCII kebab-case (stable in data, URLs and SQL); labels are the French terms shown
 * to users. A value typed by a person (a template cell, a filter) is matched on its
 * `vocabularyKey`: case, accents, apostrophes, dashes and « ans » do not matter, and a few
 * documented aliases are accepted.
 */

export interface VocabularyEntry<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** Other spellings accepted on input (matched through `vocabularyKey`). */
  readonly aliases: readonly string[];
}

const entry = <Id extends string>(id: Id, label: string, ...aliases: string[]): VocabularyEntry<Id> => ({ id, label, aliases });

/** The 5 sphères de la coéducation; `virtualite` is the transversal digital sphere. */
export const SPHERES = [
  entry('famille', 'Famille', 'familles'),
  entry('ecole', 'École'),
  entry('tiers-lieux', 'Tiers-lieux éducatifs', 'tiers-lieu', 'tiers-lieux', 'tiers-lieu éducatif'),
  entry('quartier', 'Quartier'),
  entry('virtualite', 'Virtualité', 'numérique', 'virtuel'),
] as const;

/** The 3 axes (objectifs nationaux) of the label, numbered as the programme numbers them. */
export const AXES = [
  entry('role-ecole', 'Conforter le rôle de l’école', 'rôle de l’école', 'axe 1'),
  entry('continuite-educative', 'Promouvoir la continuité éducative', 'continuité éducative', 'axe 2'),
  entry('champ-des-possibles', 'Ouvrir le champ des possibles', 'champ des possibles', 'axe 3'),
] as const;

/** Niveaux d'alliance: around the child and family, interprofessional, inter-institutional. */
export const NIVEAUX_ALLIANCE = [entry('micro', 'Micro'), entry('meso', 'Méso'), entry('macro', 'Macro')] as const;

/** Tranches d'âge of the parcours (the label covers 0–25 years). */
export const TRANCHES = [
  entry('0-3', '0–3 ans'),
  entry('3-6', '3–6 ans'),
  entry('6-11', '6–11 ans'),
  entry('11-15', '11–15 ans'),
  entry('16-25', '16–25 ans'),
] as const;

/** Ages (years) each tranche covers, bounds included, for joins with other age ranges. */
export const TRANCHE_AGES: Readonly<Record<TrancheId, readonly [number, number]>> = {
  '0-3': [0, 3],
  '3-6': [3, 6],
  '6-11': [6, 11],
  '11-15': [11, 15],
  '16-25': [16, 25],
};

/** How an action is funded: the Cité's own fund, ordinary budgets, other sources, nothing. */
export const FINANCEMENTS = [
  entry('label', 'Label Cité éducative', 'cité éducative', 'fonds cité éducative', 'crédits cité éducative', 'label cité éducative'),
  entry('droit-commun', 'Droit commun'),
  entry('autre', 'Autre', 'autres'),
  entry('non-finance', 'Non financé', 'aucun', 'sans financement'),
] as const;

export type SphereId = (typeof SPHERES)[number]['id'];
export type AxeId = (typeof AXES)[number]['id'];
export type NiveauAllianceId = (typeof NIVEAUX_ALLIANCE)[number]['id'];
export type TrancheId = (typeof TRANCHES)[number]['id'];
export type FinancementId = (typeof FINANCEMENTS)[number]['id'];

/**
 * The comparison key of a typed value: no accents, lower case, every run of other characters
 * (apostrophes, dashes, spaces) as one space; an age band `0 à 3 ans`, `0–3` or `0-3 ans`
 * becomes `0 3`.
 */
export function vocabularyKey(text: string): string {
  return foldText(text).replace(/^(\d+) (?:a )?(\d+)(?: ans)?$/, '$1 $2');
}

const indexes = new WeakMap<readonly VocabularyEntry[], Map<string, string>>();

function indexOf(list: readonly VocabularyEntry[]): Map<string, string> {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map();
    for (const e of list) for (const spelling of [e.id, e.label, ...e.aliases]) index.set(vocabularyKey(spelling), e.id);
    indexes.set(list, index);
  }
  return index;
}

/** The id a typed value stands for in `list`, or undefined when it is none of them. */
export function vocabularyId<E extends VocabularyEntry>(list: readonly E[], value: string): E['id'] | undefined {
  return indexOf(list).get(vocabularyKey(value)) as E['id'] | undefined;
}

/** The French label of an id (the id itself for an id the list does not know). */
export function vocabularyLabel(list: readonly VocabularyEntry[], id: string): string {
  return list.find((e) => e.id === id)?.label ?? id;
}

/** Ids without duplicates, in the list's order (a canonical form for published cells). */
export function inVocabularyOrder<Id extends string>(list: readonly VocabularyEntry<Id>[], ids: Iterable<Id>): Id[] {
  const wanted = new Set(ids);
  return list.filter((e) => wanted.has(e.id)).map((e) => e.id);
}
