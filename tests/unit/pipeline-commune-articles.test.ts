import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../../data-pipeline/pipeline-error.ts';
import { loadRegistry, sourcePath } from '../../data-pipeline/registry.ts';
import { REPO_ROOT } from '../../data-pipeline/run-pipeline.ts';
import { cogNamesByCode, withArticle } from '../../data-pipeline/tables/territoires/commune-articles.ts';

const cog = (...values: Record<string, unknown>[]) => ({ file: 'communes.json', records: values.map((v, index) => ({ index, values: v })) });

describe('commune names: the article the IGN outlines leave out, taken back from the COG', () => {
  it('gives back Le, La, Les and L’ when the COG has the same name with one', () => {
    expect(withArticle('Havre', ['Le Havre'])).toBe('Le Havre');
    expect(withArticle('Courneuve', ['La Courneuve'])).toBe('La Courneuve');
    expect(withArticle('Neyrolles', ['Les Neyrolles'])).toBe('Les Neyrolles');
    expect(withArticle('Abergement-Clémenciat', ["L'Abergement-Clémenciat"])).toBe("L'Abergement-Clémenciat");
  });

  it('keeps the 2018 name of a commune renamed or merged since, and of a code the COG no longer has', () => {
    expect(withArticle('Conques-en-Rouergue', ['Conques'])).toBe('Conques-en-Rouergue');
    expect(withArticle('Noyant-et-Aconin', ['Bernoy-le-Château'])).toBe('Noyant-et-Aconin');
    expect(withArticle('Toulouse', ['Toulouse'])).toBe('Toulouse');
    expect(withArticle('Lanchères', undefined)).toBe('Lanchères');
    // Not an article: a name that merely ends like the IGN one.
    expect(withArticle('Roche', ['Laroche'])).toBe('Roche');
  });

  it('reads every name a code has had (a commune nouvelle’s chef-lieu is also a commune déléguée)', () => {
    const rejected: RowIssue[] = [];
    const names = cogNamesByCode(cog({ code: '49092', nom: 'Chemillé-en-Anjou', type: 'commune-actuelle' }, { code: '49092', nom: 'Chemillé', type: 'commune-deleguee' }, { code: '2A004', nom: 'Ajaccio' }), rejected);
    expect(names.get('49092')).toEqual(['Chemillé-en-Anjou', 'Chemillé']);
    expect(names.get('2A004')).toEqual(['Ajaccio']);
    expect(rejected).toEqual([]);
  });

  it('rejects a record without a commune code or a name, naming the file, the record and the field', () => {
    const rejected: RowIssue[] = [];
    const names = cogNamesByCode(cog({ code: '76351', nom: 'Le Havre' }, { code: 76351, nom: 'Le Havre' }, { code: '93027', nom: ' ' }), rejected);
    expect([...names.keys()]).toEqual(['76351']);
    expect(rejected).toEqual([
      { location: { file: 'communes.json', feature: 1, field: 'code', value: 76351 }, reason: expect.stringMatching(/string/) },
      { location: { file: 'communes.json', feature: 2, field: 'nom', value: ' ' }, reason: expect.any(String) },
    ]);
  });
});

describe('a source shipped by an npm package', () => {
  it('is read from the installed package, and a package not installed is named with the way to install it', async () => {
    const registry = await loadRegistry();
    const cog = registry.find((s) => s.layout === 'communes-cog')!;
    expect(sourcePath(cog)).toBe(path.join(REPO_ROOT, 'node_modules/@etalab/decoupage-administratif/data/communes.json'));
    expect(() => sourcePath({ ...cog, package: 'not-an-installed-package' })).toThrow('registry.json field package value "not-an-installed-package": package not installed (run `npm ci`): source cog-2026-communes');
  });
});
