/**
 * The décrochage risk index per QPV, declared once: its components, how each is normalised
 * and oriented, the default weights, the missing-data rule and the classes. Pure data, shared
 * by the pipeline (which publishes the index with the default weights) and the app (which
 * recomputes it in DuckDB-WASM with the user's weights, through the same SQL:
 * `risk-index-query.ts`). The method is explained in French in `docs/methodologie.md`.
 *
 * Methodological reference: DEPP–Céreq, « Atlas des risques sociaux d'échec scolaire » (2016),
 * which built territorial risk from social indicators; here per QPV, from the indicators the
 * observatory publishes (INSEE QPV indicators, IPS and DNB of the QPV's nearest public collèges).
 */
import type { IndicatorId } from './indicator-catalogue.ts';

/** Where a component's raw value comes from, in the published tables. */
export type RiskSource =
  /** One indicator of `indicateurs` (latest year), as published. */
  | { readonly kind: 'indicateur'; readonly indicateur: IndicatorId }
  /**
   * Weighted mean, over the QPV's school context (`qpv_colleges`: its nearest public collèges,
   * see `RISK_COLLEGES`), of one column of `etablissements`.
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
  /** Default weight (relative: the weights are rescaled to sum to 1). */
  readonly poids: number;
  /** Source and millésime, for the methodology and the fiche (French). */
  readonly millesime: string;
}

/*
 * The INSEE QPV files give no observed year for these indicators (only the population is
 * documented, 2013): what is known is the year they were published. Said so, rather than
 * presenting the release year as the year described.
 */
const INSEE_2019 = 'INSEE, données QPV publiées en 2019 (année observée non précisée)';
const INSEE_2020 = 'INSEE, données QPV publiées en 2020, insertion professionnelle (année observée non précisée)';

/**
 * The school context of a QPV: the public collèges its pupils most plausibly attend, with
 * no school map (carte scolaire) in the data. Computed by the pipeline from the QPV source
 * outlines and published as `qpv_colleges`; both the pipeline and the browser read the
 * collège components from that table.
 *
 * - Only public collèges with both an IPS and a DNB rate: both collège components are then
 *   averaged over the same collèges. Private ones are left out: they recruit beyond the
 *   quartier (no sectorisation) and say little about its children.
 * - The `k` nearest by great-circle distance to the QPV's outline (0 m inside it), within
 *   `rayonM`: 5 km reaches a collège from every QPV of the embedded data (the farthest
 *   nearest collège is 2.3 km away), while the 300 m « quartier vécu » left 52 QPV without any.
 *   Three, because a large QPV straddles several sectors and one collège is a fragile
 *   estimate of its pupils' school.
 * - Weight ∝ 1 / (distance + `decalageM`), normalised to sum 1 per QPV: nearer collèges more
 *   likely take the quartier's pupils. The offset keeps a collège inside the QPV (0 m) from
 *   taking all the weight, and sets the scale: 500 m is a few minutes' walk, so collèges in
 *   the QPV and at its edge weigh alike, while one 1.5 km away weighs a quarter of one inside.
 */
export const RISK_COLLEGES = { k: 3, rayonM: 5000, decalageM: 500 } as const;

/**
 * Weights of a QPV's collèges from their distances (metres), in the same order: 1 / (d +
 * decalageM), normalised to sum 1. Published as computed (float64): the SQL averages with
 * the published weights, so the pipeline and the browser use the same bits.
 */
export function collegeWeights(distances: readonly number[]): number[] {
  const raw = distances.map((d) => 1 / (d + RISK_COLLEGES.decalageM));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/**
 * Six components in three dimensions of the DEPP–Céreq atlas that the QPV data measure:
 * revenus (two sources of the same fact: Filosofi poverty rate and CAF low-income rate),
 * emploi (taux d'emploi, emploi précaire) and the school context (IPS, DNB). Equal default
 * weights: two components per dimension; users can change them.
 *
 * Not used (docs/methodologie.md §2 gives the correlations): the share of job seekers at
 * CAP-BEP level (leaves out those below CAP, uncorrelated with IPS and DNB: a structure of
 * qualifications, not a risk); the youth index (`ind_jeune`, a demographic weight, `neutre`
 * in the catalogue); `part_chomprinc` (missing for half the QPV); other income measures
 * (median, deciles, `pmimp`: ρ ≥ 0.84 with the poverty rate, the same fact again); the INSEE
 * counts of collèges near the QPV (access, not risk).
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
    id: 'ips_colleges',
    libelle: `IPS des collèges publics du secteur probable (${RISK_COLLEGES.k} plus proches, pondérés par la distance)`,
    unite: 'indice',
    source: { kind: 'college', colonne: 'ips' },
    sens: -1,
    poids: 1,
    millesime: 'DEPP, IPS des collèges, rentrée 2022',
  },
  {
    id: 'dnb_colleges',
    libelle: 'Taux de réussite au DNB des mêmes collèges',
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
 * Missing data: a QPV gets a score only when every component with a weight > 0 has a value,
 * so that every scored QPV is scored on the same components; otherwise its score is null
 * (*n.d.*), never 0, and nothing is imputed.
 */

/**
 * Normalisation: percentile rank among the QPV of the same generation that receive a score
 * (so every component is ranked among the same QPV),
 * oriented so that 100 is the most at risk; ties share their mean rank:
 * 100 × (number below + (number equal − 1) / 2) / (n − 1), and 50 when n = 1.
 * Why not z-scores: bounded ranks keep one extreme value (a small QPV, a single collège)
 * from outweighing the other components, so a weight says how much a component can move
 * the score; they need no assumption on the distribution and read plainly (« plus exposé
 * que 80 % des QPV »).
 */
export const RISK_NORMALISATION = { id: 'rang_centile', libelle: 'Rang centile parmi les QPV notés de la même génération (100 = le plus exposé)' } as const;

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

/**
 * Robustness of a rank: each weighted component's weight multiplied by each of these factors,
 * independently (3^k weightings for k weighted components); `rang_min` and `rang_max` are the
 * best and worst rank of a QPV over them. « From half to double » each weight.
 */
export const RISK_ROBUSTNESS_FACTORS = [0.5, 1, 2] as const;
