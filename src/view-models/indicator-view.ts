import { INDICATOR_IDS, type Sens } from '../domain/indicator-catalogue.ts';
import { formatShown } from '../domain/format-fr.ts';
import { THEME_LABELS } from '../domain/indicator-themes.ts';
import { deriveFromShown, SECRET_THRESHOLD, type Shown, showValue } from '../domain/secret-statistique.ts';

/** One row of `buildQpvIndicatorsQuery`, as `tableRows` gives it. */
export interface IndicatorSqlRow {
  qpv_code: string;
  indicateur: string;
  libelle: string;
  unite: string;
  type_valeur: string;
  sens: Sens;
  theme: string;
  source_id: string;
  millesime: string;
  annee: number | null;
  valeur: number | null;
  statut: string;
  mediane_departement: number | null;
  qpv_departement: number;
  mediane_region: number | null;
  qpv_region: number;
  mediane_qpv: number | null;
  qpv_avec_valeur: number;
  rang: number | null;
  centile: number | null;
}

/** A reference the QPV is compared with: the median of a set of QPV. */
export interface Reference {
  median: number | null;
  /** QPV with a value in that set. */
  qpvCount: number;
  /** Value minus median; null when the value is hidden or either is missing. */
  ecart: number | null;
}

export type ReferenceId = 'departement' | 'region' | 'qpv';
export const REFERENCE_IDS: readonly ReferenceId[] = ['departement', 'region', 'qpv'];

/** One indicator of one QPV, through the secret statistique: what fiche, comparer and exports show. */
export interface IndicatorView {
  qpvCode: string;
  indicateur: string;
  libelle: string;
  unite: string;
  sens: Sens;
  theme: string;
  sourceId: string;
  /** The year the value describes, or « publié en …, année observée non précisée » (`indicateurs_meta.millesime`). */
  millesime: string;
  value: Shown;
  /** `45,2 %`, `< 11` or `n.d.` */
  text: string;
  references: Readonly<Record<ReferenceId, Reference>>;
  /** 1 = the worst for the population; null for a neutral indicator or a hidden value. */
  rang: number | null;
  /** QPV ranked (with a value). */
  qpvClasses: number;
  /** Share of QPV with a lower value, 0–100; null for a hidden value. */
  centile: number | null;
}

const reference = (value: Shown, median: number | null, qpvCount: number): Reference => ({
  median,
  qpvCount,
  ecart: median === null ? null : deriveFromShown([value], (v) => v - median),
});

/**
 * The view of an indicator row. The SQL already hid small counts; the rule is applied again
 * here so that a row from any source (or another threshold) cannot leak one, and rank and
 * centile of a hidden value are dropped with it.
 */
export function toIndicatorView(row: IndicatorSqlRow, threshold = SECRET_THRESHOLD): IndicatorView {
  const value = showValue(row.valeur, row.type_valeur, row.statut, threshold);
  const shown = value.status === 'ok';
  return {
    qpvCode: row.qpv_code,
    indicateur: row.indicateur,
    libelle: row.libelle,
    unite: row.unite,
    sens: row.sens,
    theme: row.theme,
    sourceId: row.source_id,
    millesime: row.millesime,
    value,
    text: formatShown(value, row.unite, threshold),
    references: {
      departement: reference(value, row.mediane_departement, row.qpv_departement),
      region: reference(value, row.mediane_region, row.qpv_region),
      qpv: reference(value, row.mediane_qpv, row.qpv_avec_valeur),
    },
    rang: shown && row.sens !== 'neutre' ? row.rang : null,
    qpvClasses: row.qpv_avec_valeur,
    centile: shown ? row.centile : null,
  };
}

const THEME_ORDER: readonly string[] = Object.keys(THEME_LABELS);
const INDICATOR_ORDER: readonly string[] = INDICATOR_IDS;
const rank = (list: readonly string[], id: string) => (list.includes(id) ? list.indexOf(id) : list.length);

/** Catalogue order: by theme (population first), then as the catalogue lists the indicators. */
export function compareIndicators(a: { theme: string; indicateur: string; libelle: string }, b: { theme: string; indicateur: string; libelle: string }): number {
  return rank(THEME_ORDER, a.theme) - rank(THEME_ORDER, b.theme) || rank(INDICATOR_ORDER, a.indicateur) - rank(INDICATOR_ORDER, b.indicateur) || a.libelle.localeCompare(b.libelle, 'fr');
}
