import { describe, expect, it } from 'vitest';
import { categoriseStructure } from '../../data-pipeline/tables/lieux/categorise-structure.ts';
import { LIEU_CATEGORIES, lieuCategorie, SERVICE_16_25_CATEGORIES } from '../../src/domain/lieu-categories.ts';
import { SPHERES, TRANCHES } from '../../src/domain/vocabulary.ts';

describe('lieu categories (src/domain/lieu-categories.ts)', () => {
  it('have unique ids, and tranches and sphères of the shared vocabulary, in its order', () => {
    const ids = LIEU_CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const trancheIds = TRANCHES.map((t) => t.id as string);
    const sphereIds = SPHERES.map((s) => s.id as string);
    for (const c of LIEU_CATEGORIES) {
      expect(c.tranches.length, c.id).toBeGreaterThan(0);
      expect(c.spheres.length, c.id).toBeGreaterThan(0);
      expect(trancheIds.filter((t) => c.tranches.includes(t as never)), c.id).toEqual(c.tranches);
      expect(sphereIds.filter((s) => c.spheres.includes(s as never)), c.id).toEqual(c.spheres);
    }
  });

  it('name the services 16–25 of DESIGN.md §3, each serving the 16–25 band', () => {
    expect(SERVICE_16_25_CATEGORIES).toEqual(['mission_locale', 'cio', 'pij_bij', 'e2c', 'epide', 'promeneur_du_net', 'cfa']);
    for (const id of SERVICE_16_25_CATEGORIES) expect(lieuCategorie(id)?.tranches).toContain('16-25');
    expect(lieuCategorie('centre_social')?.service1625).toBe(false);
    expect(lieuCategorie('maison_de_sante')).toBeUndefined();
  });
});

describe('categoriseStructure (raison_sociale of the adultes-relais and FONJEP files)', () => {
  // Names as the 2023 files write them.
  it.each([
    ['MISSION LOCALE DU PAYS DE BREST', 'mission_locale'],
    ['AIFP / MISSION LOCALE PLAINE CENTRALE DU VAL-DE-MARNE', 'mission_locale'],
    ['1ERE ECOLE DE LA DEUXIEME CHANCE DE NORMANDIE', 'e2c'],
    ["CENTRE D'INFO. JEUNESSE DE L'AISNE", 'pij_bij'],
    ['CRIJ AUVERGNE-RHONE ALPES', 'pij_bij'],
    ['CENTRE SOCIAL EST - ASSOCIATION ALFA 3A', 'centre_social'],
    ['ASSOC CTRE SOCIAL HENRI MARTEL', 'centre_social'],
    ['ASS GESTI ANIMA CTR SOCIO-CULTU BRAILL', 'centre_social'],
    ['ASS DES CENTRES SOCIAUX DE LA REGION DE VALENCIENNES', 'centre_social'],
    ['MAISON DE QUARTIER DE PORT NEUF / CENTRE SOCIAL JEAN BENOIT', 'centre_social'],
    ['ASSOC CTRE SOCIO CULTUREL MJC LOUIS ARAGON', 'centre_social'],
    ['ASSOC MJC CLAIRS SOLEILS', 'mjc'],
    ['MAISON DES JEUNES ET DE LA CULTURE CAEN GUERINIERE', 'mjc'],
  ])('%s → %s', (name, categorie) => {
    expect(categoriseStructure(name, 'association_adulte_relais')).toBe(categorie);
  });

  it.each(['ASSOCIATION DEUXIEME CHANCE', 'BOURG HABITAT', 'CIDFF', 'COMMUNE D AULNAY SOUS BOIS', 'ASSOCIATION EPIDEMIOLOGIE', 'CENTRAL SOCIAL'])('%s → the fallback', (name) => {
    expect(categoriseStructure(name, 'association_fonjep')).toBe('association_fonjep');
  });
});
