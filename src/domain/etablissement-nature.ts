/**
 * The Annuaire de l'éducation publishes an establishment's nature in capitals without accents
 * (`ECOLE DE NIVEAU ELEMENTAIRE`, `LYCEE D ENSEIGNEMENT GENERAL`): the fiche shows it as a
 * French reader writes it. Pure data.
 */

/** The words of the published natures that lost an accent, as they are written. */
const ACCENTED: Record<string, string> = {
  adapte: 'adapté',
  college: 'collège',
  composees: 'composées',
  deficients: 'déficients',
  departementaux: 'départementaux',
  ecole: 'école',
  ecoles: 'écoles',
  educ: 'éduc',
  education: 'éducation',
  educatif: 'éducatif',
  elementaire: 'élémentaire',
  etab: 'étab',
  etablissement: 'établissement',
  experimental: 'expérimental',
  general: 'général',
  handicapes: 'handicapés',
  lycee: 'lycée',
  medico: 'médico',
  pedagogique: 'pédagogique',
  reeducation: 'rééducation',
  regional: 'régional',
  specialise: 'spécialisé',
  specialisee: 'spécialisée',
  therapeut: 'thérapeut',
};

/** Kept in capitals: acronyms. */
const ACRONYMS = new Set(['cpge', 'dsden', 'iem', 'ies', 'sts']);

/**
 * `ECOLE DE NIVEAU ELEMENTAIRE` → `École de niveau élémentaire`, `LYCEE D ENSEIGNEMENT GENERAL`
 * → `Lycée d’enseignement général`, `INSTITUT EDUCATION MOTRICE (IEM)` → `Institut éducation
 * motrice (IEM)`. A word it does not know is only put in lower case.
 */
export function natureLabel(nature: string): string {
  const text = nature
    .trim()
    .toLowerCase()
    .replace(/\p{L}+/gu, (word) => (ACRONYMS.has(word) ? word.toUpperCase() : (ACCENTED[word] ?? word)))
    // The annuaire writes « D ENSEIGNEMENT » for « d’enseignement ».
    .replace(/(?<!\p{L})([dl]) (?=\p{L})/gu, '$1’');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
