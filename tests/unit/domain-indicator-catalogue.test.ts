import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, INDICATOR_IDS, indicatorEntry, isIndicatorId, millesimeLabel } from '../../src/domain/indicator-catalogue.ts';
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
      millesime: { publication: 2019, observee: null, fondement: expect.stringContaining('Hackaviz 2021') },
    });
    for (const id of ['code_qp', 'TP60', 'toString', 'constructor', '__proto__', '']) {
      expect(indicatorEntry(id)).toBeUndefined();
      expect(isIndicatorId(id)).toBe(false);
    }
  });

  it('dates the population counts 2013, on a cited document, and every other indicator by its edition only', () => {
    const observed = INDICATOR_IDS.filter((id) => INDICATOR_CATALOGUE[id].millesime.observee !== null);
    expect(observed).toEqual(['pop_mun', 'pop_com_qp', 'pop_com']);
    for (const id of observed) {
      const { millesime } = INDICATOR_CATALOGUE[id];
      expect({ id, observee: millesime.observee, label: millesimeLabel(millesime) }).toEqual({ id, observee: 2013, label: '2013' });
      // The basis names its document and the figure it checks against.
      expect(millesime.fondement).toMatch(/Insee Dossier Occitanie n° 7 .*recensement de la population 2013/);
      expect(millesime.fondement).toMatch(/458 298/);
    }
    for (const id of INDICATOR_IDS.filter((i) => !observed.includes(i))) {
      const { millesime, theme } = INDICATOR_CATALOGUE[id];
      const edition = theme === 'emploi' ? 2020 : 2019;
      expect({ id, millesime: millesimeLabel(millesime) }).toEqual({ id, millesime: `publié en ${edition}, année observée non précisée` });
      expect(millesime.fondement).toMatch(/no document gives the year the figures describe/);
    }
  });

  it('never gives an edition as the year observed, nor an observed year after its edition', () => {
    for (const id of INDICATOR_IDS) {
      const { publication, observee } = INDICATOR_CATALOGUE[id].millesime;
      const label = millesimeLabel(INDICATOR_CATALOGUE[id].millesime);
      if (observee === null) expect({ id, label }).toEqual({ id, label: expect.stringMatching(/^publié en \d{4}, année observée non précisée$/) });
      else expect({ id, before: observee < publication, label }).toEqual({ id, before: true, label: String(observee) });
    }
    expect(millesimeLabel({ publication: 2019, observee: 2016 })).toBe('2016');
    expect(millesimeLabel({ publication: 2020, observee: null })).toBe('publié en 2020, année observée non précisée');
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
