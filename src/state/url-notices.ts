import { type Filters, setRange, type TerritoireNiveau } from '../domain/cross-filter.ts';
import type { RejectedParam } from '../domain/url-grammar.ts';
import type { ReferenceCheck } from '../queries/reference-check-query.ts';
import type { PageView } from './page-slice.ts';
import type { SelectedObject } from '../domain/selected-object.ts';

/**
 * What the app tells the user when a link asks for what it cannot show: a parameter it cannot
 * read, or a key (indicator, QPV, object, territory) the data does not hold. The app shows its
 * default instead, and says so, rather than an empty map or a fiche of nothing.
 */

/** A value of the link as quoted back to the user: short (React escapes the markup). */
function quoted(value: string): string {
  return `« ${value.length > 60 ? `${value.slice(0, 59)}…` : value} »`;
}

/** The notice of a parameter the link gave but the app ignores. */
export function rejectedParamNotice({ param, value, reason }: RejectedParam): string {
  if (reason === 'control-character') return `Le paramètre « ${param} » du lien contient un caractère de contrôle : il est ignoré.`;
  if (reason === 'retired') return `La composante ${quoted(value)} du lien a été retirée de l’indice de risque (voir la méthode) : son poids est ignoré, les autres poids du lien s’appliquent.`;
  if (param === 'carte') return `La position de carte du lien (${quoted(value)}) est illisible : la carte montre la France entière.`;
  return `Le paramètre « ${param} » du lien (${quoted(value)}) est illisible : il est ignoré.`;
}

const OBJECT_NOUNS: Record<SelectedObject['kind'], string> = {
  etablissement: 'l’établissement',
  lieu: 'le lieu',
  cite: 'la Cité éducative',
  pre: 'le PRE',
  action: 'l’action',
  reseau: 'le réseau d’éducation prioritaire',
};

const TERRITOIRE_NOUNS: Record<TerritoireNiveau, string> = {
  region: 'la région',
  departement: 'le département',
  commune: 'la commune',
  cite: 'la Cité éducative',
};

/** The parts of the state a link sets that must name something in the data. */
export interface ReferencedState {
  indicator: string;
  selectedQpv: string | null;
  selectedObject: SelectedObject | null;
  filters: Filters;
  view: PageView;
}

/**
 * What replaces the unknown references of `state` (`check` says which exist: the default
 * indicator, no fiche, no territory filter), and the notice of each.
 */
export function referenceFallback(state: ReferencedState, check: ReferenceCheck, defaultIndicator: string): { patch: Partial<ReferencedState>; notices: string[] } {
  const patch: Partial<ReferencedState> = {};
  const notices: string[] = [];
  const missing = (what: string) => `Le lien demandait ${what}, qui n’existe pas dans les données`;
  if (!check.indicateur && state.indicator !== defaultIndicator) {
    patch.indicator = defaultIndicator;
    // A brushed range is in the unknown indicator's unit: it goes too (as with setIndicator).
    patch.filters = setRange(state.filters, 'valeur', null);
    const label = check.libelle_defaut === null ? 'l’indicateur par défaut' : `l’indicateur « ${check.libelle_defaut} »`;
    notices.push(`${missing(`l’indicateur ${quoted(state.indicator)}`)} : la carte montre ${label}.`);
  }
  if (check.qpv === false && state.selectedQpv !== null) {
    patch.selectedQpv = null;
    if (state.view === 'fiche') patch.view = 'carte';
    notices.push(`${missing(`le QPV ${quoted(state.selectedQpv)}`)} : aucune fiche n’est ouverte.`);
  }
  if (check.objet === false && state.selectedObject !== null) {
    patch.selectedObject = null;
    notices.push(`${missing(`${OBJECT_NOUNS[state.selectedObject.kind]} ${quoted(state.selectedObject.id)}`)} : aucune fiche n’est ouverte.`);
  }
  if (check.territoire === false && state.filters.territoire !== null) {
    patch.filters = { ...(patch.filters ?? state.filters), territoire: null };
    notices.push(`${missing(`${TERRITOIRE_NOUNS[state.filters.territoire.niveau]} ${quoted(state.filters.territoire.code)}`)} : la carte montre tous les QPV des données chargées.`);
  }
  return { patch, notices };
}
