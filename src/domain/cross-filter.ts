import { z } from 'zod';
import { formatUrlNumber, readParam, type RejectedParam, UrlRange, UrlText } from './url-grammar.ts';
import type { RiskWeights } from './risk-index.ts';
import type { TableName } from './table-layouts.ts';
import { formatValue } from './format-fr.ts';

/**
 * The cross-filter over QPV: ranges brushed on histograms (and on the scatter plot) and
 * categorical choices, over any dimension a `DimensionDeclaration` declares. Within a
 * dimension the choices are alternatives (OR); across dimensions they all apply (AND). Each
 * chart shows the QPV under the *other* dimensions' filters.
 */

/** Niveaux of the territory selector, from the widest. */
export const TERRITOIRE_NIVEAUX = ['region', 'departement', 'commune', 'cite'] as const;
export type TerritoireNiveau = (typeof TERRITOIRE_NIVEAUX)[number];

export interface Territoire {
  niveau: TerritoireNiveau;
  /** INSEE code, or the Cité's name (its key in `cites`). */
  code: string;
}

export type Range = readonly [number, number];

/** What a dimension's SQL may depend on besides the data: the map's indicator, the user's risk weights. */
export interface DimensionContext {
  indicator: string;
  weights: RiskWeights;
}

/** How a dimension's label, unit and millésime read, when they depend on the context. */
export interface DimensionDescription {
  label: string;
  unit: string;
  /** The year its values describe, or how it is measured (shown beside the label and in the CSV). */
  millesime: string;
}

interface DeclarationBase {
  /** Its key in the URL (`f_<id>`, `dims=<id>,…`) and in the code: letters, digits, `_`. */
  readonly id: string;
  /** French, the chart's title and the table's column. */
  readonly label: string;
  /** Heading of the picker's list it appears under. */
  readonly group: string;
  /** Tables its SQL reads (derived tables of the cross-filter are always there). */
  readonly tables: readonly TableName[];
}

/**
 * A number per QPV, brushed as a range. `values` gives one row per QPV that has one, as
 * (code, valeur, statut): valeur null with statut 'secret' when the secret statistique hides
 * it (`secretSqlPredicate`), 'nd' when there is none; a QPV absent from the result is n.d.
 */
export interface RangeDimension extends DeclarationBase {
  readonly kind: 'range';
  readonly unit: string;
  readonly millesime: string;
  /** Whether a higher value is worse (`hausse_defavorable`), better, or neither. */
  readonly sens: 'hausse_defavorable' | 'hausse_favorable' | 'neutre';
  /** Histogram from 0 (counts and distances) rather than from the smallest value. */
  readonly fromZero?: boolean;
  /** A line under the chart: how it is measured. */
  readonly note?: string;
  format(value: number): string;
  values(context: DimensionContext): string;
  /** Whether its label, unit and millésime are those of the map's indicator (and its values formatted with that unit). */
  readonly followsIndicator?: boolean;
}

/** How `d` reads: its own label, or the map's indicator's (`indicator`, null while loading). */
export function describeRange(d: RangeDimension, indicator: DimensionDescription | null): DimensionDescription & { format(value: number): string } {
  if (d.followsIndicator !== true) return { label: d.label, unit: d.unit, millesime: d.millesime, format: d.format };
  const { label, unit, millesime } = indicator ?? d;
  return { label, unit, millesime, format: (v) => formatValue(v, unit) };
}

/**
 * Categories per QPV, chosen as bars. `values` gives (code, valeurs): the QPV's categories,
 * '|'-separated; a QPV absent from the result has none.
 */
export interface CategoryDimension extends DeclarationBase {
  readonly kind: 'category';
  readonly categories: readonly { id: string; label: string }[];
  /** Ids older links used, read as the current ones (`f_ep=hors` → 'hors_ep'). */
  readonly aliases?: Readonly<Record<string, string>>;
  values(context: DimensionContext): string;
}

export type DimensionDeclaration = RangeDimension | CategoryDimension;

/** The registry the engine, the URL, the panel, the table, the GPU filter and the CSV read. */
export type DimensionRegistry = ReadonlyMap<string, DimensionDeclaration>;

/** A dimension's id: what the URL may name. */
const DIMENSION_ID = /^[a-z][a-z0-9_]*$/;
/** Names the URL or the result table already use for something else. */
const RESERVED_IDS = ['texte', 'code', 'nom', 'commune_nom', 'departement_code'];

export const registryOf = (declarations: readonly DimensionDeclaration[]): DimensionRegistry => {
  const registry = new Map<string, DimensionDeclaration>();
  for (const d of declarations) {
    if (!DIMENSION_ID.test(d.id) || RESERVED_IDS.includes(d.id)) throw new Error(`invalid dimension id "${d.id}"`);
    if (registry.has(d.id)) throw new Error(`dimension "${d.id}" declared twice`);
    registry.set(d.id, d);
  }
  return registry;
};

/** The charts the Filtres tab shows, in order, and the scatter plot's two range dimensions. */
export interface Charts {
  dims: readonly string[];
  nuage: readonly [string, string] | null;
}

/**
 * Ranges the map's GPU filter tests itself (deck.gl's DataFilterExtension: four values per
 * object): the first four range dimensions in use. Others, and the categories, territory and
 * text, reach it as one packed attribute (`CrossFilterCounts.gpuPass`). The panel shows at
 * most this many histograms.
 */
export const GPU_RANGES = 4;

export interface Filters {
  /** Brushed ranges, by range dimension id. */
  ranges: Readonly<Record<string, Range>>;
  /** Chosen categories, by category dimension id, in the dimension's order. */
  categories: Readonly<Record<string, readonly string[]>>;
  territoire: Territoire | null;
  /** Folded substring of the QPV's name, commune or code. */
  texte: string;
  /** What is shown: not a filter (« Réinitialiser » keeps it). */
  charts: Charts;
}

/** Today's panel: the map's indicator, the nearest 16–25 service, the four categories, and the scatter plot of risk × access. */
export const DEFAULT_CHARTS: Charts = { dims: ['valeur', 'distance', 'ep', 'spheres', 'axes', 'financement'], nuage: ['risque', 'distance'] };

export const NO_FILTERS: Filters = { ranges: {}, categories: {}, territoire: null, texte: '', charts: DEFAULT_CHARTS };

/** `filters` without any filter, the charts kept. */
export const clearFilters = (filters: Filters): Filters => ({ ...NO_FILTERS, charts: filters.charts });

export function isFiltered(filters: Filters): boolean {
  return Object.keys(filters.ranges).length > 0 || Object.values(filters.categories).some((c) => c.length > 0) || filters.territoire !== null || filters.texte.trim() !== '';
}

/**
 * `n` at the URL's precision (`formatUrlNumber`), rounded down (`direction` -1) or up (+1):
 * a bound kept outward never leaves out the value at the edge of a brush.
 */
function roundedOutward(n: number, direction: -1 | 1): number {
  const rounded = Number(formatUrlNumber(n));
  if (rounded === n || Math.sign(rounded - n) !== -direction) return rounded;
  // One unit of the 8th significant digit further out.
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 7);
  return Number(formatUrlNumber(rounded + direction * unit));
}

/**
 * `filters` with `range` brushed on dimension `id` (null: cleared), its bounds at the URL's
 * precision, rounded outward: the link then filters exactly as the page it was copied from,
 * and a brush reaching an edge value keeps it.
 */
export function setRange(filters: Filters, id: string, range: Range | null): Filters {
  const { [id]: _, ...others } = filters.ranges;
  return { ...filters, ranges: range === null ? others : { ...others, [id]: [roundedOutward(range[0], -1), roundedOutward(range[1], 1)] } };
}

/** `filters` with category `id` of `dimension` chosen, or unchosen if it was; category order kept. */
export function toggleCategory(filters: Filters, dimension: CategoryDimension, id: string): Filters {
  const current = filters.categories[dimension.id] ?? [];
  const next = current.includes(id) ? current.filter((v) => v !== id) : dimension.categories.map((c) => c.id).filter((c) => c === id || current.includes(c));
  const { [dimension.id]: _, ...others } = filters.categories;
  return { ...filters, categories: next.length === 0 ? others : { ...others, [dimension.id]: next } };
}

/** `filters` with chart `id` shown (at the end) or, if it was, hidden with its filter. */
export function toggleChart(filters: Filters, id: string): Filters {
  const shown = filters.charts.dims.includes(id);
  const cleared = shown ? { ...setRange(filters, id, null), categories: Object.fromEntries(Object.entries(filters.categories).filter(([k]) => k !== id)) } : filters;
  const nuage = filters.charts.nuage;
  // A range the scatter plot still shows keeps its brush.
  const keep = shown && nuage !== null && nuage.includes(id) ? filters.ranges : cleared.ranges;
  return { ...cleared, ranges: keep, charts: { ...filters.charts, dims: shown ? filters.charts.dims.filter((d) => d !== id) : [...filters.charts.dims, id] } };
}

/** `filters` with the scatter plot on `nuage` (null: hidden); a range brushed only there is cleared with it. */
export function setScatter(filters: Filters, nuage: readonly [string, string] | null): Filters {
  const kept = new Set([...filters.charts.dims, ...(nuage ?? [])]);
  const ranges = Object.fromEntries(Object.entries(filters.ranges).filter(([id]) => kept.has(id)));
  return { ...filters, ranges, charts: { ...filters.charts, nuage } };
}

/** Range dimensions the filters use: the shown histograms, then the scatter plot's axes, each once. */
export function activeRanges(filters: Filters, registry: DimensionRegistry): string[] {
  const ids = [...filters.charts.dims, ...(filters.charts.nuage ?? []), ...Object.keys(filters.ranges)];
  return [...new Set(ids)].filter((id) => registry.get(id)?.kind === 'range');
}

/** Category dimensions the filters use: those shown, and those with a choice (a link may set one without showing it). */
export function activeCategories(filters: Filters, registry: DimensionRegistry): string[] {
  const ids = [...filters.charts.dims, ...Object.keys(filters.categories)];
  return [...new Set(ids)].filter((id) => registry.get(id)?.kind === 'category');
}

const Dims = z
  .string()
  .transform((v) => (v === '' ? [] : v.split(',')))
  .pipe(z.array(z.string().regex(DIMENSION_ID)).max(24));
const Nuage = z
  .string()
  .transform((v) => v.split(','))
  .pipe(z.tuple([z.string().regex(DIMENSION_ID), z.string().regex(DIMENSION_ID)]))
  .refine(([x, y]) => x !== y, 'the same dimension twice');
const Territoire = z
  .string()
  .transform((v) => {
    const at = v.indexOf(':');
    return { niveau: v.slice(0, at), code: v.slice(at + 1) };
  })
  .pipe(z.object({ niveau: z.enum(TERRITOIRE_NIVEAUX), code: UrlText.pipe(z.string().min(1).max(120)) }));
const Texte = UrlText.pipe(z.string().max(80));
const categoryList = (dimension: CategoryDimension) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(',').map((id) => dimension.aliases?.[id] ?? id))])
    .pipe(z.array(z.enum(dimension.categories.map((c) => c.id) as [string, ...string[]])));

/** URL parameters of the cross-filter besides `f_<id>`: French like the rest of the hash. */
const PARAM = { dims: 'dims', nuage: 'nuage', territoire: 'territoire', texte: 'f_texte' } as const;
const FILTER_PREFIX = 'f_';

/**
 * Filters read from URL parameters against `registry`: `f_<id>` for each dimension (a range
 * `lo~hi` or categories `a,b`), `dims` and `nuage` for the charts, `territoire` and `f_texte`.
 * A malformed parameter, or one naming no known dimension, is ignored and recorded in
 * `rejected`. A dimension a link filters is shown.
 */
export function readFilterParams(params: URLSearchParams, registry: DimensionRegistry, rejected: RejectedParam[] = []): Filters {
  const known = (ids: readonly string[], param: string, raw: string) => {
    const unknown = ids.filter((id) => !registry.has(id));
    if (unknown.length > 0) rejected.push({ param, value: raw, reason: 'malformed' });
    return unknown.length === 0;
  };
  const dims = readParam(Dims, PARAM.dims, params.get(PARAM.dims), rejected);
  const rawNuage = params.get(PARAM.nuage);
  // `nuage=` (empty): the scatter plot hidden.
  const nuage = rawNuage === '' ? null : readParam(Nuage, PARAM.nuage, rawNuage, rejected);
  const ranged = (ids: readonly string[], param: string, raw: string) => {
    const ok = ids.every((id) => registry.get(id)?.kind === 'range');
    if (!ok) rejected.push({ param, value: raw, reason: 'malformed' });
    return ok;
  };
  const charts: Charts = {
    dims: dims !== undefined && known(dims, PARAM.dims, params.get(PARAM.dims)!) ? [...new Set(dims)] : DEFAULT_CHARTS.dims,
    nuage: nuage === null ? null : nuage !== undefined && known(nuage, PARAM.nuage, rawNuage!) && ranged(nuage, PARAM.nuage, rawNuage!) ? nuage : DEFAULT_CHARTS.nuage,
  };
  const ranges: Record<string, Range> = {};
  const categories: Record<string, readonly string[]> = {};
  for (const [param, raw] of params) {
    if (!param.startsWith(FILTER_PREFIX) || param === PARAM.texte) continue;
    const dimension = registry.get(param.slice(FILTER_PREFIX.length));
    if (dimension === undefined) {
      rejected.push({ param, value: raw, reason: 'malformed' });
      continue;
    }
    if (dimension.kind === 'range') {
      const range = readParam(UrlRange, param, raw, rejected);
      if (range !== undefined) ranges[dimension.id] = range;
    } else {
      const chosen: readonly string[] | undefined = readParam(categoryList(dimension), param, raw, rejected);
      if (chosen !== undefined && chosen.length > 0) categories[dimension.id] = dimension.categories.map((c) => c.id).filter((id) => chosen.includes(id));
    }
  }
  // A filtered dimension shows its chart, unless the scatter plot shows it; no more than
  // GPU_RANGES histograms (a longer link loses the last ones, and their brushes, with a notice).
  const hidden = [...Object.keys(ranges), ...Object.keys(categories)].filter((id) => !charts.dims.includes(id) && charts.nuage?.includes(id) !== true);
  let histograms = 0;
  const wanted = [...charts.dims, ...hidden];
  const shown = wanted.filter((id) => registry.get(id)?.kind !== 'range' || ++histograms <= GPU_RANGES);
  const dropped = wanted.filter((id) => !shown.includes(id));
  for (const param of new Set(dropped.map((id) => (params.has(FILTER_PREFIX + id) ? FILTER_PREFIX + id : PARAM.dims)))) rejected.push({ param, value: params.get(param) ?? '', reason: 'malformed' });
  const kept = new Set([...shown, ...(charts.nuage ?? [])]);
  return {
    ranges: Object.fromEntries(Object.entries(ranges).filter(([id]) => kept.has(id))),
    categories,
    territoire: readParam(Territoire, PARAM.territoire, params.get(PARAM.territoire), rejected) ?? null,
    texte: readParam(Texte, PARAM.texte, params.get(PARAM.texte), rejected) ?? '',
    charts: { ...charts, dims: shown },
  };
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null) => (a === null || b === null ? a === b : a.length === b.length && a.every((v, i) => v === b[i]));

/** Sets the filters' URL parameters on `params` and removes the others (the charts only when not the default). */
export function writeFilterParams(params: URLSearchParams, filters: Filters): void {
  for (const key of [...params.keys()]) if (key.startsWith(FILTER_PREFIX)) params.delete(key);
  for (const [id, range] of Object.entries(filters.ranges)) params.set(FILTER_PREFIX + id, range.map(formatUrlNumber).join('~'));
  for (const [id, chosen] of Object.entries(filters.categories)) if (chosen.length > 0) params.set(FILTER_PREFIX + id, chosen.join(','));
  const set = (key: string, value: string | null) => (value === null ? params.delete(key) : params.set(key, value));
  set(PARAM.dims, sameList(filters.charts.dims, DEFAULT_CHARTS.dims) ? null : filters.charts.dims.join(','));
  set(PARAM.nuage, sameList(filters.charts.nuage, DEFAULT_CHARTS.nuage) ? null : (filters.charts.nuage?.join(',') ?? ''));
  set(PARAM.territoire, filters.territoire && `${filters.territoire.niveau}:${filters.territoire.code}`);
  set(PARAM.texte, filters.texte.trim() || null);
}

/** Whether `a` and `b` differ only by their brushed ranges (a brush gesture). */
export const sameButRanges = (a: Filters, b: Filters): boolean => a.categories === b.categories && a.territoire === b.territoire && a.texte === b.texte && a.charts === b.charts;
