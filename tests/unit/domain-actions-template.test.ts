import { describe, expect, it } from 'vitest';
import { ACTIONS_TEMPLATE_COLUMNS, actionToCells, validateActionRecord } from '../../src/domain/actions-template.ts';

/** A valid row as a person fills it: labels, accents and spacing of their own. */
const VALID = {
  id: 'pau-ambassadeurs',
  titre: ' Élèves ambassadeurs CM2/6e ',
  resume: 'Ateliers périscolaires ; enquêtes au collège.',
  cite: 'Cité éducative de Pau',
  commune_code: '64445',
  commune: 'Pau',
  departement_code: '64',
  qpv_code: '',
  spheres: 'École | famille|TIERS-LIEUX ÉDUCATIFS',
  axes: "Conforter le rôle de l'école|promouvoir la continuité éducative",
  niveaux: 'micro|Méso',
  tranches: '6–11 ans|11-15',
  financement: 'Label|droit commun',
  porteur: 'Cité éducative de Pau (GIP DSU)',
  partenaires: 'Ville de Pau|Association PourSuivre',
  annee_debut: '2023',
  annee_fin: '',
  lieu: 'QPV de Pau',
  source: 'seeds/000, lignes 106-192',
};

const issuesOf = (cells: Record<string, string | undefined>) => {
  const result = validateActionRecord({ ...VALID, ...cells });
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};

describe('validateActionRecord: a valid row comes out normalised', () => {
  it('trims text, reads vocabulary values as ids in vocabulary order, years as numbers', () => {
    const result = validateActionRecord(VALID);
    expect(result).toEqual({
      ok: true,
      action: {
        id: 'pau-ambassadeurs',
        titre: 'Élèves ambassadeurs CM2/6e',
        resume: 'Ateliers périscolaires ; enquêtes au collège.',
        cite: ['Cité éducative de Pau'],
        commune_code: ['64445'],
        commune: ['Pau'],
        departement_code: '64',
        qpv_code: [],
        spheres: ['famille', 'ecole', 'tiers-lieux'],
        axes: ['role-ecole', 'continuite-educative'],
        niveaux: ['micro', 'meso'],
        tranches: ['6-11', '11-15'],
        financement: ['label', 'droit-commun'],
        porteur: 'Cité éducative de Pau (GIP DSU)',
        partenaires: ['Ville de Pau', 'Association PourSuivre'],
        annee_debut: 2023,
        annee_fin: null,
        lieu: 'QPV de Pau',
        source: 'seeds/000, lignes 106-192',
      },
    });
  });

  it('needs only titre, spheres and source: absent columns are empty', () => {
    const result = validateActionRecord({ titre: 'Forum', spheres: 'quartier', source: 'saisie locale' });
    expect(result.ok && result.action).toMatchObject({ id: null, cite: [], commune_code: [], tranches: [], financement: [], annee_debut: null, lieu: null });
  });

  it('restores the leading zero of commune codes, upper-cases Corsica and QPV codes, pads a one-digit département', () => {
    const result = validateActionRecord({ ...VALID, commune_code: '1053|2a004', commune: '', departement_code: '', qpv_code: 'qn09301m|QP066007' });
    expect(result.ok && result.action).toMatchObject({ commune_code: ['01053', '2A004'], qpv_code: ['QN09301M', 'QP066007'], departement_code: null });
    const one = validateActionRecord({ ...VALID, commune_code: '1053', commune: '', departement_code: '1' });
    expect(one.ok && one.action.departement_code).toBe('01');
  });

  it('drops empty and repeated values of a multi-valued cell', () => {
    const result = validateActionRecord({ ...VALID, spheres: 'école||École|ecole|', partenaires: 'CAF| |CAF' });
    expect(result.ok && [result.action.spheres, result.action.partenaires]).toEqual([['ecole'], ['CAF']]);
  });

  it('turns back into template cells that validate to the same action', () => {
    const first = validateActionRecord(VALID);
    if (!first.ok) throw new Error('invalid fixture');
    const cells = actionToCells(first.action);
    expect(Object.keys(cells)).toEqual([...ACTIONS_TEMPLATE_COLUMNS]);
    expect(cells.spheres).toBe('famille|ecole|tiers-lieux');
    expect(validateActionRecord(cells)).toEqual(first);
  });
});

describe('validateActionRecord: every faulty cell is reported with its column', () => {
  it.each([
    ['id', 'pau ambassadeurs', 'identifiant invalide'],
    ['titre', '   ', 'valeur obligatoire'],
    ['titre', 'x'.repeat(301), 'texte trop long'],
    ['resume', 'x'.repeat(5001), 'texte trop long'],
    ['commune_code', '330', 'code invalide « 330 »'],
    ['commune_code', '64445|Pau', 'code invalide « PAU »'],
    ['departement_code', '330', 'code de département invalide « 330 »'],
    ['qpv_code', 'QP12345', 'code invalide « QP12345 »'],
    ['spheres', '', 'valeur obligatoire'],
    ['spheres', 'école|sport', 'valeur inconnue « sport » (attendu : Famille, École, Tiers-lieux éducatifs, Quartier, Virtualité)'],
    ['axes', 'axe 4', 'valeur inconnue « axe 4 »'],
    ['niveaux', 'nano', 'valeur inconnue « nano »'],
    ['tranches', '15-18', 'valeur inconnue « 15-18 »'],
    ['financement', 'mécénat', 'valeur inconnue « mécénat »'],
    ['porteur', 'x'.repeat(501), 'texte trop long'],
    ['annee_debut', '23', 'année invalide « 23 »'],
    ['annee_fin', '2030-2031', 'année invalide'],
    ['lieu', 'x'.repeat(1001), 'texte trop long'],
    ['source', '', 'valeur obligatoire'],
  ])('%s: a bad value is reported on its column', (column, value, message) => {
    const issues = issuesOf({ [column]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ column, value });
    expect(issues[0]!.message).toContain(message);
  });

  it('lists the issues of several columns at once', () => {
    const issues = issuesOf({ titre: '', spheres: 'foo', annee_debut: 'deux mille' });
    expect(issues.map((i) => i.column)).toEqual(['titre', 'spheres', 'annee_debut']);
  });

  it('checks the cells against each other once each is valid', () => {
    expect(issuesOf({ commune_code: '33063|33119', commune: 'Bordeaux', departement_code: '' })).toEqual([
      { column: 'commune', value: 'Bordeaux', message: expect.stringContaining('1 noms pour 2 codes') },
    ]);
    expect(issuesOf({ departement_code: '33' })[0]).toMatchObject({ column: 'departement_code', message: "la commune 64445 n'est pas dans le département 33" });
    expect(issuesOf({ annee_debut: '2024', annee_fin: '2023' })[0]).toMatchObject({ column: 'annee_fin', message: "année de fin 2023 avant l'année de début 2024" });
    expect(issuesOf({ financement: 'non financé|label' })[0]).toMatchObject({ column: 'financement' });
  });

  it('reports a cell of the wrong type (a form or XLSX giving an object) without throwing', () => {
    const result = validateActionRecord({ ...VALID, titre: { text: 'x' } as unknown as string });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({ column: 'titre', message: 'texte attendu' });
  });
});
