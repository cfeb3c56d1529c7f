import { INDICATOR_CATALOGUE, INDICATOR_IDS, type IndicatorId, isIndicatorId } from '../../src/domain/indicator-catalogue.ts';

/**
 * The additive structures of the published counts of people, declared once; the secondary
 * suppression (`secondary-suppression.ts`) keeps a hidden cell of each from being recovered
 * by difference. Documented in docs/methodologie.md, § 10.
 *
 * 1. **Split by sex**, in each QPV: `X = X_f + X_h` for every count of people `X` whose `_f`
 *    and `_h` columns INSEE's dictionary (`meta_qp.csv`) also publishes (« Nombre total de
 *    demandeurs d'emploi » = « … femmes » + « … hommes »): derived from the catalogue, so a
 *    new split joins on its own. Today: `abcde = abcde_f + abcde_h`.
 * 2. **QPV of a commune**: `pop_com_qp` (« cumul de la population municipale de tous les QP de
 *    la (des) commune(s) englobante(s) ») = the sum of `pop_mun` over the QPV with the same
 *    `nom_commune`, a total repeated on each of their rows (one cell, hidden on every row at
 *    once).
 *
 * Not groups: the job seekers by level (`abc_capbep`, `abc_bac`, `abc_supbac`) add up to no
 * published figure (categories A–C only, and other levels exist); `pop_com` is not a sum of
 * published figures; counts of places (`nombre`) are not under the secret. Pupils are
 * published per school only: no total of them is published, so no group.
 */

/** A total and its parts, as indicator ids of one QPV. */
export interface IndicatorSplit {
  readonly total: IndicatorId;
  readonly parts: readonly IndicatorId[];
}

const isPeopleCount = (id: IndicatorId) => INDICATOR_CATALOGUE[id].type_valeur === 'effectif';

/** Group 1: the counts of people published with their split by sex. */
export const SEX_SPLITS: readonly IndicatorSplit[] = INDICATOR_IDS.filter(isPeopleCount).flatMap((total) => {
  const parts = [`${total}_f`, `${total}_h`];
  return parts.every((p) => isIndicatorId(p) && isPeopleCount(p)) ? [{ total, parts: parts as IndicatorId[] }] : [];
});

/** Group 2: a total over the QPV sharing the value of a column of the source file. */
export interface CrossQpvSum {
  readonly total: IndicatorId;
  readonly part: IndicatorId;
  /** Column of the indicator file whose value the QPV of one total share. */
  readonly by: string;
}

export const QPV_OF_COMMUNE: CrossQpvSum = { total: 'pop_com_qp', part: 'pop_mun', by: 'nom_commune' };
