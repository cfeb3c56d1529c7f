import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/domain/parse-delimited.ts';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { parseSeedCitations, type SeedCitation } from '../../data-pipeline/seed-citations.ts';
import { qpvNameKey } from '../../src/domain/cite-perimetre.ts';
import { foldText } from '../../src/domain/fold-text.ts';
import { splitCell } from '../../src/domain/template-cells.ts';
import { privacyProblems } from '../../scripts/actions-recueil/privacy-guard.ts';
import { readSourceText } from '../support/source-files.ts';

/*
 * « No Cité, PRE or action without a source line that supports it » (issue « Trust II »):
 * every `source` cell of the two registries and of the actions is checked against the seed
 * texts the repository ships (`data-pipeline/sources/seeds/`, SOURCE.md there): the cited
 * file and lines exist, each « quotation » is on a cited line, and a cited line names the
 * row's place. Only repository files are read.
 */

const seedLines = new Map<string, string[]>();
/** The lines of a seed, by `\n` (index 0 is line 1); null when the file is not in the repository. */
function linesOf(file: string): string[] | null {
  if (!seedLines.has(file)) {
    if (!existsSync(path.join(SOURCES_DIR, 'seeds', file))) return null;
    seedLines.set(file, readSourceText(`seeds/${file}`).split('\n'));
  }
  return seedLines.get(file)!;
}

/** The rows of a `;` CSV of the repository, read as the app reads a template file; a rejected row fails. */
function rowsOf(relativePath: string): Record<string, string>[] {
  const sheet = parseDelimited(new TextEncoder().encode(readSourceText(relativePath)));
  expect(sheet.rejected).toEqual([]);
  return sheet.rows.map((r) => r.values);
}

/** A quotation is on a line when its folded text is; « […] » marks a cut, each piece must be there in order. */
function quotedOn(quote: string, line: string): boolean {
  const folded = foldText(line);
  let from = 0;
  for (const piece of quote.split('[…]').map(foldText).filter((p) => p !== '')) {
    const at = folded.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** What is wrong with a row's citations; `places` must each be named on some cited line. */
function citationProblems(source: string, places: readonly string[]): string[] {
  const citations = parseSeedCitations(source);
  if (citations.length === 0) return ['cites no seed document'];
  const problems: string[] = [];
  const cited: string[] = [];
  for (const { file, lines, quotes } of citations as SeedCitation[]) {
    const text = linesOf(file);
    if (text === null) {
      problems.push(`${file}: not in data-pipeline/sources/seeds/`);
      continue;
    }
    if (lines.length === 0) problems.push(`${file}: no line cited`);
    for (const n of lines) {
      const line = text[n - 1];
      if (line === undefined) problems.push(`${file}: line ${n} does not exist (${text.length} lines)`);
      else cited.push(line);
    }
    const own = lines.map((n) => text[n - 1] ?? '');
    if (own.length > 0 && lines.every((n) => n <= text.length) && own.every((l) => l.trim() === '')) problems.push(`${file}: lines ${lines.join(', ')} are empty`);
    for (const quote of quotes) if (!own.some((l) => quotedOn(quote, l))) problems.push(`${file}: « ${quote} » is on none of lines ${lines.join(', ')}`);
  }
  // « Le Bouscat » is « du Bouscat », « au Bouscat » in a sentence: the article is not required.
  for (const place of places) if (!cited.some((l) => foldText(l).includes(qpvNameKey(place)))) problems.push(`no cited line names « ${place} »`);
  return problems;
}

/** The place a Cité or PRE is named after: « Cité éducative de La Mosson » → « La Mosson ». */
const placeOf = (nom: string) => nom.replace(/^(Cité éducative|PRE)\s+(de\s+|d'|du\s+)?/i, '');

const CITES = rowsOf('cites-registre/cites.csv');
const PRE = rowsOf('pre-registre/pre.csv');
const ACTIONS = rowsOf('actions-recueil/actions.csv');

describe('seed citations: every row rests on a line of a seed that supports it', () => {
  it('reads all the rows of the registries and of the actions', () => {
    expect([CITES.length, PRE.length, ACTIONS.length]).toEqual([19, 2, 30]);
  });

  it.each(CITES.map((c) => [c.nom!, c] as const))('%s: cited lines exist, quotations are on them, one names its place', (_, cite) => {
    expect(citationProblems(cite.source!, [placeOf(cite.nom!)])).toEqual([]);
  });

  it.each(PRE.map((p) => [p.nom!, p] as const))('%s: cited lines exist, quotations are on them, one names its place', (_, pre) => {
    expect(citationProblems(pre.source!, [placeOf(pre.nom!)])).toEqual([]);
  });

  it.each(ACTIONS.map((a) => [a.id!, a] as const))('action %s: cited lines exist and name its communes and Cités', (_, action) => {
    const places = [...splitCell(action.commune!), ...splitCell(action.cite!).map(placeOf)];
    expect(citationProblems(action.source!, places)).toEqual([]);
  });

  it('finds the title of each of 001’s example actions, which names no place, in its cited lines', () => {
    const examples = ACTIONS.filter((a) => a.source!.includes('seeds/001_'));
    expect(examples).toHaveLength(18);
    for (const action of examples) {
      const [{ file, lines }] = parseSeedCitations(action.source!) as [SeedCitation];
      const text = foldText(lines.map((n) => linesOf(file)![n - 1]!).join(' '));
      expect(text.includes(foldText(action.titre!)), action.id).toBe(true);
    }
  });

  it('names, for each QPV name a Cité gives, a cited line that writes it', () => {
    for (const cite of CITES) {
      const cited = parseSeedCitations(cite.source!).flatMap(({ file, lines }) => lines.map((n) => linesOf(file)![n - 1]!));
      for (const name of splitCell(cite.qpv_noms!)) expect(cited.some((l) => foldText(l).includes(foldText(name))), `${cite.nom}: ${name}`).toBe(true);
    }
  });
});

describe('seed texts in the repository', () => {
  const SEEDS = ['000_9047d71bbe43d373.txt', '001_26244eced68e70ec.txt', '002_7730ce798fb9a474.txt', '003_e5e2d19604b1066e.txt'];

  it('hold no e-mail address and no phone number (contact blocks removed, SOURCE.md)', () => {
    for (const file of SEEDS) expect(privacyProblems(readSourceText(`seeds/${file}`), []), file).toEqual([]);
  });

  it('keep the line numbering of the documents: as many lines as the originals', () => {
    expect(SEEDS.map((f) => linesOf(f)!.length)).toEqual([1211, 120, 3102, 707]);
  });
});

describe('seed citations: the checks catch what they are for', () => {
  const cell = (lines: string) => `Doc (seeds/003_e5e2d19604b1066e.txt), ${lines}`;

  it('reads lists, ranges, quotations and several documents from one cell', () => {
    expect(
      parseSeedCitations(
        'A (seeds/000_9047d71bbe43d373.txt), lignes 129 (« La Cité (x) ») et 137 ; QPV ligne 651 (Grand Parc) ; B (seeds/002_7730ce798fb9a474.txt), lignes 2755-2756, 2853 et 10',
      ),
    ).toEqual([
      { file: '000_9047d71bbe43d373.txt', lines: [129, 137, 651], quotes: ['La Cité (x)'] },
      { file: '002_7730ce798fb9a474.txt', lines: [2755, 2756, 2853, 10], quotes: [] },
    ]);
  });

  it('counts lines by \\n: line 561 of 003 names the Cité of Saint-Laurent-du-Maroni, line 560 does not', () => {
    expect(citationProblems(cell('ligne 561 (« Cité Educative de Saint-Laurent-du-Maroni »)'), ['Saint-Laurent-du-Maroni'])).toEqual([]);
    expect(citationProblems(cell('ligne 560 (« Cité Educative de Saint-Laurent-du-Maroni »)'), [])).toEqual([
      '003_e5e2d19604b1066e.txt: « Cité Educative de Saint-Laurent-du-Maroni » is on none of lines 560',
    ]);
  });

  it('fails a missing file, a line past the end, an empty line, a place no cited line names', () => {
    expect(citationProblems('Doc (seeds/009_0000.txt), ligne 1', [])).toEqual(['009_0000.txt: not in data-pipeline/sources/seeds/']);
    expect(citationProblems(cell('ligne 9999'), [])).toEqual(['003_e5e2d19604b1066e.txt: line 9999 does not exist (707 lines)']);
    expect(citationProblems('Doc (seeds/002_7730ce798fb9a474.txt), ligne 100', [])).toEqual(['002_7730ce798fb9a474.txt: lines 100 are empty']);
    expect(citationProblems(cell('ligne 188'), ['Grigny', 'Pau'])).toEqual(['no cited line names « Pau »']);
    expect(citationProblems('un document sans fichier', [])).toEqual(['cites no seed document']);
  });
});
