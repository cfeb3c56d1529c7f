import { z } from 'zod';
import { LIEU_CATEGORIE_IDS, type LieuCategorieId } from '../../../src/domain/lieu-categories.ts';
import { type RowOutcome, zodProblem } from '../etablissements/collect-file-rows.ts';
import { optionalDecimal, optionalText, requiredText } from '../etablissements/field-schemas.ts';
import { field } from '../etablissements/header-fields.ts';
import { type Placement, placeRow } from '../etablissements/place-row.ts';

/**
 * Columns of the `lieux-annuaire` layout (docs/templates/lieux.csv): places staff list by
 * hand — missions locales, PIJ/BIJ, E2C, EPIDE, Promeneurs du Net… — one per line, `;`,
 * UTF-8. Header names are compared folded (`Code commune` = `code_commune`).
 */
export const ANNUAIRE_LIEU_FIELDS = {
  id: field(true, 'id', 'identifiant'),
  nom: field(true, 'nom'),
  categorie: field(true, 'categorie', 'catégorie'),
  adresse: field(false, 'adresse'),
  commune_code: field(true, 'code_commune', 'code_insee'),
  latitude: field(false, 'latitude'),
  longitude: field(false, 'longitude'),
  annee: field(false, 'annee', 'année'),
};
export type AnnuaireLieuField = keyof typeof ANNUAIRE_LIEU_FIELDS;

export interface AnnuaireLieu extends Placement {
  id: string;
  nom: string;
  categorie: LieuCategorieId;
  adresse: string | null;
  annee: number | null;
}

const categoryKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const AnnuaireLieuSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected an id of letters, digits, dots, dashes or underscores, e.g. ml-toulouse'),
  nom: requiredText,
  categorie: z
    .string()
    .transform(categoryKey)
    .refine((c): c is LieuCategorieId => (LIEU_CATEGORIE_IDS as readonly string[]).includes(c), `expected one of ${LIEU_CATEGORIE_IDS.join(', ')}`),
  adresse: optionalText,
  latitude: optionalDecimal,
  longitude: optionalDecimal,
  annee: z
    .string()
    .trim()
    .regex(/^((19|20)\d{2})?$/, 'expected a year such as 2024')
    .transform((s) => (s === '' ? null : Number(s))),
});

/** A row of the layout, or the first problem of its cells (an out-of-scope commune is a skip). */
export function parseAnnuaireLieuRow(values: Record<AnnuaireLieuField, string>, regionOfDepartement: ReadonlyMap<string, string>): RowOutcome<AnnuaireLieu, AnnuaireLieuField> {
  const parsed = AnnuaireLieuSchema.safeParse(values);
  if (!parsed.success) return zodProblem(parsed.error, values);
  const p = parsed.data;
  const placed = placeRow(values.commune_code, { latitude: p.latitude, longitude: p.longitude, x: null, y: null, epsg: null }, regionOfDepartement);
  if (!placed.ok) return { ...placed, field: placed.field === 'commune_code' ? 'commune_code' : 'latitude' };
  return { ok: true, value: { id: p.id, nom: p.nom, categorie: p.categorie as LieuCategorieId, adresse: p.adresse, annee: p.annee, ...placed.value } };
}
