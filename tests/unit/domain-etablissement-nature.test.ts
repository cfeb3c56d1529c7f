import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { etablissementName, natureLabel } from '../../src/domain/etablissement-nature.ts';

describe('natureLabel: the annuaire’s capitals as a French reader writes them', () => {
  it.each([
    ['COLLEGE', 'Collège'],
    ['ECOLE DE NIVEAU ELEMENTAIRE', 'École de niveau élémentaire'],
    ['LYCEE D ENSEIGNEMENT GENERAL', 'Lycée d’enseignement général'],
    ['ETAB REGIONAL/LYCEE ENSEIGNEMENT ADAPTE', 'Étab régional/lycée enseignement adapté'],
    ['INSTITUT EDUCATION MOTRICE (IEM)', 'Institut éducation motrice (IEM)'],
    ['INSTITUT THERAPEUT. EDUCATIF PEDAGOGIQUE', 'Institut thérapeut. éducatif pédagogique'],
    ['ECOLES COMPOSEES UNIQT DE STS ET OU CPGE', 'Écoles composées uniqt de STS et ou CPGE'],
    ['ETABLISSEMENT POUR POLY-HANDICAPES', 'Établissement pour poly-handicapés'],
    ['  ecole maternelle ', 'École maternelle'],
  ])('%s → %s', (nature, label) => {
    expect(natureLabel(nature)).toBe(label);
  });

  it('leaves no capitalised word but acronyms in any nature of the published schools', () => {
    const natures = new Set(tableFromIPC(readFileSync('public/data/etablissements.arrow')).getChild('nature')!.toArray() as (string | null)[]);
    for (const nature of natures) {
      if (nature === null) continue;
      const label = natureLabel(nature);
      expect(label.charAt(0)).toMatch(/\p{Lu}/u);
      for (const word of label.match(/\p{Lu}{2,}/gu) ?? []) expect(['STS', 'CPGE', 'IEM', 'IES', 'DSDEN'], `${nature} → ${label}`).toContain(word);
    }
  });
});

describe('etablissementName: the accents of the capitals of a published name', () => {
  it.each([
    ['Ecole élémentaire Emile Zola', 'École élémentaire Émile Zola'],
    ['Ecole maternelle publique Paul Eluard', 'École maternelle publique Paul Éluard'],
    ['Etablissement régional d’enseignement adapté Edouard Herriot', 'Établissement régional d’enseignement adapté Édouard Herriot'],
    ['ECOLE PRIVEE CALANDRETA DETH COSERANS', 'ÉCOLE PRIVÉE CALANDRETA DETH COSERANS'],
    ['INSTITUT MEDICO EDUCATIF LES HIRONDELLES', 'INSTITUT MÉDICO ÉDUCATIF LES HIRONDELLES'],
    // Already accented, not capitalised, unknown or mixed-case words are left as published.
    ['Collège Saint-Exupéry', 'Collège Saint-Exupéry'],
    ['école Jules Ferry', 'école Jules Ferry'],
    ['Ecole Elsa Triolet', 'École Elsa Triolet'],
    ['EcoLe des Etangs', 'EcoLe des Etangs'],
  ])('%s → %s', (nom, name) => {
    expect(etablissementName(nom)).toBe(name);
  });

  it('has been applied to every name of the published schools', () => {
    const names = tableFromIPC(readFileSync('public/data/etablissements.arrow')).getChild('nom')!.toArray() as string[];
    expect(names.filter((nom) => etablissementName(nom) !== nom)).toEqual([]);
    expect(names.filter((nom) => nom.startsWith('École ')).length).toBeGreaterThan(5000);
  });
});
