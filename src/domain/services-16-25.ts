/**
 * The « services 16–25 » whose access the `acces_services` table measures per QPV: the
 * `lieux` categories flagged `service1625` (`lieu-categories.ts`: mission locale, CIO, PIJ/BIJ,
 * E2C, EPIDE, Promeneurs du Net, CFA) and the public lycées professionnels of `etablissements`.
 * Pure data, shared by the pipeline and the app.
 */
import { type LieuCategorieId, lieuCategorie, type LieuPrecision, SERVICE_16_25_CATEGORIES } from './lieu-categories.ts';

/** Where the places of a service category come from. */
export type ServiceOrigin =
  | { readonly table: 'lieux'; readonly categorie: LieuCategorieId }
  /** Public establishments of these natures (`etablissements.nature`, compared folded: `fold-text.ts`). */
  | { readonly table: 'etablissements'; readonly natures: readonly string[]; readonly secteur: 'public' };

export interface Service1625 {
  readonly id: string;
  /** French, shown to users. */
  readonly label: string;
  readonly origin: ServiceOrigin;
}

/** Every category of 16–25 service, in this order in `acces_services`. */
export const SERVICES_16_25: readonly Service1625[] = [
  ...SERVICE_16_25_CATEGORIES.map((id) => ({ id, label: lieuCategorie(id)!.label, origin: { table: 'lieux', categorie: id } as const })),
  // Vocational lycées and the vocational sections of lycées polyvalents (SEP): the voie
  // professionnelle, where most young people at risk of leaving school without a diploma are.
  // Public ones only: the private ones of the annuaire mix schools under contract with
  // fee-paying schools (esthétique, coiffure…) that the data does not tell apart.
  {
    id: 'lycee_professionnel',
    label: 'Lycée professionnel public (LP, SEP)',
    origin: { table: 'etablissements', natures: ['LYCEE PROFESSIONNEL', 'SECTION D ENSEIGNEMENT PROFESSIONNEL'], secteur: 'public' },
  },
];

/**
 * Places of `lieux` whose point is precise enough for a distance: at their address. A
 * commune point or the point of a contrat de ville (the EPCI) can be kilometres off: such a
 * place counts nowhere, and a category with no place at an address has no distance (n.d.).
 * Establishments are placed at the annuaires' coordinates of their address.
 */
export const ACCES_PRECISIONS: readonly LieuPrecision[] = ['adresse'];

/** Radii (metres) of the counts of `acces_services`. */
export const ACCES_RADII_M = [1000, 3000, 5000] as const;

/** Column of `acces_services` counting the places within `radius` metres: n_1km, n_3km, n_5km. */
export const accesCountColumn = (radius: number) => `n_${radius / 1000}km`;
