import { z } from 'zod';
import { parseNumber } from '../../normalise/parse-number.ts';

/**
 * zod schemas for the text cells of the establishment files, shared by their row parsers.
 * Every cell arrives as a string (possibly empty); the schemas trim and convert.
 */

export const requiredText = z.string().trim().min(1, 'empty value');

/** Trimmed text, '' → null. */
export const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

/** `74,3`, `74.3`, `1 234` (see `parseNumber`); '' → null. */
export const optionalDecimal = z.string().transform((s, ctx) => {
  const parsed = parseNumber(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

/** A count (`143`, or `540.0` as some exports write it); '' → null. */
export const optionalCount = optionalDecimal.transform((n, ctx) => {
  if (n !== null && (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1)) {
    ctx.addIssue({ code: 'custom', message: `not a count: ${n}` });
    return z.NEVER;
  }
  return n;
});

/** `EPSG:2154` or `2154`; '' → null. */
export const optionalEpsg = z
  .string()
  .trim()
  .regex(/^((EPSG:)?\d{4,5})?$/i, 'expected an EPSG code such as "EPSG:2154"')
  .transform((s) => (s === '' ? null : Number(s.replace(/^EPSG:/i, ''))));

/** `2024-11-26` or `26/11/2024` → ISO date; '' → null. */
export const optionalIsoDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : french ? [french[3]!, french[2]!, french[1]!] : [];
    const date = y === undefined ? null : new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // Date.UTC rolls 31 February over to March: a real date reads back the same.
    if (date === null || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
      ctx.addIssue({ code: 'custom', message: `not a date: "${s}" (expected YYYY-MM-DD)` });
      return z.NEVER;
    }
    return `${y}-${m}-${d}`;
  });

/** A 0/1 flag; '' → 0 (the annuaire leaves flags empty where they do not apply). */
export const flag = z
  .string()
  .trim()
  .regex(/^[01]?$/, 'expected 0 or 1')
  .transform((s) => s === '1');

/** A year such as `2021`. */
export const year = z
  .string()
  .trim()
  .regex(/^(19|20)\d{2}$/, 'expected a year such as 2021')
  .transform(Number);
