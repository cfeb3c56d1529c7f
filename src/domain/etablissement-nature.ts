/**
 * The Annuaire de l'éducation writes an establishment's nature in capitals without accents
 * (`ECOLE DE NIVEAU ELEMENTAIRE`, `LYCEE D ENSEIGNEMENT GENERAL`), and most names with an
 * unaccented capital (`Ecole élémentaire Emile Zola`): both are shown as a French reader writes
 * them. Pure data.
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

/**
 * Words of the published names whose capital lost its accent, besides those of the natures:
 * the first names and common nouns of the names of the embedded schools.
 */
const NAME_ACCENTED: Record<string, string> = {
  ...ACCENTED,
  academique: 'académique',
  departemental: 'départemental',
  eboué: 'éboué',
  edouard: 'édouard',
  eglantine: 'églantine',
  eglise: 'église',
  elie: 'élie',
  elisabeth: 'élisabeth',
  elémentaire: 'élémentaire',
  eluard: 'éluard',
  emile: 'émile',
  emilie: 'émilie',
  epine: 'épine',
  eric: 'éric',
  esthetique: 'esthétique',
  etablissements: 'établissements',
  etienne: 'étienne',
  etoile: 'étoile',
  etudes: 'études',
  evariste: 'évariste',
  evêque: 'évêque',
  privee: 'privée',
  prive: 'privé',
  superieure: 'supérieure',
  therapeutique: 'thérapeutique',
};

/**
 * An establishment's name with the accents of its capitals restored, for the words it knows:
 * `Ecole élémentaire Emile Zola` → `École élémentaire Émile Zola`, `ECOLE PRIVEE CALANDRETA` →
 * `ÉCOLE PRIVÉE CALANDRETA`. Other words, and words not capitalised, are left as published.
 */
export function etablissementName(nom: string): string {
  return nom.replace(/\p{L}+/gu, (word) => {
    const accented = NAME_ACCENTED[word.toLowerCase()];
    if (accented === undefined || word.charAt(0) === word.charAt(0).toLowerCase()) return word;
    if (word === word.toUpperCase()) return accented.toUpperCase();
    return word.slice(1) === word.slice(1).toLowerCase() ? accented.charAt(0).toUpperCase() + accented.slice(1) : word;
  });
}

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

/**
 * An establishment's type (`etablissements.type`) and secteur as the map's tooltip and the
 * search name it, the adjective agreeing with the noun: « École publique », « Collège privé ».
 */
export const ETABLISSEMENT_KIND_LABELS: Readonly<Record<string, Readonly<Record<'public' | 'prive', string>>>> = {
  ecole: { public: 'École publique', prive: 'École privée' },
  college: { public: 'Collège public', prive: 'Collège privé' },
  lycee: { public: 'Lycée public', prive: 'Lycée privé' },
  cio: { public: 'CIO public', prive: 'CIO privé' },
  medico_social: { public: 'Établissement médico-social public', prive: 'Établissement médico-social privé' },
  autre: { public: 'Établissement public', prive: 'Établissement privé' },
};

/** `ETABLISSEMENT_KIND_LABELS` of a type and secteur; an unknown type is named as published. */
export function etablissementKindLabel(type: string, secteur: string): string {
  return ETABLISSEMENT_KIND_LABELS[type]?.[secteur === 'prive' ? 'prive' : 'public'] ?? type;
}
