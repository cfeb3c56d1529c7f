import { z } from 'zod';
import { type RowOutcome, type RowReader, zodProblem } from './collect-file-rows.ts';
import type { Ep } from './etablissement-fields.ts';
import { field } from './header-fields.ts';
import { flag, optionalDecimal, year } from './field-schemas.ts';

/**
 * Columns of `donnees-dnb.csv` (DNB 2021 by collège joined with the collèges' effectifs of
 * rentrée 2020, which carry the `rep` / `rep_plus` flags). Comma-separated, decimal commas
 * inside quotes (`"74,3"`), an unnamed R row-index first column (`_column_1`, unused).
 */
export const DNB_FIELDS = {
  uai: field(true, 'numero_college'),
  session: field(true, 'session'),
  rep: field(true, 'rep'),
  rep_plus: field(true, 'rep_plus'),
  taux: field(true, 'taux_de_reussite'),
};
export type DnbField = keyof typeof DNB_FIELDS;

export interface DnbValues {
  /**
   * Éducation prioritaire at rentrée 2020, from the `rep` and `rep_plus` 0/1 flags of
   * « Effectifs d'élèves par niveau, sexe, langues vivantes – collèges » that every row carries
   * (public and private): both at 0 states « neither REP nor REP+ », hence 'hors_ep'. Both set
   * (13 collèges upstream) read as REP+.
   */
  ep: Ep;
  session: number;
  taux: number | null;
}

const DnbSchema = z.object({
  session: year,
  rep: flag,
  rep_plus: flag,
  taux: optionalDecimal.refine((t) => t === null || (t >= 0 && t <= 100), 'expected a rate between 0 and 100'),
});

export const dnbReader: RowReader<DnbField, DnbValues> = {
  fields: DNB_FIELDS,
  uai: 'uai',
  parse(values): RowOutcome<DnbValues, DnbField> {
    const parsed = DnbSchema.safeParse(values);
    if (!parsed.success) return zodProblem(parsed.error, values);
    const { session, rep, rep_plus: repPlus, taux } = parsed.data;
    return { ok: true, value: { ep: repPlus ? 'REP+' : rep ? 'REP' : 'hors_ep', session, taux } };
  },
};
