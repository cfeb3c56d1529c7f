import { describe, expect, it } from 'vitest';
import { flag, optionalCount, optionalDecimal, optionalEpsg, optionalIsoDate } from '../../data-pipeline/tables/etablissements/field-schemas.ts';
import { departementOfCommuneCode, normaliseCommuneCode, normaliseUai } from '../../data-pipeline/tables/etablissements/normalise-codes.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, v: string) => schema.safeParse(v).data;
const fails = (schema: { safeParse(v: unknown): { success: boolean } }, v: string) => !schema.safeParse(v).success;

describe('cells of the establishment files', () => {
  it('reads decimals with a comma or a point, counts written 540.0, empty cells as null', () => {
    expect(['74,3', '74.3', ' 1 234,5 ', ''].map((v) => ok(optionalDecimal, v))).toEqual([74.3, 74.3, 1234.5, null]);
    expect(['540.0', '143', ''].map((v) => ok(optionalCount, v))).toEqual([540, 143, null]);
    expect(['12,5', '-3', 'NA'].every((v) => fails(optionalCount, v))).toBe(true);
  });

  it('reads EPSG codes with or without prefix, dates in ISO or French order, 0/1 flags', () => {
    expect(['EPSG:2154', '2975', 'epsg:32620', ''].map((v) => ok(optionalEpsg, v))).toEqual([2154, 2975, 32620, null]);
    expect(fails(optionalEpsg, 'Lambert 93')).toBe(true);
    expect(['2024-11-26', '08/06/2023', ''].map((v) => ok(optionalIsoDate, v))).toEqual(['2024-11-26', '2023-06-08', null]);
    expect(['2024-02-31', '26/11/24', 'hier'].every((v) => fails(optionalIsoDate, v))).toBe(true);
    expect(['1', '0', ''].map((v) => ok(flag, v))).toEqual([true, false, false]);
    expect(fails(flag, 'oui')).toBe(true);
  });
});

describe('codes', () => {
  it('normalises UAI (trim, upper case) and refuses anything but 7 digits + a letter', () => {
    expect([' 0350122t', '0311131L'].map(normaliseUai)).toEqual(['0350122T', '0311131L']);
    expect(['123', '03501224', '0350122TT', ''].map(normaliseUai)).toEqual([null, null, null, null]);
  });

  it('restores the leading zero of commune codes, keeps Corsica, finds the département (3 chars outre-mer)', () => {
    expect(['1025', '01025', '2a004', '97411', '98735', '123'].map(normaliseCommuneCode)).toEqual(['01025', '01025', '2A004', '97411', '98735', null]);
    expect(['01025', '2A004', '97411', '98735'].map(departementOfCommuneCode)).toEqual(['01', '2A', '974', '987']);
  });
});
