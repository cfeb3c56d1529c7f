import { readFile } from 'node:fs/promises';

/**
 * The dataset names structures and places, never people (DESIGN.md §3). The seed's contact
 * blocks name people with e-mails and phone numbers: this guard fails the conversion if the
 * output holds an e-mail sign, a French phone number, or a surname of those blocks.
 *
 * The surnames themselves are personal data, and so is any digest of them (a list of French
 * surnames reverses an unsalted hash): the repository keeps neither, and the surname check
 * runs where the seed's text is given (`--seed`).
 */
const PHONE = /(?:\+33|\b0)\s?[1-9](?:[\s.-]?\d{2}){4}\b/;
/** A word, hyphenated names whole (« Martin-Durand »). */
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

const fold = (word: string) => word.normalize('NFC').toLowerCase();

/** Surnames of the people the seed's « Personne ressource » lines name (the words after the first name). */
export async function contactSurnames(seedFile: string): Promise<string[]> {
  const lines = (await readFile(seedFile, 'utf8')).split('\n');
  const names: string[] = [];
  lines.forEach((line, i) => {
    if (!/Personne ressource/.test(line)) return;
    const person = lines[i + 1]?.split(',')[0] ?? '';
    for (const one of person.split('/')) {
      const words = one.trim().split(/\s+/);
      const surname = words[1];
      if (surname !== undefined && surname.length > 2) names.push(surname);
    }
  });
  return names;
}

/** What in `text` looks like personal data: an e-mail sign, a phone number, a word that is a contact's surname. */
export function privacyProblems(text: string, surnames: readonly string[]): string[] {
  const folded = new Set(surnames.map(fold));
  const problems: string[] = [];
  if (text.includes('@')) problems.push('an « @ » (e-mail)');
  const phone = PHONE.exec(text);
  if (phone !== null) problems.push(`a phone number « ${phone[0]} »`);
  const named = new Set<string>();
  for (const [word] of text.matchAll(WORD)) if (folded.has(fold(word))) named.add(word);
  for (const word of named) problems.push(`the name « ${word} » of a contact block`);
  return problems;
}
