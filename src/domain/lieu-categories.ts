/**
 * Categories of the `lieux` table (partner places and services around the child): a closed
 * list shared by the pipeline (which assigns them) and the app (legends, filters, the
 * « services 16–25 » of the accès indicators). Pure data.
 *
 * Each category says which tranches d'âge and sphères de la coéducation its places serve, by
 * the nature of the service (a mission locale receives 16–25 year olds, a centre social whole
 * families): the published `tranches` / `spheres` cells of a place are its category's.
 */
import type { SphereId, TrancheId } from './vocabulary.ts';

export interface LieuCategorie<Id extends string = string> {
  readonly id: Id;
  /** French, shown to users. */
  readonly label: string;
  readonly tranches: readonly TrancheId[];
  readonly spheres: readonly SphereId[];
  /** One of the services for 16–25 year olds (DESIGN.md §3) the accès indicators measure. */
  readonly service1625: boolean;
}

const ALL_TRANCHES: readonly TrancheId[] = ['0-3', '3-6', '6-11', '11-15', '16-25'];

const categorie = <Id extends string>(id: Id, label: string, tranches: readonly TrancheId[], spheres: readonly SphereId[], service1625: boolean): LieuCategorie<Id> => ({
  id,
  label,
  tranches,
  spheres,
  service1625,
});

export const LIEU_CATEGORIES = [
  categorie('mission_locale', 'Mission locale', ['16-25'], ['tiers-lieux'], true),
  categorie('cio', "Centre d'information et d'orientation (CIO)", ['11-15', '16-25'], ['ecole'], true),
  categorie('pij_bij', 'Information jeunesse (PIJ, BIJ, CRIJ)', ['11-15', '16-25'], ['tiers-lieux'], true),
  categorie('e2c', 'École de la deuxième chance (E2C)', ['16-25'], ['ecole'], true),
  categorie('epide', "Établissement pour l'insertion dans l'emploi (EPIDE)", ['16-25'], ['tiers-lieux'], true),
  categorie('promeneur_du_net', 'Promeneur du Net', ['11-15', '16-25'], ['virtualite'], true),
  categorie('cfa', "Centre de formation d'apprentis (CFA)", ['16-25'], ['ecole'], true),
  categorie('centre_social', 'Centre social', ALL_TRANCHES, ['famille', 'tiers-lieux', 'quartier'], false),
  categorie('mjc', 'Maison des jeunes et de la culture (MJC)', ['6-11', '11-15', '16-25'], ['tiers-lieux', 'quartier'], false),
  // Holders of State-funded posts, whatever their nature (associations mostly, but also
  // communes, CCAS, bailleurs): adultes-relais do mediation with families in the quartier,
  // FONJEP posts fund éducation populaire.
  categorie('association_adulte_relais', "Structure employeuse d'adultes-relais", ALL_TRANCHES, ['famille', 'quartier'], false),
  categorie('association_fonjep', 'Structure titulaire de postes FONJEP', ALL_TRANCHES, ['tiers-lieux', 'quartier'], false),
] as const;

export type LieuCategorieId = (typeof LIEU_CATEGORIES)[number]['id'];

export const LIEU_CATEGORIE_IDS: readonly LieuCategorieId[] = LIEU_CATEGORIES.map((c) => c.id);

/** The category of an id, or undefined for an id outside the list. */
export function lieuCategorie(id: string): LieuCategorie<LieuCategorieId> | undefined {
  return LIEU_CATEGORIES.find((c) => c.id === id);
}

/** Categories counted as « services 16–25 » (mission locale, CIO, PIJ/BIJ, E2C…). */
export const SERVICE_16_25_CATEGORIES: readonly LieuCategorieId[] = LIEU_CATEGORIES.filter((c) => c.service1625).map((c) => c.id);

/**
 * How the point of a place was obtained: at its address, at its commune's representative
 * point, or at the ANCT point of its contrat de ville (on the EPCI, or on the commune for a
 * single-commune contract). Null when the place has no point.
 */
export const LIEU_PRECISIONS = ['adresse', 'commune', 'contrat_de_ville'] as const;
export type LieuPrecision = (typeof LIEU_PRECISIONS)[number];
