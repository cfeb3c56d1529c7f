import { describe, expect, it } from 'vitest';
import { countsInDoc, figureProblems, findFragment, normaliseDocText, undeclaredCounts } from '../support/doc-figures.ts';

/** The matching of `tests/integration/doc-figures.test.ts`, on small texts written like the docs. */
const doc = (text: string) => normaliseDocText(text);

describe('the guard finds the counts of data objects a doc quotes', () => {
  it('finds counts in English and French, with separators, words between, or in brackets', () => {
    const text = doc(`With the 111 QPV of the embedded data, any of the 41 INSEE indicators; 1,085 networks
      and 1\u00a0085 réseaux; 343 of the 373 REP/REP+ écoles; CIO (41) et Occitanie (105).`);
    expect(countsInDoc(text).map((c) => c.text)).toEqual(['111 QPV', '41 INSEE indicators', '1,085 networks', '1 085 réseaux', '373 REP/REP+ écoles', 'CIO (41)', 'Occitanie (105)']);
  });

  it('leaves out years, ranges, units and shares: they are not counts of objects', () => {
    const text = doc('The 2015 QPV and the 2023 contrats de ville; 16–25 services; ≈ 2 m for QPV; 80 % des QPV; classe 1 reste un quartier; 100 × the QPV.');
    expect(countsInDoc(text)).toEqual([]);
  });

  it('reports a count no declared fragment covers, and only that one', () => {
    const text = doc('Avec les données actuelles, 101 QPV ont un score. Un tableau en montre 26 QPV.');
    expect(undeclaredCounts(text, ['{n} QPV ont un score']).map((c) => c.text)).toEqual(['26 QPV']);
    expect(undeclaredCounts(text, ['{n} QPV ont un score', 'en montre 26 QPV'])).toEqual([]);
  });
});

describe('a declared figure against the data', () => {
  const text = doc(`Cépière Beauregard, Perpignan Nouveau Logis). 40 QPV n’ont aucun collège public à moins de 300 m
et sont notés. On the shipped files: 1,085 networks (726 REP, 359 REP+).`);

  it('reads the numbers of a fragment, across a line break and with a thousands separator', () => {
    expect(findFragment(text, '{n} QPV n’ont aucun collège public à moins de 300 m et sont notés')).toMatchObject([{ values: { n: 40 } }]);
    expect(findFragment(text, '{n} networks ({rep} REP, {plus} REP+)')).toMatchObject([{ values: { n: 1085, rep: 726, plus: 359 } }]);
  });

  it('reads a small number written in words, in English or French', () => {
    const words = doc('On the shipped files: one school of Aveyron, and three places; deux QPV.');
    expect(findFragment(words, '{schools} school of Aveyron, and {places} places; {qpv} QPV')).toMatchObject([{ values: { schools: 1, places: 3, qpv: 2 } }]);
  });

  it('reads a number in words that opens a sentence', () => {
    expect(findFragment(doc('Trois plutôt qu’un.'), '{k} plutôt qu’un')).toMatchObject([{ values: { k: 3 } }]);
  });

  it('checks every occurrence of a placeholder the fragment holds twice', () => {
    const limit = doc('« Le fichier dépasse 20 000 lignes (20 001 lignes ; limite : 2 000) »');
    expect(figureProblems('docs/actions-template.md', limit, '« Le fichier dépasse {max} lignes ({over} lignes ; limite : {max}) »', { max: 20000, over: 20001 }, 'the code')).toEqual([
      'docs/actions-template.md: found « « Le fichier dépasse 20 000 lignes (20 001 lignes ; limite : 2 000) » », expected « « Le fichier dépasse 20000 lignes (20001 lignes ; limite : 20000) » » (max: 2000 in the doc, 20000 in the code)',
    ]);
  });

  it('says nothing when the doc says what the data says', () => {
    expect(figureProblems('docs/data-sources.md', text, '{n} networks ({rep} REP, {plus} REP+)', { n: 1085, rep: 726, plus: 359 }, 'public/data')).toEqual([]);
  });

  it('names the file, what the doc says, what it should say and each number that differs', () => {
    expect(figureProblems('docs/methodologie.md', text, '{n} QPV n’ont aucun collège public à moins de 300 m', { n: 52 }, 'public/data')).toEqual([
      'docs/methodologie.md: found « 40 QPV n’ont aucun collège public à moins de 300 m », expected « 52 QPV n’ont aucun collège public à moins de 300 m » (n: 40 in the doc, 52 in public/data)',
    ]);
  });

  it('says when the fragment is no longer in the doc', () => {
    expect(figureProblems('docs/methodologie.md', text, '{n} QPV sans collège', { n: 52 }, 'public/data')).toEqual([
      'docs/methodologie.md: the fragment « {n} QPV sans collège » is not in the doc any more (reworded?): update its declaration in tests/integration/doc-figures.test.ts',
    ]);
  });
});
