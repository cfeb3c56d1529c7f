/**
 * The matching behind `tests/integration/doc-figures.test.ts`: counts quoted in the docs are
 * declared as sentence fragments, each checked number written `{name}`, and found again in
 * the doc text; a guard lists the counts of data objects a doc quotes so that none goes
 * undeclared. Pure functions, tested on their own in `tests/unit/doc-figures-guard.test.ts`.
 */

/** A number as the docs write it: `111`, `1,085` (English), `1 085` (French). */
const NUMBER = String.raw`\d{1,3}(?:[, ]\d{3})+|\d+`;
/** Small numbers a doc may write in words (« one school », « three places »), in a checked fragment. */
const WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10 };
/** A word as it opens a sentence, too (« Trois plutôt qu’un »). */
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const PLACEHOLDER = `${NUMBER}|${Object.keys(WORDS).flatMap((w) => [w, capitalised(w)]).join('|')}`;

/**
 * Nouns of the data objects whose counts the guard looks for, French and English. A count is
 * a number followed by one of them, with at most two words between (« 41 INSEE indicators »,
 * « 373 REP/REP+ écoles »).
 */
const NOUNS = [
  'QPV',
  'quartiers?',
  'établissements?',
  'establishments?',
  'collèges?',
  'colleges?',
  'écoles?',
  'schools?',
  'lycées?',
  'élèves',
  'pupils',
  'communes?',
  'Cités?',
  'cités?',
  'PRE',
  'lieux',
  'places?',
  'réseaux',
  'networks?',
  'indicateurs?',
  'indicators?',
  'actions?',
  'fiches?',
  'contrats?',
  'contracts?',
  'régions?',
  'regions?',
  'départements?',
  'académies?',
  'services?',
  'CIO',
  'icons?',
  'lignes',
  'rows',
];
/** A word between the number and the noun; not a unit or a preposition (« 2 m for QPV », « 80 % des QPV »). */
const STOP = ['the', 'of', 'for', 'from', 'in', 'de', 'des', 'du', 'un', 'une', 'la', 'le', 'les', 'à', 'en', 'par', 'sur', 'dans', 'm', 'km', 'ms'];
const WORD = String.raw`(?!(?:${STOP.join('|')}) )[^\s\d.;:()«»,!?|%×]+`;
const COUNT = new RegExp(String.raw`(?<![\d–\-/.,\p{L}])(${NUMBER})((?: ${WORD}){0,2}? (?:${NOUNS.join('|')}))(?![\p{L}\d])`, 'gu');
/** A count in brackets after the noun or a place's name: « CIO (41) », « Occitanie (105) ». */
const BRACKETED = new RegExp(String.raw`(?:${NOUNS.join('|')}|\p{Lu}[\p{L}-]+) \((${NUMBER})\)`, 'gu');

/** The text of a doc with every run of white space (line breaks, no-break spaces) as one space. */
export function normaliseDocText(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

export const parseDocNumber = (text: string): number => WORDS[text.toLowerCase()] ?? Number(text.replace(/[, ]/g, ''));

/** A year (1900–2099) is a millésime or a generation, not a count: « 2015 QPV », « 2023 contrats de ville ». */
const isYear = (text: string) => /^(19|20)\d{2}$/.test(text);

export interface CountInDoc {
  /** Offset in the normalised text. */
  start: number;
  end: number;
  /** « 111 QPV », as the doc writes it. */
  text: string;
}

/** Every count of data objects in a (normalised) doc text. */
export function countsInDoc(text: string): CountInDoc[] {
  return [...text.matchAll(COUNT), ...text.matchAll(BRACKETED)]
    .filter((m) => !isYear(m[1]!))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }))
    .sort((a, b) => a.start - b.start);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of the `{name}` placeholders of a fragment, in order. */
export const placeholders = (fragment: string): string[] => [...fragment.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** A fragment as a regex: its text literally (white space loosely), each `{name}` a number, in digits or in words. */
export function fragmentRegex(fragment: string): RegExp {
  const source = normaliseDocText(fragment)
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? `(${PLACEHOLDER})` : escape(part).replace(/ /g, '\\s+')))
    .join('');
  return new RegExp(source, 'g');
}

export interface FragmentMatch {
  start: number;
  end: number;
  text: string;
  /** The numbers the doc gives for each placeholder. */
  values: Record<string, number>;
  /** Each placeholder and its number, in order: a placeholder may occur twice (« limite : {max} … {max} lignes »). */
  numbers: [string, number][];
}

/** Where a fragment occurs in a (normalised) doc text, with its numbers. */
export function findFragment(text: string, fragment: string): FragmentMatch[] {
  const names = placeholders(fragment);
  return [...text.matchAll(fragmentRegex(fragment))].map((m) => {
    const numbers = names.map((name, i): [string, number] => [name, parseDocNumber(m[i + 1]!)]);
    return { start: m.index, end: m.index + m[0].length, text: m[0], values: Object.fromEntries(numbers), numbers };
  });
}

/** The fragment with the data's numbers in place of its placeholders: what the doc should say. */
export function renderFragment(fragment: string, values: Readonly<Record<string, number>>): string {
  return fragment.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * The counts of a doc that no declared fragment covers. `fragments` are those declared for
 * this doc, checked (with placeholders) or not from our data (literal).
 */
export function undeclaredCounts(text: string, fragments: readonly string[]): CountInDoc[] {
  const covered = fragments.flatMap((f) => findFragment(text, f));
  return countsInDoc(text).filter((c) => !covered.some((f) => f.start <= c.start && c.end <= f.end));
}

/**
 * What is wrong with one declared figure against the data, in words for the failure message
 * (empty when the doc says what the data says): the fragment is gone, or a number differs.
 * `data` may give only some of the placeholders (the others come from another source).
 */
export function figureProblems(file: string, text: string, fragment: string, data: Readonly<Record<string, number>>, where: string): string[] {
  const matches = findFragment(text, fragment);
  if (matches.length === 0) return [`${file}: the fragment « ${fragment} » is not in the doc any more (reworded?): update its declaration in tests/integration/doc-figures.test.ts`];
  const problems: string[] = [];
  for (const m of matches) {
    const wrong = m.numbers.filter(([name, value]) => name in data && value !== data[name]);
    if (wrong.length > 0) {
      problems.push(`${file}: found « ${m.text} », expected « ${renderFragment(fragment, data)} » (${wrong.map(([n, v]) => `${n}: ${v} in the doc, ${data[n]} in ${where}`).join('; ')})`);
    }
  }
  return problems;
}
