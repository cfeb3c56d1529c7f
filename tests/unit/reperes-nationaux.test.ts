import { describe, expect, it } from 'vitest';
import { countPercent, percentMismatch, REPERE_THEMES, REPERES_NATIONAUX, REPERES_SOURCE, type RepereNational } from '../../src/domain/reperes-nationaux.ts';
import { foldText } from '../../src/domain/fold-text.ts';
import { readSourceText } from '../support/source-files.ts';

/*
 * Every national repère is read back from the line of seed 002 it cites (the repository's
 * copy, data-pipeline/sources/seeds/): its words are on that line, and its figures are the
 * figures of those words. A figure changed in the module, or a line number that moves, fails.
 */

const LINES = readSourceText(`seeds/${REPERES_SOURCE.seed}`).split('\n');

const percentsIn = (text: string) => [...text.matchAll(/(\d+) ?%/g)].map((m) => Number(m[1]));
const integersIn = (text: string) => [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));

/** What is wrong with a repère against the seed's lines; [] when it reads true. */
function problems(r: RepereNational, lines: readonly string[]): string[] {
  const line = lines[r.line - 1];
  if (line === undefined || line.trim() === '') return [`line ${r.line} is empty or missing`];
  const found: string[] = [];
  if (r.column) {
    const header = (lines[r.column.headerLine - 1] ?? '').split('\t').map((c) => c.trim());
    const at = header.indexOf(r.column.name);
    if (at < 0) found.push(`no column « ${r.column.name} » on line ${r.column.headerLine}`);
    else if (line.split('\t')[at]?.trim() !== r.quote) found.push(`column « ${r.column.name} » of line ${r.line} is « ${line.split('\t')[at]} », not « ${r.quote} »`);
  } else if (!line.includes(r.quote)) {
    found.push(`« ${r.quote} » is not on line ${r.line}`);
  }
  const v = r.value;
  if (v.kind === 'percent' && percentsIn(r.quote).join() !== String(v.percent)) found.push(`« ${r.quote} » does not write ${v.percent} % (alone)`);
  if (v.kind === 'count') {
    const numbers = integersIn(r.quote);
    if (!numbers.includes(v.count) || !numbers.includes(v.total)) found.push(`« ${r.quote} » does not write ${v.count} and ${v.total}`);
    if (percentsIn(r.quote).join() !== (v.writtenPercent === undefined ? '' : String(v.writtenPercent))) found.push(`« ${r.quote} » writes the percentages ${percentsIn(r.quote).join()}, not ${v.writtenPercent ?? 'none'}`);
  }
  return found;
}

describe('repères nationaux: each figure read back from the line of seed 002 it cites', () => {
  it.each(REPERES_NATIONAUX.map((r) => [r.id, r] as const))('%s', (_, repere) => {
    expect(problems(repere, LINES)).toEqual([]);
  });

  it('fails on a figure or a line that drifts', () => {
    const drifted = REPERES_NATIONAUX.flatMap((r) => [
      { ...r, line: r.line + 1 },
      { ...r, value: r.value.kind === 'percent' ? { ...r.value, percent: r.value.percent + 1 } : { ...r.value, count: r.value.count + 1 } },
    ]);
    expect(drifted.filter((r) => problems(r, LINES).length === 0).map((r) => r.id)).toEqual([]);
  });

  it('names the study, its survey of 208 Cités and its date as the seed writes them', () => {
    const line = (n: number) => foldText(LINES[n - 1]!);
    expect(line(REPERES_SOURCE.lines.title)).toContain(foldText('pratiques d’alliances éducatives dans le contexte des Cités éducatives'));
    expect(foldText(REPERES_SOURCE.study)).toContain(foldText('pratiques d’alliances éducatives dans le contexte des Cités éducatives'));
    expect(line(REPERES_SOURCE.lines.survey)).toContain(foldText(`${REPERES_SOURCE.survey}, couvrant ${REPERES_SOURCE.cites} Cités éducatives`));
    expect(REPERES_SOURCE.survey).toContain(String(REPERES_SOURCE.millesime));
    expect(line(REPERES_SOURCE.lines.deposit)).toContain(foldText(`Dépôt légal : ${REPERES_SOURCE.published}`));
  });

  it('counts out of the 208 Cités, and flags only the percentage the study miscomputes', () => {
    for (const r of REPERES_NATIONAUX) if (r.value.kind === 'count') expect(r.value.total, r.id).toBe(REPERES_SOURCE.cites);
    expect(REPERES_NATIONAUX.filter((r) => percentMismatch(r.value)).map((r) => r.id)).toEqual(['formation-interprofessionnelle']);
    expect(countPercent({ count: 162, total: 208 })).toBe(78);
  });

  it('gives each repère its own id and every theme at least one repère', () => {
    expect(new Set(REPERES_NATIONAUX.map((r) => r.id)).size).toBe(REPERES_NATIONAUX.length);
    expect(REPERE_THEMES.filter((t) => !REPERES_NATIONAUX.some((r) => r.theme === t.id))).toEqual([]);
  });
});
