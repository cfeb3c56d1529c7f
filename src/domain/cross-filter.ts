import { z } from 'zod';
import { formatUrlNumber, readParam, type RejectedParam, UrlRange, UrlText } from './url-grammar.ts';
import { EP_LABELS, EP_STATUTS, type EpStatut } from './education-prioritaire.ts';
import { AXES, FINANCEMENTS, SPHERES } from './vocabulary.ts';

/**
 * The cross-filter over QPV: two ranges brushed on histograms and categorical choices.
 * Within a dimension the choices are alternatives (OR); across dimensions they all apply
 * (AND). Each chart shows the QPV under the *other* dimensions' filters.
 */
export { EP_STATUTS, type EpStatut };

/** `f_ep=hors`, as URLs written before the « inconnu » status said « hors EP »: read as 'hors_ep'. */
const EP_URL_ALIASES: Readonly<Record<string, EpStatut>> = { hors: 'hors_ep' };

/** Niveaux of the territory selector, from the widest. */
export const TERRITOIRE_NIVEAUX = ['region', 'departement', 'commune', 'cite'] as const;
export type TerritoireNiveau = (typeof TERRITOIRE_NIVEAUX)[number];

export interface Territoire {
  niveau: TerritoireNiveau;
  /** INSEE code, or the Cité's name (its key in `cites`). */
  code: string;
}

export type Range = readonly [number, number];

export interface Filters {
  /** Brushed range of the indicator the map is coloured by. */
  valeur: Range | null;
  /** Brushed range of the distance (m) to the nearest 16–25 service. */
  distance: Range | null;
  ep: readonly EpStatut[];
  spheres: readonly string[];
  axes: readonly string[];
  financement: readonly string[];
  territoire: Territoire | null;
  /** Folded substring of the QPV's name, commune or code. */
  texte: string;
}

export const CATEGORY_DIMENSIONS = ['ep', 'spheres', 'axes', 'financement'] as const;
export type CategoryDimension = (typeof CATEGORY_DIMENSIONS)[number];

export const NO_FILTERS: Filters = { valeur: null, distance: null, ep: [], spheres: [], axes: [], financement: [], territoire: null, texte: '' };

/** Categories of each categorical dimension, with their French labels, in display order. */
export const CATEGORIES: Record<CategoryDimension, readonly { id: string; label: string }[]> = {
  ep: EP_STATUTS.map((id) => ({ id, label: EP_LABELS[id] })),
  spheres: SPHERES,
  axes: AXES,
  financement: FINANCEMENTS,
};

export function isFiltered(filters: Filters): boolean {
  return (
    filters.valeur !== null ||
    filters.distance !== null ||
    CATEGORY_DIMENSIONS.some((d) => filters[d].length > 0) ||
    filters.territoire !== null ||
    filters.texte.trim() !== ''
  );
}

/** `filters` with category `id` of `dimension` chosen, or unchosen if it was; category order kept. */
export function toggleCategory(filters: Filters, dimension: CategoryDimension, id: string): Filters {
  const current = filters[dimension] as readonly string[];
  const next = current.includes(id) ? current.filter((v) => v !== id) : CATEGORIES[dimension].map((c) => c.id).filter((c) => c === id || current.includes(c));
  return { ...filters, [dimension]: next };
}

const ids = (dimension: CategoryDimension) => CATEGORIES[dimension].map((c) => c.id) as [string, ...string[]];
const list = (dimension: CategoryDimension, aliases: Readonly<Record<string, string>> = {}) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(',').map((id) => aliases[id] ?? id))])
    .pipe(z.array(z.enum(ids(dimension))));
/** URL form of each filter (STYLE.md §4: validated where it enters). */
const FilterParams = {
  valeur: UrlRange,
  distance: UrlRange,
  ep: list('ep', EP_URL_ALIASES),
  spheres: list('spheres'),
  axes: list('axes'),
  financement: list('financement'),
  territoire: z
    .string()
    .transform((v) => {
      const at = v.indexOf(':');
      return { niveau: v.slice(0, at), code: v.slice(at + 1) };
    })
    .pipe(z.object({ niveau: z.enum(TERRITOIRE_NIVEAUX), code: UrlText.pipe(z.string().min(1).max(120)) })),
  texte: UrlText.pipe(z.string().max(80)),
} as const;

/** URL parameter of each filter, French like the rest of the hash. */
const PARAM: Record<keyof Filters, string> = {
  valeur: 'f_valeur',
  distance: 'f_distance',
  ep: 'f_ep',
  spheres: 'f_spheres',
  axes: 'f_axes',
  financement: 'f_financement',
  territoire: 'territoire',
  texte: 'f_texte',
};

/** Filters read from URL parameters; a malformed one is ignored, and recorded in `rejected`. */
export function readFilterParams(params: URLSearchParams, rejected: RejectedParam[] = []): Filters {
  const filters: Record<string, unknown> = { ...NO_FILTERS };
  for (const key of Object.keys(FilterParams) as (keyof Filters)[]) {
    const value = readParam(FilterParams[key], PARAM[key], params.get(PARAM[key]), rejected);
    if (value !== undefined) filters[key] = value;
  }
  return filters as unknown as Filters;
}

/** Sets the active filters' URL parameters on `params` and removes the others. */
export function writeFilterParams(params: URLSearchParams, filters: Filters): void {
  const value: Record<keyof Filters, string | null> = {
    valeur: filters.valeur && filters.valeur.map(formatUrlNumber).join('~'),
    distance: filters.distance && filters.distance.map(formatUrlNumber).join('~'),
    ep: filters.ep.join(',') || null,
    spheres: filters.spheres.join(',') || null,
    axes: filters.axes.join(',') || null,
    financement: filters.financement.join(',') || null,
    territoire: filters.territoire && `${filters.territoire.niveau}:${filters.territoire.code}`,
    texte: filters.texte.trim() || null,
  };
  for (const key of Object.keys(PARAM) as (keyof Filters)[]) {
    const v = value[key];
    if (v === null) params.delete(PARAM[key]);
    else params.set(PARAM[key], v);
  }
}
