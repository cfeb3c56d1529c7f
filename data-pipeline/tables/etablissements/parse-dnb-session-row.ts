import { z } from 'zod';
import { type RowOutcome, type RowReader, zodProblem } from './collect-file-rows.ts';
import { field } from './header-fields.ts';
import { optionalDecimal, year } from './field-schemas.ts';

/**
 * Columns of the DEPP's « Diplôme national du brevet par établissement »
 * (`fr-en-dnb-par-etablissement`, data.education.gouv.fr): `;`, one row per établissement and
 * session, every session since 2006 in one file (`Session;Numero d'etablissement;Type
 * d'etablissement;Patronyme;…;Inscrits;Presents;Admis;…;Taux de réussite`). The rate is
 * written `85,3%` in the CSV export, `85.3` elsewhere. No éducation prioritaire column.
 */
export const DNB_SESSION_FIELDS = {
  uai: field(true, "Numero d'etablissement", 'Numero_d_etablissement', "Numéro d'établissement"),
  session: field(true, 'Session'),
  taux: field(true, 'Taux de réussite', 'Taux_de_reussite'),
};
export type DnbSessionField = keyof typeof DNB_SESSION_FIELDS;

export interface DnbSessionValues {
  session: number;
  taux: number | null;
}

const DnbSessionSchema = z.object({
  session: year,
  taux: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s*%$/, ''))
    .pipe(optionalDecimal)
    .refine((t) => t === null || (t >= 0 && t <= 100), 'expected a rate between 0 and 100'),
});

export const dnbSessionReader: RowReader<DnbSessionField, DnbSessionValues> = {
  fields: DNB_SESSION_FIELDS,
  uai: 'uai',
  // One row per session: a UAI repeats across sessions, never within one.
  key: (values) => values.session.trim(),
  parse(values): RowOutcome<DnbSessionValues, DnbSessionField> {
    const parsed = DnbSessionSchema.safeParse(values);
    if (!parsed.success) return zodProblem(parsed.error, values);
    return { ok: true, value: parsed.data };
  },
};
