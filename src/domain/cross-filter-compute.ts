import { EP_STATUTS } from './education-prioritaire.ts';
import { isSecretStatut } from './secret-statistique.ts';
import { CATEGORY_DIMENSIONS, type CategoryDimension, type Filters, type Range } from './cross-filter.ts';

/** One QPV as `buildQpvFactsQuery` returns it. */
export interface QpvFacts {
  code: string;
  nom: string;
  commune_nom: string;
  departement_code: string;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  valeur: number | null;
  statut: string;
  distance_m: number | null;
  ep: string;
  /** '|'-separated ids; '' when the QPV has no action. */
  spheres: string;
  axes: string;
  financement: string;
  /** In the chosen territory and matching the text filter. */
  in_lieu: boolean;
}

/** Histogram bins: `count` equal bins over [min, max]. */
export interface Bins {
  min: number;
  max: number;
  count: number;
}

export const BIN_COUNT = 20;
export const binWidth = (bins: Bins) => (bins.max > bins.min ? (bins.max - bins.min) / bins.count : 1);

/** Bin index of a value; values outside the extent go to the first or last bin. */
export const binOf = (value: number, bins: Bins) => Math.min(bins.count - 1, Math.max(0, Math.floor((value - bins.min) / binWidth(bins))));

/** Counts of one histogram: per bin, plus the QPV without a value (`secret`: of them, those hidden by the secret statistique). */
export interface HistogramCounts {
  bins: Bins;
  counts: number[];
  nd: number;
  secret: number;
}

export interface CrossFilterCounts {
  valeur: HistogramCounts;
  distance: HistogramCounts;
  categories: Record<CategoryDimension, Map<string, number>>;
  /** QPV passing every filter, in the facts' order. */
  matches: QpvFacts[];
  /** Codes of the QPV passing every filter but the two ranges (the map tests those on the GPU). */
  rangeless: Set<string>;
}

/** Bins of both histograms: the values' extent; distances from 0 m. */
export function binsOf(facts: readonly QpvFacts[]): { valeur: Bins; distance: Bins } {
  let [min, max, far] = [Infinity, -Infinity, 1];
  for (const f of facts) {
    if (f.valeur !== null) [min, max] = [Math.min(min, f.valeur), Math.max(max, f.valeur)];
    if (f.distance_m !== null) far = Math.max(far, f.distance_m);
  }
  return { valeur: min <= max ? { min, max, count: BIN_COUNT } : { min: 0, max: 1, count: BIN_COUNT }, distance: { min: 0, max: far, count: BIN_COUNT } };
}

const inRange = (value: number | null, range: Range | null) => range === null || (value !== null && value >= range[0] && value <= range[1]);
const ids = (list: string) => (list === '' ? [] : list.split('|'));

/**
 * Cross-filter counts in memory: each chart counts the QPV passing every filter but its own
 * dimension's (a chart never filters itself), the matches pass them all. Within a dimension
 * the chosen categories are alternatives; across dimensions every filter applies.
 */
export function computeCrossFilter(facts: readonly QpvFacts[], filters: Filters, bins: { valeur: Bins; distance: Bins }): CrossFilterCounts {
  const chosen = Object.fromEntries(CATEGORY_DIMENSIONS.map((d) => [d, new Set<string>(filters[d])])) as Record<CategoryDimension, Set<string>>;
  const valeur = { bins: bins.valeur, counts: new Array<number>(BIN_COUNT).fill(0), nd: 0, secret: 0 };
  const distance = { bins: bins.distance, counts: new Array<number>(BIN_COUNT).fill(0), nd: 0, secret: 0 };
  const categories = Object.fromEntries(CATEGORY_DIMENSIONS.map((d) => [d, new Map<string, number>()])) as Record<CategoryDimension, Map<string, number>>;
  const matches: QpvFacts[] = [];
  const rangeless = new Set<string>();
  const DIMENSIONS = ['valeur', 'distance', ...CATEGORY_DIMENSIONS] as const;
  const pass: Record<(typeof DIMENSIONS)[number], boolean> = { valeur: true, distance: true, ep: true, spheres: true, axes: true, financement: true };
  const categoriesOf = (f: QpvFacts): Record<CategoryDimension, string[]> => ({ ep: [f.ep], spheres: ids(f.spheres), axes: ids(f.axes), financement: ids(f.financement) });

  for (const f of facts) {
    if (!f.in_lieu) continue;
    const values = categoriesOf(f);
    pass.valeur = inRange(f.valeur, filters.valeur);
    pass.distance = inRange(f.distance_m, filters.distance);
    for (const d of CATEGORY_DIMENSIONS) pass[d] = chosen[d].size === 0 || values[d].some((v) => chosen[d].has(v));
    const failing = DIMENSIONS.filter((d) => !pass[d]);
    if (failing.length > 1) continue;
    // Passing all or all but one: counted by every chart, or by the failing dimension's only.
    const counts = (d: (typeof DIMENSIONS)[number]) => failing.length === 0 || failing[0] === d;
    if (counts('valeur')) {
      if (f.valeur === null) {
        valeur.nd++;
        if (isSecretStatut(f.statut)) valeur.secret++;
      } else valeur.counts[binOf(f.valeur, bins.valeur)]!++;
    }
    if (counts('distance')) {
      if (f.distance_m === null) distance.nd++;
      else distance.counts[binOf(f.distance_m, bins.distance)]!++;
    }
    for (const d of CATEGORY_DIMENSIONS) {
      if (!counts(d)) continue;
      for (const v of values[d]) categories[d].set(v, (categories[d].get(v) ?? 0) + 1);
    }
    if (failing.length === 0) matches.push(f);
    if (failing.every((d) => d === 'valeur' || d === 'distance') && pass.ep && pass.spheres && pass.axes && pass.financement) rangeless.add(f.code);
  }
  return { valeur, distance, categories, matches, rangeless };
}

export const MATCH_SORTS = ['nom', 'commune_nom', 'departement_code', 'valeur', 'distance_m', 'ep'] as const;
export type MatchSort = { column: (typeof MATCH_SORTS)[number]; descending: boolean };

const EP_ORDER: Record<string, number> = Object.fromEntries(EP_STATUTS.map((s, i) => [s, i]));
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The matches sorted by a column, missing values last, ties by code (a stable order). */
export function sortMatches(matches: readonly QpvFacts[], sort: MatchSort): QpvFacts[] {
  const direction = sort.descending ? -1 : 1;
  const key = (f: QpvFacts): number | string | null => (sort.column === 'ep' ? EP_ORDER[f.ep]! : f[sort.column]);
  return [...matches].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === null || kb === null) return ka === kb ? a.code.localeCompare(b.code) : ka === null ? 1 : -1;
    const order = typeof ka === 'number' ? ka - (kb as number) : collator.compare(ka, kb as string);
    return order !== 0 ? direction * order : a.code.localeCompare(b.code);
  });
}
