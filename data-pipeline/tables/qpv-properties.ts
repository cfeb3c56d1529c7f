import { z } from 'zod';

/**
 * Properties of a QPV feature, in the layouts the ANCT has published:
 * 2015 generation (`CODE_QP, NOM_QP, COMMUNE_QP`, upper or lower case, sometimes with
 * `code_commune`, `code_departement`) and 2024 generation (`code_qp, lib_qp, insee_com, lib_com`).
 * Keys are lower-cased before parsing.
 */
const text = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'missing value' : `expected text, got ${typeof issue.input}`) })
    .trim()
    .min(1, 'empty value'),
);

export const QPV_CODE = /^(QP\d{6}|QN\d{5}[0-9A-Z])$/;

export const QpvPropertiesSchema = z
  .object({
    code_qp: text.pipe(z.string().regex(QPV_CODE, 'expected QP + 6 digits (2015) or QN + 5 digits + a character (2024)')),
    nom_qp: text.optional(),
    lib_qp: text.optional(),
    commune_qp: text.optional(),
    lib_com: text.optional(),
    nom_commune: text.optional(),
    code_commune: text.optional(),
    insee_com: text.optional(),
    code_departement: text.optional(),
    insee_dep: text.optional(),
  })
  .refine((p) => p.nom_qp ?? p.lib_qp, { message: 'missing QPV name (nom_qp or lib_qp)', path: ['nom_qp'] });

export type QpvProperties = z.infer<typeof QpvPropertiesSchema>;

export function lowerCaseKeys(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
}

/** INSEE commune code with its leading zero restored (`1053` → `01053`); Corsica kept as is. */
export function normaliseInseeCommune(code: string): string {
  return /^\d{4}$/.test(code) ? `0${code}` : code.toUpperCase();
}
