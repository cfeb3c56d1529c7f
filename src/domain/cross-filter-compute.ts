import { EP_STATUTS, type EpStatut } from './education-prioritaire.ts';
import { isSecretStatut } from './secret-statistique.ts';
import type { DimensionRegistry, Filters, Range } from './cross-filter.ts';

/** The dimensions a set of facts holds, in order: their values are found by position. */
export interface FactsShape {
  ranges: readonly string[];
  categories: readonly string[];
}

/** One QPV as the facts query gives it (`buildQpvFactsQuery`), its dimensions by position in the shape. */
export interface QpvFacts {
  code: string;
  nom: string;
  commune_nom: string;
  departement_code: string;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  ep: EpStatut;
  /** Value of each range dimension (null: none, or hidden: see `statuts`). */
  values: (number | null)[];
  statuts: (string | null)[];
  /** Categories of each category dimension. */
  categories: string[][];
  /** In the chosen territory and matching the text. */
  in_lieu: boolean;
}

/** Facts from the rows of the facts query (`v<i>`, `s<i>`, `c<i>` columns). */
export function factsOfRows(rows: readonly Record<string, unknown>[], shape: FactsShape): QpvFacts[] {
  const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    code: String(r.code),
    nom: String(r.nom),
    commune_nom: String(r.commune_nom),
    departement_code: String(r.departement_code),
    xmin: Number(r.xmin),
    ymin: Number(r.ymin),
    xmax: Number(r.xmax),
    ymax: Number(r.ymax),
    ep: r.ep as EpStatut,
    values: shape.ranges.map((_, i) => number(r[`v${i}`])),
    statuts: shape.ranges.map((_, i) => (r[`s${i}`] === null || r[`s${i}`] === undefined ? null : String(r[`s${i}`]))),
    categories: shape.categories.map((_, i) => (r[`c${i}`] === '' ? [] : String(r[`c${i}`]).split('|'))),
    in_lieu: Boolean(r.in_lieu),
  }));
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
  /** Per range dimension of the shape, in its order. */
  histograms: HistogramCounts[];
  /** Per category dimension of the shape: QPV per category. */
  categories: Map<string, number>[];
  /** QPV passing every filter, in the facts' order. */
  matches: QpvFacts[];
  /**
   * Codes of the QPV passing every filter but the ranges the GPU tests itself (the first
   * `gpuRanges` of the shape): the map's packed category attribute.
   */
  gpuPass: Set<string>;
  /** Codes of the QPV passing every filter but the ranges of the scatter plot's two dimensions (when asked). */
  scatterPass: Set<string>;
}

/** Bins of each range dimension: the values' extent, from 0 for those that say so (`fromZero`). */
export function binsOf(facts: readonly QpvFacts[], shape: FactsShape, registry: DimensionRegistry): Bins[] {
  return shape.ranges.map((id, i) => {
    const d = registry.get(id);
    const fromZero = d?.kind === 'range' && d.fromZero === true;
    let [min, max] = [fromZero ? 0 : Infinity, fromZero ? 1 : -Infinity];
    for (const f of facts) {
      const v = f.values[i];
      if (v !== null && v !== undefined) [min, max] = [Math.min(min, v), Math.max(max, v)];
    }
    return min <= max ? { min, max: max > min ? max : min + 1, count: BIN_COUNT } : { min: 0, max: 1, count: BIN_COUNT };
  });
}

/**
 * Compared in single precision, as the map's GPU compares them (DataFilterExtension): the
 * table and the map never disagree on a QPV at the edge of a brush.
 */
const inRange = (value: number | null, range: Range | undefined) => range === undefined || (value !== null && Math.fround(value) >= Math.fround(range[0]) && Math.fround(value) <= Math.fround(range[1]));

/**
 * Cross-filter counts in memory: each chart counts the QPV passing every filter but its own
 * dimension's (a chart never filters itself), the matches pass them all. Within a dimension
 * the chosen categories are alternatives; across dimensions every filter applies. Ranges of
 * dimensions not in `shape` are not applied (the facts are being queried again for them).
 */
export function computeCrossFilter(
  facts: readonly QpvFacts[],
  shape: FactsShape,
  filters: Filters,
  bins: readonly Bins[],
  { gpuRanges = 0, scatter = null }: { gpuRanges?: number; scatter?: readonly [string, string] | null } = {},
): CrossFilterCounts {
  const R = shape.ranges.length;
  const ranges = shape.ranges.map((id) => filters.ranges[id]);
  const chosen = shape.categories.map((id) => new Set(filters.categories[id] ?? []));
  const histograms = bins.map((b) => ({ bins: b, counts: new Array<number>(b.count).fill(0), nd: 0, secret: 0 }));
  const categories = shape.categories.map(() => new Map<string, number>());
  const matches: QpvFacts[] = [];
  const gpuPass = new Set<string>();
  const scatterPass = new Set<string>();
  const [sx, sy] = scatter === null ? [-1, -1] : [shape.ranges.indexOf(scatter[0]), shape.ranges.indexOf(scatter[1])];
  // Dimensions failed by the current QPV: ranges first (0…R-1), then categories (R…).
  const failing: number[] = [];

  for (const f of facts) {
    if (!f.in_lieu) continue;
    failing.length = 0;
    for (let i = 0; i < R; i++) if (!inRange(f.values[i]!, ranges[i])) failing.push(i);
    for (let j = 0; j < chosen.length; j++) if (chosen[j]!.size > 0 && !f.categories[j]!.some((v) => chosen[j]!.has(v))) failing.push(R + j);
    if (failing.every((d) => d < gpuRanges)) gpuPass.add(f.code);
    if (sx >= 0 && sy >= 0 && failing.every((d) => d === sx || d === sy)) scatterPass.add(f.code);
    if (failing.length > 1) continue;
    // Passing all or all but one: counted by every chart, or by the failing dimension's only.
    const counted = (d: number) => failing.length === 0 || failing[0] === d;
    for (let i = 0; i < R; i++) {
      if (!counted(i)) continue;
      const v = f.values[i]!;
      const h = histograms[i]!;
      if (v === null) {
        h.nd++;
        if (isSecretStatut(f.statuts[i]!)) h.secret++;
      } else h.counts[binOf(v, h.bins)]!++;
    }
    for (let j = 0; j < chosen.length; j++) {
      if (!counted(R + j)) continue;
      for (const v of f.categories[j]!) categories[j]!.set(v, (categories[j]!.get(v) ?? 0) + 1);
    }
    if (failing.length === 0) matches.push(f);
  }
  return { histograms, categories, matches, gpuPass, scatterPass };
}

/** A column of the result table: a base column, or a range dimension by id. */
export type MatchSort = { column: string; descending: boolean };
const BASE_COLUMNS = ['nom', 'commune_nom', 'departement_code'] as const;

const EP_ORDER: Record<string, number> = Object.fromEntries(EP_STATUTS.map((s, i) => [s, i]));
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The matches sorted by a column, missing values last, ties by code (a stable order). */
export function sortMatches(matches: readonly QpvFacts[], shape: FactsShape, sort: MatchSort): QpvFacts[] {
  const direction = sort.descending ? -1 : 1;
  const index = shape.ranges.indexOf(sort.column);
  const key = (f: QpvFacts): number | string | null =>
    sort.column === 'ep' ? EP_ORDER[f.ep]! : (BASE_COLUMNS as readonly string[]).includes(sort.column) ? f[sort.column as (typeof BASE_COLUMNS)[number]] : index >= 0 ? f.values[index]! : null;
  return [...matches].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === null || kb === null) return ka === kb ? a.code.localeCompare(b.code) : ka === null ? 1 : -1;
    const order = typeof ka === 'number' ? ka - (kb as number) : collator.compare(ka, kb as string);
    return order !== 0 ? direction * order : a.code.localeCompare(b.code);
  });
}
