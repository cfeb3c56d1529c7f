import { describe, expect, it } from 'vitest';
import { NUMBER_EXPECTED, parseNumber } from '../../data-pipeline/normalise/parse-number.ts';

// Numbers as official files write them: English-locale exports (qp.csv), French spreadsheets
// and INSEE files (decimal comma, spaces of several kinds between thousands).
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const THIN = '\u2009';

describe('parseNumber: accepted', () => {
  it.each([
    ['40.2', 40.2],
    ['40,2', 40.2],
    ['41', 41],
    ['0', 0],
    ['007', 7],
    ['0.05', 0.05],
    ['-3.5', -3.5],
    ['+3,5', 3.5],
    ['\u22123,5', -3.5],
    ['-0', 0],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    [`12 564`, 12564],
    [`12${NBSP}564`, 12564],
    [`12${NNBSP}564`, 12564],
    [`12${THIN}564`, 12564],
    [`1 234 567`, 1234567],
    [`1${NNBSP}234${NBSP}567,89`, 1234567.89],
    [`-458 298.5`, -458298.5],
  ])('thousands separated by spaces: %j → %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['1e3', 1000],
    ['1.5E-3', 0.0015],
    ['2,5e+2', 250],
  ])('an exponent on an ungrouped number: %j → %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('ignores spaces around the number, including no-break ones', () => {
    expect(parseNumber(`  40,2${NBSP}`)).toEqual({ ok: true, value: 40.2 });
    expect(parseNumber('\t12 564\r')).toEqual({ ok: true, value: 12564 });
  });

  it('reads an empty or blank cell as no value, not as an error', () => {
    for (const blank of ['', ' ', `${NBSP}${NNBSP}`, '\t']) expect(parseNumber(blank)).toEqual({ ok: true, value: null });
  });

  it('reads "." and "," alike as the decimal mark, never as thousands separators', () => {
    expect(parseNumber('1.234')).toEqual({ ok: true, value: 1.234 });
    expect(parseNumber('1,234')).toEqual({ ok: true, value: 1.234 });
  });
});

describe('parseNumber: refused', () => {
  it.each([
    ['a word', 'abc'],
    ['INSEE secret marker', 's'],
    ['not-available marker', 'nd'],
    ['R missing value', 'NA'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['a unit', '40,2 %'],
    ['a currency', '13 305 €'],
    ['both decimal marks', '1.234,5'],
    ['two decimal marks', '1,2,3'],
    ['a dot as thousands separator', '1.234.567'],
    ['a group of two digits', '12 34'],
    ['a group of four digits', '12 3456'],
    ['a leading group of four digits', '1234 567'],
    ['a trailing letter', '12 564x'],
    ['a bare decimal mark', ','],
    ['a leading decimal mark', ',5'],
    ['a trailing decimal mark', '5,'],
    ['a lone sign', '-'],
    ['two signs', '--5'],
    ['an exponent on a grouped number', '1 234e2'],
    ['a hexadecimal literal', '0x1F'],
    ['a spreadsheet error', '#DIV/0!'],
  ])('%s (%j)', (_why, text) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason: NUMBER_EXPECTED });
  });

  it('refuses a number too large for a float', () => {
    expect(parseNumber('1e999')).toEqual({ ok: false, reason: 'number out of range' });
  });
});
