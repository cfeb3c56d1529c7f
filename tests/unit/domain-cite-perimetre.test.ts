import { describe, expect, it } from 'vitest';
import { formatQpvMatch, matchQpvNames, PERIMETRE_IDS, perimetreKind, perimetreLabel, qpvNameKey } from '../../src/domain/cite-perimetre.ts';

const MONTPELLIER = [
  { code: 'QP034005', nom: 'Mosson', commune_code: '34172' },
  { code: 'QP034012', nom: "Près D'Arènes", commune_code: '34172' },
  { code: 'QP034007', nom: 'Pas Du Loup - Val De Croze', commune_code: '34172' },
  { code: 'QP034099', nom: 'Lacoste', commune_code: '34172' },
  { code: 'QP031001', nom: 'Mosson', commune_code: '31555' },
];

describe('QPV names as sources write them', () => {
  it('folds accents, case, punctuation and a leading article, nothing more', () => {
    expect(qpvNameKey('La Mosson')).toBe('mosson');
    expect(qpvNameKey("près d'arènes")).toBe('pres d arenes');
    expect(qpvNameKey('Les Izards')).toBe('izards');
    expect(qpvNameKey("L'Ariane")).toBe('ariane');
    expect(qpvNameKey('Lac')).toBe('lac');
  });

  it('matches « La Mosson » to Montpellier’s QPV « Mosson », not to a QPV of another commune', () => {
    const { matched, unmatched } = matchQpvNames(['La Mosson', 'PRES D’ARENES', 'pas du loup – val de croze'], ['34172'], MONTPELLIER);
    expect(unmatched).toEqual([]);
    expect(matched).toEqual([
      { name: 'La Mosson', code: 'QP034005', qpvNom: 'Mosson' },
      { name: 'PRES D’ARENES', code: 'QP034012', qpvNom: "Près D'Arènes" },
      { name: 'pas du loup – val de croze', code: 'QP034007', qpvNom: 'Pas Du Loup - Val De Croze' },
    ]);
    expect(formatQpvMatch(matched[0]!)).toBe('« La Mosson » → QP034005 « Mosson »');
  });

  it('leaves unmatched a name absent from the communes’ QPV, a prefix of one, or one two QPV share', () => {
    expect(matchQpvNames(['Grand Parc', 'Lac'], ['34172'], MONTPELLIER)).toEqual({ matched: [], unmatched: ['Grand Parc', 'Lac'] });
    expect(matchQpvNames(['Mosson'], ['34172', '31555'], MONTPELLIER)).toEqual({ matched: [], unmatched: ['Mosson'] });
    expect(matchQpvNames(['Mosson'], ['33063'], MONTPELLIER)).toEqual({ matched: [], unmatched: ['Mosson'] });
  });
});

describe('the kind of a Cité’s perimeter', () => {
  it('is QPV-based only when every named QPV is loaded', () => {
    expect(perimetreKind({ named: 1, notLoaded: 0, communeEntiere: false })).toBe('qpv');
    expect(perimetreKind({ named: 6, notLoaded: 1, communeEntiere: false })).toBe('commune_approchee');
    expect(perimetreKind({ named: 0, notLoaded: 0, communeEntiere: false })).toBe('commune_approchee');
    expect(perimetreKind({ named: 0, notLoaded: 0, communeEntiere: true })).toBe('commune');
  });

  it('has one French label per id, the approached one saying so', () => {
    expect(PERIMETRE_IDS).toEqual(['qpv', 'commune', 'commune_approchee']);
    expect(perimetreLabel('commune_approchee')).toBe('périmètre approché (commune entière)');
    expect(perimetreLabel('qpv')).toBe('QPV nommés par la source');
    expect(perimetreLabel('autre')).toBe('autre');
  });
});
