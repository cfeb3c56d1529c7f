import { LIEU_CATEGORIES, type LieuCategorieId, type LieuPrecision } from '../../../src/domain/lieu-categories.ts';
import type { Location, RowIssue } from '../../pipeline-error.ts';

/**
 * One place as the `lieux` table publishes it (`LIEUX_LAYOUT`). Plain types: validation
 * happens where rows enter.
 */
export interface LieuFields {
  id: string;
  nom: string;
  categorie: LieuCategorieId;
  tranches: string;
  spheres: string;
  adresse: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  departement_code: string;
  region_code: string;
  lon: number | null;
  lat: number | null;
  precision: LieuPrecision | null;
  code_cv: string | null;
  qpv_code: string | null;
  qpv_300m: string | null;
  postes: number | null;
  annee: number | null;
  source_id: string;
}

export type LieuRow = Record<string, string | number | null> & LieuFields;

/** What one kind of source adds to the table: rows with their places, and its issues. */
export interface LieuxPart {
  rows: LieuRow[];
  locations: Location[];
  rowsIn: number;
  rejected: RowIssue[];
  warnings: RowIssue[];
}

export const emptyPart = (): LieuxPart => ({ rows: [], locations: [], rowsIn: 0, rejected: [], warnings: [] });

/** `categorie`, `tranches` and `spheres` cells of a category (lists in vocabulary order). */
export function categoryColumns(id: LieuCategorieId): Pick<LieuFields, 'categorie' | 'tranches' | 'spheres'> {
  const categorie = LIEU_CATEGORIES.find((c) => c.id === id)!;
  return { categorie: id, tranches: categorie.tranches.join('|'), spheres: categorie.spheres.join('|') };
}

/** A point of a commune of the territoires table (its representative point). */
export interface CommunePoint {
  nom: string;
  lon: number;
  lat: number;
}

export type CommunePoints = ReadonlyMap<string, CommunePoint>;

/** Commune code → name and point, from the territoires rows. */
export function communePoints(rows: readonly Record<string, string | number | null>[]): CommunePoints {
  const points = new Map<string, CommunePoint>();
  for (const r of rows) {
    if (r.niveau === 'commune' && typeof r.lon === 'number' && typeof r.lat === 'number') points.set(String(r.code), { nom: String(r.nom), lon: r.lon, lat: r.lat });
  }
  return points;
}
