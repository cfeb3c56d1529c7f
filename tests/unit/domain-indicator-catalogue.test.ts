import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, INDICATOR_IDS, indicatorEntry, isIndicatorId } from '../../src/domain/indicator-catalogue.ts';
import { QP_HEADER } from '../support/indicateurs-fixtures.ts';

describe('indicator catalogue', () => {
  it('has one entry per numeric column of qp.csv', () => {
    const numeric = QP_HEADER.split(',').filter((c) => !['code_qp', 'nom_qp', 'nom_commune'].includes(c));
    expect([...INDICATOR_IDS].sort()).toEqual(numeric.sort());
    expect(INDICATOR_IDS).toHaveLength(41);
  });

  it('looks up an entry by id, and knows no identifier column nor inherited property', () => {
    expect(indicatorEntry('tp60')).toEqual({
      libelle: 'Taux de pauvreté (seuil 60 %)',
      unite: '%',
      type_valeur: 'taux',
      sens: 'hausse_defavorable',
      theme: 'revenus',
      annee: 2019,
    });
    for (const id of ['code_qp', 'TP60', 'toString', 'constructor', '__proto__', '']) {
      expect(indicatorEntry(id)).toBeUndefined();
      expect(isIndicatorId(id)).toBe(false);
    }
  });

  it('dates insertion professionnelle 2020, the population counts 2013 and the rest 2019', () => {
    const byYear = (year: number) => INDICATOR_IDS.filter((id) => INDICATOR_CATALOGUE[id].annee === year);
    expect(byYear(2013)).toEqual(['pop_mun', 'pop_com_qp', 'pop_com']);
    expect(byYear(2020)).toEqual(INDICATOR_IDS.filter((id) => INDICATOR_CATALOGUE[id].theme === 'emploi'));
    expect(byYear(2020)).toHaveLength(12);
    expect(byYear(2019)).toHaveLength(41 - 3 - 12);
  });

  it('gives shares the unit %, and counts of people a unit that is not one', () => {
    for (const id of INDICATOR_IDS) {
      const { unite, type_valeur } = INDICATOR_CATALOGUE[id];
      expect({ id, taux: type_valeur === 'taux' }).toEqual({ id, taux: unite === '%' });
      if (type_valeur === 'montant') expect({ id, unite }).toEqual({ id, unite: '€' });
    }
    const counted = INDICATOR_IDS.filter((id) => INDICATOR_CATALOGUE[id].type_valeur === 'effectif');
    expect(counted).toEqual(['pop_mun', 'pop_com_qp', 'pop_com', 'percou', 'a', 'abcde', 'abcde_f', 'abcde_h', 'abc_capbep', 'abc_bac', 'abc_supbac', 'auto_ent']);
  });

  it('has short, distinct labels', () => {
    const labels = INDICATOR_IDS.map((id) => INDICATOR_CATALOGUE[id].libelle);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(60);
  });
});
