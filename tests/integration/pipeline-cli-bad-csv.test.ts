import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfPublishedData, folderState, REPO_ROOT, removeTempDirs, runCli, shownAs, tempDir } from '../support/pipeline-cli.ts';

/*
 * Bad CSV files, as official open data gets them wrong: each goes through the real CLI into a
 * copy of public/data that must come out byte-identical, with an error naming file, line and
 * field. Built from the real source files, changed just enough.
 */
afterAll(removeTempDirs);

const SOURCES = path.join(REPO_ROOT, 'data-pipeline/sources');
const INDICATEURS = { id: 'qpv-occitanie-2015-indicateurs', file: path.join(SOURCES, 'qpv-occitanie-2015/qp.csv') };
const DNB = { id: 'colleges-dnb-2021', file: path.join(SOURCES, 'colleges-geolocalisation-dnb/donnees-dnb.csv') };
const ANNUAIRE_35 = { id: 'annuaire-education-ille-et-vilaine-2023', file: path.join(SOURCES, 'annuaire-education-ille-et-vilaine-2023/fr-en-annuaire-education.csv') };

const lines = async (file: string) => (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);

async function runWith(source: { id: string }, name: string, content: string | Uint8Array, extraArgs: string[] = []) {
  const input = path.join(await tempDir('pipeline-in'), name);
  await writeFile(input, content);
  const out = await copyOfPublishedData();
  const before = await folderState(out);
  const run = await runCli(['--out', out, '--input', `${source.id}=${input}`, ...extraArgs]);
  expect(await folderState(out)).toEqual(before);
  return { ...run, shown: shownAs(input) };
}

async function expectFailure(source: { id: string }, name: string, content: string | Uint8Array): Promise<{ stderr: string; shown: string }> {
  const run = await runWith(source, name, content);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('pipeline: nothing published; the previous data is unchanged');
  return run;
}

/** Replaces column `column` of the data rows `rows` (1-based file lines) of a `;` or `,` file. */
function setCell(all: string[], delimiter: string, column: string, rows: (line: number) => boolean, value: string): string[] {
  const index = all[0]!.split(delimiter).indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  return all.map((l, i) => {
    if (i === 0 || l === '' || !rows(i + 1)) return l;
    const cells = l.split(delimiter);
    cells[index] = value;
    return cells.join(delimiter);
  });
}

describe('pipeline CLI: bad CSV files publish nothing and say where they are wrong', () => {
  it('a file cut inside a quoted field: unterminated quote, with its line', async () => {
    const text = await readFile(DNB.file, 'utf8');
    // DNB rates are quoted ("74,3"): cut just after an opening quote, half-way through the file.
    let open = -1;
    for (let i = text.indexOf('"'), n = 0; i !== -1; i = text.indexOf('"', i + 1), n++) {
      if (n % 2 === 0 && i > text.length / 2) {
        open = i;
        break;
      }
    }
    const { stderr, shown } = await expectFailure(DNB, 'cut.csv', text.slice(0, open + 3));
    expect(stderr).toMatch(new RegExp(`${shown}:\\d+: unterminated quoted field`));
  });

  it('an empty file, and a header without rows', async () => {
    expect((await expectFailure(INDICATEURS, 'empty.csv', '')).stderr).toMatch(/empty\.csv: empty file/);
    const header = `${(await lines(INDICATEURS.file))[0]}\n`;
    expect((await expectFailure(INDICATEURS, 'header.csv', header)).stderr).toMatch(/header\.csv: file has a header but no rows/);
  });

  it('a required column missing from the header: line 1 and the column named', async () => {
    const all = await lines(INDICATEURS.file);
    const drop = all[0]!.split(',').indexOf('tp60');
    const without = all.map((l) => l.split(',').filter((_, i) => i !== drop).join(',')).join('\n');
    const { stderr, shown } = await expectFailure(INDICATEURS, 'no-tp60.csv', without);
    expect(stderr).toMatch(new RegExp(`${shown}:1 .*tp60`));
  });

  it('rows split with another delimiter than the header: each rejected with its line, the run fails', async () => {
    const all = await lines(ANNUAIRE_35.file);
    const mixed = all.map((l, i) => (i > 0 && i % 10 === 0 ? l.replaceAll(';', ',') : l)).join('\n');
    const { stderr, shown } = await expectFailure(ANNUAIRE_35, 'mixed.csv', mixed);
    expect(stderr).toMatch(new RegExp(`${shown}:\\d+: expected 69 fields, found \\d+`));
  });

  it('a field of 200,000 characters: refused as a broken quote', async () => {
    const all = await lines(INDICATEURS.file);
    const huge = [all[0], `"${'x'.repeat(200_000)}"${all[1]!.slice(all[1]!.indexOf(','))}`, ...all.slice(2)].join('\n');
    const { stderr, shown } = await expectFailure(INDICATEURS, 'huge.csv', huge);
    expect(stderr).toMatch(new RegExp(`${shown}(:\\d+)?: field too long`));
  });

  it('a UTF-16 file: refused by name, at line 1', async () => {
    const text = await readFile(INDICATEURS.file, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { stderr, shown } = await expectFailure(INDICATEURS, 'utf16.csv', utf16);
    expect(stderr).toContain(`${shown}:1: UTF-16 text is not supported`);
  });

  it('text where a number is expected, in many rows: line, column and value named', async () => {
    const bad = setCell(await lines(INDICATEURS.file), ',', 'tp60', (line) => line <= 20, 'n.c.').join('\n');
    const { stderr, shown } = await expectFailure(INDICATEURS, 'text.csv', bad);
    expect(stderr).toMatch(new RegExp(`${shown}:2 field tp60 value "n\\.c\\.": `));
  });

  it('a QPV twice in the indicators file: duplicate key, both lines named', async () => {
    const all = await lines(INDICATEURS.file);
    const { stderr, shown } = await expectFailure(INDICATEURS, 'dup.csv', [...all.slice(0, -1), all[1], ''].join('\n'));
    expect(stderr).toMatch(new RegExp(`${shown}:107 field code_qp value "QP009001": duplicate QPV \\(first seen in ${shown} line 2\\)`));
  });

  it('latitudes out of range (95°) in many establishments: rejected with the reason', async () => {
    const bad = setCell(await lines(ANNUAIRE_35.file), ';', 'latitude', (line) => line <= 40, '95.1').join('\n');
    const { stderr, shown } = await expectFailure(ANNUAIRE_35, 'lat.csv', bad);
    expect(stderr).toMatch(new RegExp(`${shown}:\\d+ field (latitude|coordinates)`));
  });

  it('UAI that are not 7 digits + a letter: rejected and named', async () => {
    const bad = setCell(await lines(ANNUAIRE_35.file), ';', 'Identifiant_de_l_etablissement', (line) => line <= 40, '123').join('\n');
    const { stderr, shown } = await expectFailure(ANNUAIRE_35, 'uai.csv', bad);
    expect(stderr).toMatch(new RegExp(`${shown}:2 field \\S+ value "123": invalid UAI`));
  });
});

describe('pipeline CLI: messy but valid CSV is normalised, not refused', () => {
  it('Windows-1252, `;` and decimal commas (as French spreadsheets save) give the same indicators', async () => {
    const all = await lines(INDICATEURS.file);
    const latin = all.map((l) => l.replaceAll(',', ';').replace(/(\d)\.(\d)/g, '$1,$2')).join('\r\n');
    const run = await runWith(INDICATEURS, 'latin1.csv', Buffer.from(latin, 'latin1'), ['--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ 'indicateurs'\s+│ 4305\s+│ 4305\s+│ 0/);
  });

  it('an extra column is a warning, not a failure', async () => {
    const all = await lines(INDICATEURS.file);
    const extra = all.map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'colonne_inconnue' : '1'}`)).join('\n');
    const run = await runWith(INDICATEURS, 'extra.csv', extra, ['--check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning: .*colonne_inconnue/);
  });
});
