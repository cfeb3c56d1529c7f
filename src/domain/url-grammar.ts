import { z } from 'zod';

/**
 * The grammar every value of the URL hash is read with (STYLE.md §4): a link is typed, pasted
 * or forged by anyone, so nothing in it is read leniently. `Number()` alone would take `0x10`,
 * `1e3`, ` 5 `, `Infinity` and the empty string (0); a control character in a code would
 * reach DuckDB's parser (a NUL byte ends its SQL text).
 */

/** C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export const hasControlCharacter = (value: string): boolean => CONTROL_CHARACTER.test(value);

/** A URL text value without control characters. */
export const UrlText = z.string().refine((v) => !hasControlCharacter(v), 'control character');

/** Decimal: optional sign, digits, optional fraction. No hex, exponent, blank, `Infinity`. */
const DECIMAL = /^[+-]?[0-9]+(?:\.[0-9]+)?$/;

/** A number of the URL, in DECIMAL form. */
export const UrlNumber = z
  .string()
  .regex(DECIMAL, 'not a decimal number')
  .transform(Number)
  .pipe(z.number().finite());

/** `lo~hi`, two decimals with lo ≤ hi. */
export const UrlRange = z
  .string()
  .transform((v) => v.split('~'))
  .pipe(z.tuple([UrlNumber, UrlNumber]))
  .refine(([lo, hi]) => lo <= hi, 'empty range');

// One formatter for all: `toLocaleString` builds one per call, half a millisecond each brush move.
const urlNumber = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 8 });

/**
 * `n` in DECIMAL form with at most 8 significant digits, never in exponent notation (which
 * the grammar refuses): `1e-7` is written `0.0000001`.
 */
export function formatUrlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return urlNumber.format(n).replace(/^-0$/, '0');
}

/** MapLibre's `carte=zoom/lat/lon[/bearing[/pitch]]`, each part in DECIMAL form. */
export const MapViewParam = z
  .string()
  .transform((v) => v.split('/'))
  .pipe(z.array(UrlNumber).min(3).max(5));

/** A parameter of the link that was not used, and why. */
export interface RejectedParam {
  param: string;
  value: string;
  /** `retired`: names a thing the app no longer has (a risk component taken out of the index). */
  reason: 'control-character' | 'malformed' | 'retired';
}

/**
 * The value of `param` (`raw`, null when absent) read with `schema`, or undefined when absent
 * or refused; a refusal is recorded in `rejected` (the app tells the user).
 */
export function readParam<S extends z.ZodType<unknown, string>>(schema: S, param: string, raw: string | null, rejected: RejectedParam[]): z.output<S> | undefined {
  if (raw === null) return undefined;
  if (hasControlCharacter(raw)) {
    rejected.push({ param, value: raw, reason: 'control-character' });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  rejected.push({ param, value: raw, reason: 'malformed' });
  return undefined;
}
