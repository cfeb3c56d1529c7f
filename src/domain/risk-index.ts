/**
 * The décrochage risk index per QPV, declared once: its components, how each is normalised
 * and oriented, the default weights, the missing-data rule and the classes. Pure data, shared
 * by the pipeline (which publishes the index with the default weights) and the app (which
 * recomputes it in DuckDB-WASM with the user's weights, through the same SQL:
 * `risk-index-query.ts`). The method is explained in French in `docs/methodologie.md`.
 *
 * Methodological reference: DEPP–Céreq, « Atlas des risques sociaux d'échec scolaire » (2016),
 * which built territorial risk from social indicators; here per QPV, from the indicators the
 * observatory publishes (INSEE QPV indicators, IPS and DNB of the collèges nearby).
 */
import type { IndicatorId } from './indicator-catalogue.ts';

/** Where a component's raw value comes from, in the published tables. */
export type RiskSource =
  /** One indicator of `indicateurs` (latest year), as published. */
  | { readonly kind: 'indicateur'; readonly indicateur: IndicatorId }
  /** 100 × numerator / sum of the denominator's indicators (counts of `indicateurs`). */
  | { readonly kind: 'part'; readonly numerateur: IndicatorId; readonly denominateur: readonly IndicatorId[] }
  /**
   * Unweighted mean, over the public collèges lying in the QPV or within 300 m of it
   * (`etablissements.qpv_code` / `qpv_300m`), of one of their columns.
   */
  | { readonly kind: 'college'; readonly colonne: 'ips' | 'dnb_taux_reussite' };

export interface RiskComponent {
  readonly id: string;
  /** French, shown to users. */
  readonly libelle: string;
  readonly unite: string;
  readonly source: RiskSource;
  /** +1: a higher value means a higher risk; −1: a lower value does. */
  readonly sens: 1 | -1;
  /** Default weight (relative: the weights of the available components are rescaled to sum to 1). */
  readonly poids: number;
  /** Source and millésime, for the methodology and the fiche (French). */
  readonly millesime: string;
}

const INSEE_2019 = 'INSEE, données QPV 2019 (Filosofi / CAF)';
const INSEE_2020 = 'INSEE, données QPV 2020 (insertion professionnelle)';

/**
 * Seven components in four dimensions: revenus (two sources of the same fact: Filosofi
 * poverty rate and CAF low-income rate), emploi (taux d'emploi, emploi précaire),
 * qualification (job seekers' level) and collège (IPS, DNB). Equal default weights: each
 * dimension but qualification weighs two components; users can change them.
 *
 * Not used: the youth index (`ind_jeune`, a demographic weight — how many young people —
 * not a risk factor, `neutre` in the catalogue); indicators missing for half the QPV
 * (`part_chomprinc`); the INSEE counts of collèges near the QPV (access, not risk).
 */
export const RISK_COMPONENTS = [
  {
    id: 'taux_pauvrete',
    libelle: 'Taux de pauvreté (seuil 60 %)',
    unite: '%',
    source: { kind: 'indicateur', indicateur: 'tp60' },
    sens: 1,
    poids: 1,
    millesime: INSEE_2019,
  },
  {
    id: 'taux_bas_revenus',
    libelle: 'Taux de bas revenus (CAF)',
    unite: '%',
    source: { kind: 'indicateur', indicateur: 'brev' },
    sens: 1,
    poids: 1,
    millesime: INSEE_2019,
  },
  {
    id: 'taux_emploi',
    libelle: 'Taux d’emploi des 15-64 ans',
    unite: '%',
    source: { kind: 'indicateur', indicateur: 'tx_tot_empl' },
    sens: -1,
    poids: 1,
    millesime: INSEE_2020,
  },
  {
    id: 'emploi_precaire',
    libelle: 'Part des emplois précaires',
    unite: '%',
    source: { kind: 'indicateur', indicateur: 'tx_tot_eprec' },
    sens: 1,
    poids: 1,
    millesime: INSEE_2020,
  },
  {
    id: 'demandeurs_cap_bep',
    libelle: 'Part des demandeurs d’emploi de niveau CAP-BEP (parmi CAP-BEP, bac et plus)',
    unite: '%',
    source: { kind: 'part', numerateur: 'abc_capbep', denominateur: ['abc_capbep', 'abc_bac', 'abc_supbac'] },
    sens: 1,
    poids: 1,
    millesime: INSEE_2020,
  },
  {
    id: 'ips_colleges',
    libelle: 'IPS moyen des collèges publics proches (dans le QPV ou à moins de 300 m)',
    unite: 'indice',
    source: { kind: 'college', colonne: 'ips' },
    sens: -1,
    poids: 1,
    millesime: 'DEPP, IPS des collèges, rentrée 2022',
  },
  {
    id: 'dnb_colleges',
    libelle: 'Taux de réussite moyen au DNB des collèges publics proches',
    unite: '%',
    source: { kind: 'college', colonne: 'dnb_taux_reussite' },
    sens: -1,
    poids: 1,
    millesime: 'DEPP, DNB session 2021',
  },
] as const satisfies readonly RiskComponent[];

export type RiskComponentId = (typeof RISK_COMPONENTS)[number]['id'];
export type RiskWeights = Readonly<Record<RiskComponentId, number>>;

export const RISK_COMPONENT_IDS: readonly RiskComponentId[] = RISK_COMPONENTS.map((c) => c.id);

export const DEFAULT_RISK_WEIGHTS: RiskWeights = Object.fromEntries(RISK_COMPONENTS.map((c) => [c.id, c.poids])) as RiskWeights;

export const isDefaultRiskWeights = (weights: RiskWeights) => RISK_COMPONENT_IDS.every((id) => weights[id] === DEFAULT_RISK_WEIGHTS[id]);

/**
 * A QPV needs at least this many components with a value (among those with a weight > 0)
 * to get a score; below, its score is null (*n.d.*), never 0, and nothing is imputed. When
 * fewer components carry a weight, all of them are needed.
 */
export const RISK_MIN_COMPONENTS = 5;

/**
 * Normalisation: percentile rank among the QPV of the same generation that have a value,
 * oriented so that 100 is the most at risk; ties share their mean rank:
 * 100 × (number below + (number equal − 1) / 2) / (n − 1), and 50 when n = 1.
 * Why not z-scores: bounded ranks keep one extreme value (a small QPV, a single collège)
 * from outweighing the other components, so a weight says how much a component can move
 * the score; they need no assumption on the distribution and read plainly (« plus exposé
 * que 80 % des QPV »).
 */
export const RISK_NORMALISATION = { id: 'rang_centile', libelle: 'Rang centile parmi les QPV de la même génération (100 = le plus exposé)' } as const;

/** Classes: quintiles of the score's percentile, 1 = the 20 % least exposed QPV, 5 = the 20 % most exposed. */
export const RISK_CLASSES = [
  { classe: 1, libelle: 'Très faible' },
  { classe: 2, libelle: 'Faible' },
  { classe: 3, libelle: 'Moyen' },
  { classe: 4, libelle: 'Élevé' },
  { classe: 5, libelle: 'Très élevé' },
] as const;

export function isRiskComponentId(id: string): id is RiskComponentId {
  return (RISK_COMPONENT_IDS as readonly string[]).includes(id);
}

/**
 * Checks user weights: every component given, each a finite number ≥ 0, at least one > 0.
 * @throws RangeError naming the component and value at fault.
 */
export function checkRiskWeights(weights: Readonly<Record<string, number>>): RiskWeights {
  for (const id of Object.keys(weights)) {
    if (!isRiskComponentId(id)) throw new RangeError(`unknown risk component "${id}"`);
  }
  for (const id of RISK_COMPONENT_IDS) {
    const w = weights[id];
    if (w === undefined) throw new RangeError(`missing weight of risk component "${id}"`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`invalid weight ${w} for risk component "${id}": expected a finite number ≥ 0`);
  }
  if (!RISK_COMPONENT_IDS.some((id) => weights[id]! > 0)) throw new RangeError('every risk weight is 0: at least one must be > 0');
  return weights as RiskWeights;
}

/** Components needed for a score under these weights (see RISK_MIN_COMPONENTS). */
export function requiredRiskComponents(weights: RiskWeights): number {
  return Math.min(RISK_MIN_COMPONENTS, RISK_COMPONENT_IDS.filter((id) => weights[id] > 0).length);
}
