import { describe, expect, it } from 'vitest';
import { lowerCaseKeys, normaliseInseeCommune, QPV_CODE, QpvPropertiesSchema } from '../../data-pipeline/tables/qpv-properties.ts';

// Properties as they appear in the files of data-pipeline/sources/ (2015) and in the ANCT's
// 2024 « QP 2024 » layer (`code_qp, lib_qp, insee_com, lib_com`).
const parse = (properties: Record<string, unknown>) => QpvPropertiesSchema.safeParse(lowerCaseKeys(properties));

describe('QpvPropertiesSchema: the three published layouts', () => {
  it('reads the 2015 upper-case layout (Résovilles, Ille-et-Vilaine), extra columns ignored', () => {
    const result = parse({ CODE_QP: 'QP035004', NOM_QP: 'Maurepas', COMMUNE_QP: 'Rennes', surface: 49, pop: '6 206' });
    expect(result.success && result.data).toEqual({ code_qp: 'QP035004', nom_qp: 'Maurepas', commune_qp: 'Rennes' });
  });

  it('reads the 2015 lower-case layout with commune and département codes (Occitanie)', () => {
    const result = parse({ code_qp: 'QP066007', nom_qp: 'Bas-Vernet Nouveau QPV', commune_qp: 'Perpignan', code_commune: '66136', nom_commune: 'Perpignan', code_departement: '66' });
    expect(result.success && result.data).toMatchObject({ code_qp: 'QP066007', code_commune: '66136', code_departement: '66' });
  });

  it('reads the 2024 layout code_qp, lib_qp, insee_com', () => {
    const result = parse({ code_qp: 'QN07501M', lib_qp: 'Porte de la Chapelle', insee_com: '75118', lib_com: 'Paris 18e Arrondissement', insee_dep: '75' });
    expect(result.success && result.data).toEqual({ code_qp: 'QN07501M', lib_qp: 'Porte de la Chapelle', insee_com: '75118', lib_com: 'Paris 18e Arrondissement', insee_dep: '75' });
  });

  it('trims text and turns numbers (codes typed as numbers by a spreadsheet) into strings', () => {
    const result = parse({ CODE_QP: ' QP001001 ', NOM_QP: ' Croix-Blanche ', code_commune: 1053, code_departement: 1 });
    expect(result.success && result.data).toMatchObject({ code_qp: 'QP001001', nom_qp: 'Croix-Blanche', code_commune: '1053', code_departement: '1' });
  });
});

describe('QpvPropertiesSchema: rejected rows', () => {
  it.each([
    ['too few digits', 'QP35004'],
    ['lower-case prefix', 'qp035004'],
    ['2024 code one character too long', 'QN07501M2'],
    ['unknown prefix', 'ZZ035004'],
    ['empty', '   '],
  ])('refuses a QPV code with %s (%j), on field code_qp', (_why, code) => {
    const result = parse({ CODE_QP: code, NOM_QP: 'Maurepas' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['code_qp']);
  });

  it('says what a QPV code looks like', () => {
    expect(parse({ code_qp: 'QP35', nom_qp: 'x' }).error?.issues[0]?.message).toBe('expected QP + 6 digits (2015) or QN + 5 digits + a character (2024)');
  });

  it('refuses a row without a code, on field code_qp', () => {
    const result = parse({ NOM_QP: 'Maurepas', COMMUNE_QP: 'Rennes' });
    expect(result.error?.issues[0]?.path).toEqual(['code_qp']);
  });

  it('refuses a row with neither nom_qp nor lib_qp, on field nom_qp', () => {
    const result = parse({ code_qp: 'QP035004', commune_qp: 'Rennes' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['nom_qp'], message: 'missing QPV name (nom_qp or lib_qp)' });
  });

  it('refuses an empty name rather than publishing a blank label', () => {
    expect(parse({ code_qp: 'QP035004', nom_qp: ' ' }).success).toBe(false);
  });
});

describe('QPV_CODE', () => {
  it.each(['QP035004', 'QP971001', 'QN07501M', 'QN97201A', 'QN075012'])('accepts %s', (code) => expect(QPV_CODE.test(code)).toBe(true));
  it.each(['QP0350041', 'QN075012X', 'QP03500A', ''])('refuses %j', (code) => expect(QPV_CODE.test(code)).toBe(false));
});

describe('normaliseInseeCommune', () => {
  it.each([
    ['1053', '01053', 'Bourg-en-Bresse typed as a number lost its leading zero'],
    ['01053', '01053', 'already five characters'],
    ['66136', '66136', 'Perpignan'],
    ['2a004', '2A004', 'Corsica (Ajaccio), upper-cased'],
    ['2B033', '2B033', 'Corsica (Bastia)'],
    ['97411', '97411', 'La Réunion (Saint-Denis)'],
  ])('%s → %s (%s)', (code, expected) => {
    expect(normaliseInseeCommune(code)).toBe(expected);
  });

  it('does not invent a code from a bad one: it stays bad and unmatched', () => {
    expect(normaliseInseeCommune('123')).toBe('123');
    expect(normaliseInseeCommune('660136')).toBe('660136');
    expect(normaliseInseeCommune('abcd')).toBe('ABCD');
  });
});

describe('lowerCaseKeys', () => {
  it('lower-cases keys only, values untouched', () => {
    expect(lowerCaseKeys({ CODE_QP: 'QP035004', Nom_Qp: 'Le Blosne' })).toEqual({ code_qp: 'QP035004', nom_qp: 'Le Blosne' });
  });
});
