import { z } from 'zod';
import { type RowOutcome, type RowReader, zodProblem } from './collect-file-rows.ts';
import { field } from './header-fields.ts';
import { optionalCount, optionalDecimal } from './field-schemas.ts';

/**
 * Columns of the DEPP's IPS des collèges (`fr-en-ips-colleges-ap2022`): `;`, `.` decimals,
 * one row per collège and rentrée (`2022-2023`).
 */
export const IPS_FIELDS = {
  uai: field(true, 'UAI'),
  rentree: field(true, 'Rentrée scolaire'),
  effectifs: field(false, 'Effectifs'),
  ips: field(true, 'IPS'),
};
export type IpsField = keyof typeof IPS_FIELDS;

export interface IpsValues {
  /** First year of the rentrée: 2022 for `2022-2023`. */
  annee: number;
  ips: number | null;
  effectifs: number | null;
}

const IpsSchema = z.object({
  rentree: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{4}$/, 'expected a rentrée such as 2022-2023')
    .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'expected consecutive years such as 2022-2023')
    .transform((s) => Number(s.slice(0, 4))),
  effectifs: optionalCount,
  // IPS ranges over ~45–185 for collèges; outside 0–300 the column is not the IPS.
  ips: optionalDecimal.refine((v) => v === null || (v > 0 && v < 300), 'expected an IPS between 0 and 300'),
});

export const ipsReader: RowReader<IpsField, IpsValues> = {
  fields: IPS_FIELDS,
  uai: 'uai',
  parse(values): RowOutcome<IpsValues, IpsField> {
    const parsed = IpsSchema.safeParse(values);
    if (!parsed.success) return zodProblem(parsed.error, values);
    const { rentree, effectifs, ips } = parsed.data;
    return { ok: true, value: { annee: rentree, ips, effectifs } };
  },
};
