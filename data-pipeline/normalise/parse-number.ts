/**
 * Strict reading of a number as official open-data files write it: `40.2` (files exported with
 * an English locale), `40,2` (French decimal comma), `12 564` / `12 564` / `12 564` (space,
 * no-break space or narrow no-break space between thousands, as French spreadsheets and
 * INSEE's files print them), an optional sign, an exponent on ungrouped numbers (`1.5e-3`, as
 * R and pandas write small values).
 *
 * Anything else is refused rather than guessed: `.` or `,` are never thousands separators
 * (`1.234` is one point two three four, `1.234,5` is refused), a group of other than three
 * digits is refused (`12 34`), and so are units (`40,2 %`), markers (`s`, `nd`, `NA`) and
 * `NaN` / `Infinity`. An empty or blank cell is no value, not an error.
 */
export type ParsedNumber = { ok: true; value: number | null } | { ok: false; reason: string };

// Spaces found around a cell; and between thousands: space, no-break space, narrow no-break
// space, thin space.
const BLANK = /^[\s\u00A0\u202F\u2009]*$/;
const EDGES = /^[\s\u00A0\u202F\u2009]+|[\s\u00A0\u202F\u2009]+$/g;
const GROUPED = /^([+\-\u2212]?)(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+)(?:[.,](\d+))?$/;
const PLAIN = /^([+\-\u2212]?)(\d+)(?:[.,](\d+))?(?:[eE]([+-]?\d{1,3}))?$/;

export const NUMBER_EXPECTED = 'expected a number (decimal "." or ",", spaces between thousands)';

export function parseNumber(text: string): ParsedNumber {
  if (BLANK.test(text)) return { ok: true, value: null };
  const cell = text.replace(EDGES, '');
  const grouped = GROUPED.exec(cell);
  const plain = grouped === null ? PLAIN.exec(cell) : null;
  const match = grouped ?? plain;
  if (match === null) return { ok: false, reason: NUMBER_EXPECTED };
  const [, sign, integer, fraction, exponent] = match;
  const digits = integer!.replace(/\D/g, '');
  const negative = sign === '-' || sign === '\u2212';
  const value = Number(`${negative ? '-' : ''}${digits}.${fraction ?? '0'}e${exponent ?? '0'}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'number out of range' };
  // -0 from "-0" or "-0,0" is zero.
  return { ok: true, value: value === 0 ? 0 : value };
}
