import { describe, expect, it } from 'vitest';
import {
  AXES,
  FINANCEMENTS,
  inVocabularyOrder,
  NIVEAUX_ALLIANCE,
  SPHERES,
  TRANCHE_AGES,
  TRANCHES,
  type VocabularyEntry,
  vocabularyId,
  vocabularyKey,
  vocabularyLabel,
} from '../../src/domain/vocabulary.ts';

describe('vocabularies of DESIGN.md §3', () => {
  it('lists the 5 sphères, 3 axes, 3 niveaux, 5 tranches and 4 financements with French labels', () => {
    expect(SPHERES.map((e) => [e.id, e.label])).toEqual([
      ['famille', 'Famille'],
      ['ecole', 'École'],
      ['tiers-lieux', 'Tiers-lieux éducatifs'],
      ['quartier', 'Quartier'],
      ['virtualite', 'Virtualité'],
    ]);
    expect(AXES.map((e) => e.label)).toEqual(['Conforter le rôle de l’école', 'Promouvoir la continuité éducative', 'Ouvrir le champ des possibles']);
    expect(NIVEAUX_ALLIANCE.map((e) => e.id)).toEqual(['micro', 'meso', 'macro']);
    expect(TRANCHES.map((e) => e.id)).toEqual(['0-3', '3-6', '6-11', '11-15', '16-25']);
    expect(FINANCEMENTS.map((e) => e.id)).toEqual(['label', 'droit-commun', 'autre', 'non-finance']);
  });

  it('has ASCII kebab-case ids, unique across each list, and ages for every tranche', () => {
    for (const list of [SPHERES, AXES, NIVEAUX_ALLIANCE, TRANCHES, FINANCEMENTS]) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(Object.keys(TRANCHE_AGES)).toEqual(TRANCHES.map((e) => e.id));
    expect(TRANCHE_AGES['16-25']).toEqual([16, 25]);
  });

  it('no two spellings of one list collide on their key', () => {
    for (const list of [SPHERES, AXES, NIVEAUX_ALLIANCE, TRANCHES, FINANCEMENTS]) {
      const owner = new Map<string, string>();
      for (const e of list) {
        for (const spelling of [e.id, e.label, ...e.aliases]) {
          const key = vocabularyKey(spelling);
          expect(owner.get(key) ?? e.id, `${spelling} of ${e.id}`).toBe(e.id);
          owner.set(key, e.id);
        }
      }
    }
  });
});

describe('vocabularyKey / vocabularyId: what people type', () => {
  it('ignores case, accents, apostrophes, dashes and spaces', () => {
    expect(vocabularyKey('  Tiers-Lieux   ÉDUCATIFS ')).toBe('tiers lieux educatifs');
    expect(vocabularyKey('Conforter le rôle de l’école')).toBe(vocabularyKey("conforter le role de l'ecole"));
  });

  it.each([
    ['École', SPHERES, 'ecole'],
    ['ECOLE', SPHERES, 'ecole'],
    ['école', SPHERES, 'ecole'],
    ['tiers-lieux éducatifs', SPHERES, 'tiers-lieux'],
    ['Tiers lieux', SPHERES, 'tiers-lieux'],
    ['virtualité', SPHERES, 'virtualite'],
    ['Numérique', SPHERES, 'virtualite'],
    ["conforter le rôle de l'école", AXES, 'role-ecole'],
    ['PROMOUVOIR LA CONTINUITÉ ÉDUCATIVE', AXES, 'continuite-educative'],
    ['Axe 3', AXES, 'champ-des-possibles'],
    ['Méso', NIVEAUX_ALLIANCE, 'meso'],
    ['MESO', NIVEAUX_ALLIANCE, 'meso'],
    ['0-3', TRANCHES, '0-3'],
    ['0–3', TRANCHES, '0-3'],
    ['0 à 3 ans', TRANCHES, '0-3'],
    ['16 - 25 ans', TRANCHES, '16-25'],
    ['11–15 ans', TRANCHES, '11-15'],
    ['Droit commun', FINANCEMENTS, 'droit-commun'],
    ['non financé', FINANCEMENTS, 'non-finance'],
    ['Cité éducative', FINANCEMENTS, 'label'],
  ] as const)('reads « %s » as its id', (typed, list, id) => {
    expect(vocabularyId(list as readonly VocabularyEntry[], typed)).toBe(id);
  });

  it('knows no value outside the list (and no tranche the parcours does not have)', () => {
    expect(vocabularyId(SPHERES, 'sport')).toBeUndefined();
    expect(vocabularyId(SPHERES, '')).toBeUndefined();
    expect(vocabularyId(TRANCHES, '15-16')).toBeUndefined();
    expect(vocabularyId(TRANCHES, '0 à 6 ans')).toBeUndefined();
    expect(vocabularyId(NIVEAUX_ALLIANCE, 'méga')).toBeUndefined();
  });

  it('labels ids and puts them in the list order without duplicates', () => {
    expect(vocabularyLabel(SPHERES, 'tiers-lieux')).toBe('Tiers-lieux éducatifs');
    expect(vocabularyLabel(SPHERES, 'inconnu')).toBe('inconnu');
    expect(inVocabularyOrder(SPHERES, ['virtualite', 'famille', 'virtualite', 'ecole'])).toEqual(['famille', 'ecole', 'virtualite']);
  });
});
