import { z } from 'zod';
import { year } from '../etablissements/field-schemas.ts';

/**
 * One post of the ANCT's politique-de-la-ville files, as both layouts give it:
 * `adulte-relais-2023.json` (`code_tiers` = SIRET, `annee` a number) and
 * `postes-fonjep-2023.json` (`code_tiers` = the structure's name, `annee` a string). Either
 * may lack `code_cv` (posts not attached to a contrat de ville) or `insee_dep` (Saint-Martin,
 * the Pacific collectivités): the key is then absent, or null.
 */
export interface PosteRecord {
  idPoste: string;
  codeTiers: string;
  raisonSociale: string;
  annee: number;
  /** Contrats de ville of the post: usually one; `CV380CV384` in the file gives two. */
  codesCv: string[];
  departement: string | null;
}

export type PosteField = 'id_poste' | 'code_tiers' | 'raison_sociale' | 'annee' | 'code_cv' | 'insee_dep';

export type PosteOutcome = { ok: true; value: PosteRecord } | { ok: false; field: PosteField; value: unknown; reason: string };

const blankToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);
const text = z.string('expected text').trim().min(1, 'empty value');

const PosteSchema = z.object({
  id_poste: text,
  code_tiers: text,
  raison_sociale: text,
  annee: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), year),
  code_cv: z.preprocess(
    blankToNull,
    z
      .string('expected text')
      .trim()
      .regex(/^(CV\d{3})+$/, 'expected a contrat de ville code such as CV001 (or codes run together: CV380CV384)')
      .transform((s) => s.match(/CV\d{3}/g)!)
      .nullable(),
  ),
  insee_dep: z.preprocess(
    blankToNull,
    z
      .string('expected text')
      .trim()
      .toUpperCase()
      .regex(/^(\d{2}|2A|2B|9[78]\d)$/, 'expected a département code such as 01, 2A or 974')
      .nullable(),
  ),
});

export function parsePosteRecord(values: Record<string, unknown>): PosteOutcome {
  const parsed = PosteSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '') as PosteField;
    return { ok: false, field, value: values[field], reason: issue.message };
  }
  const p = parsed.data;
  return {
    ok: true,
    value: {
      idPoste: p.id_poste,
      codeTiers: p.code_tiers,
      raisonSociale: p.raison_sociale,
      annee: p.annee,
      codesCv: [...new Set(p.code_cv ?? [])],
      departement: p.insee_dep,
    },
  };
}
