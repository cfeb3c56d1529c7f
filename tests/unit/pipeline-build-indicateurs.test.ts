import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { buildIndicateurs } from '../../data-pipeline/tables/build-indicateurs.ts';
import { INDICATOR_IDS } from '../../src/domain/indicator-catalogue.ts';
import { csvInput, dictionaryInput, frenchLine, META_QP, QP009001, QP009003, QP_HEADER, withCells } from '../support/indicateurs-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const KNOWN = new Set(['QP009001', 'QP009003']);
const META_LINES = META_QP.split('\n');
const valueOf = (rows: { territoire_code: string; indicateur: string }[], code: string, id: string) =>
  rows.find((r) => r.territoire_code === code && r.indicateur === id);

describe('buildIndicateurs: wide qp.csv → long indicateurs', () => {
  it('gives one row per QPV and catalogue indicator, with the edition year of the catalogue (not the year observed) and the source id', async () => {
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001, QP009003])], [await dictionaryInput()], KNOWN);
    expect(indicateurs.rows).toHaveLength(2 * 41);
    expect(indicateurs).toMatchObject({ rowsIn: 82, rejected: [], warnings: [] });
    expect(valueOf(indicateurs.rows, 'QP009001', 'tp60')).toEqual({
      territoire_code: 'QP009001',
      niveau: 'qpv',
      indicateur: 'tp60',
      annee: 2019,
      // No document gives the year tp60 describes (the catalogue gives pop_mun's: 2013).
      annee_observee: null,
      valeur: 40.2,
      statut: 'ok',
      source_id: 'qp',
    });
    expect(valueOf(indicateurs.rows, 'QP009003', 'tx_tot_empl')).toMatchObject({ annee: 2020, valeur: 42.3 });
    // The population describes 2013 (indicateurs_meta says so), but comes from the 2019 edition.
    expect(valueOf(indicateurs.rows, 'QP009003', 'pop_mun')).toMatchObject({ annee: 2019, annee_observee: 2013, valeur: 4291 });
    expect(indicateurs.locations[0]).toEqual({ file: 'qp.csv', line: 2, field: 'pop_mun', value: '1177' });
  });

  it('publishes an empty cell as no value with statut nd (not secret: the file does not say)', async () => {
    const blank = withCells(QP009003, { pmimp: '  ' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001, blank])], [], KNOWN);
    expect(valueOf(indicateurs.rows, 'QP009001', 'part_chomprinc')).toMatchObject({ valeur: null, statut: 'nd' });
    expect(valueOf(indicateurs.rows, 'QP009003', 'pmimp')).toMatchObject({ valeur: null, statut: 'nd' });
    expect(indicateurs.rows.filter((r) => r.statut === 'nd')).toHaveLength(2);
  });

  it('reads a Latin-1 file with ";", decimal commas and no-break spaces between thousands', async () => {
    const header = QP_HEADER.replaceAll(',', ';').replace('nom_qp', 'NOM_QP').replace('tp60', 'TP60');
    const row = frenchLine(withCells(QP009001, { nom_qp: 'Élysée', pop_com: '6\u00A0289' }));
    const input = await csvInput('qp-latin1', [header, row], { encoding: 'latin1' });
    expect(input.data).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const { indicateurs } = buildIndicateurs([input], [], KNOWN);
    expect(indicateurs).toMatchObject({ rejected: [], warnings: [] });
    expect(indicateurs.rows).toHaveLength(41);
    expect(valueOf(indicateurs.rows, 'QP009001', 'tp60')).toMatchObject({ valeur: 40.2, statut: 'ok' });
    expect(valueOf(indicateurs.rows, 'QP009001', 'pop_com')).toMatchObject({ valeur: 6289 });
    expect(valueOf(indicateurs.rows, 'QP009001', 'ind_jeune')).toMatchObject({ valeur: 0.7 });
  });
});

describe('buildIndicateurs: rejected cells and rows', () => {
  it('rejects a text cell alone, naming file, line, column and value; the QPV keeps its other indicators', async () => {
    const bad = withCells(QP009003, { tp60: 'n.d.', brev: '"58,1 %"' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001, bad])], [], KNOWN);
    expect(indicateurs.rejected).toEqual([
      { location: { file: 'qp.csv', line: 3, field: 'tp60', value: 'n.d.' }, reason: 'expected a number (decimal "." or ",", spaces between thousands)' },
      { location: { file: 'qp.csv', line: 3, field: 'brev', value: '58,1 %' }, reason: 'expected a number (decimal "." or ",", spaces between thousands)' },
    ]);
    expect(indicateurs.rows.filter((r) => r.territoire_code === 'QP009003')).toHaveLength(39);
    expect(valueOf(indicateurs.rows, 'QP009003', 'tp60')).toBeUndefined();
    expect(indicateurs.rowsIn).toBe(indicateurs.rows.length + indicateurs.rejected.length);
  });

  it('rejects a record with the wrong field count (from the CSV reader) and a bad QPV code', async () => {
    const short = QP009003.split(',').slice(0, -1).join(',');
    const lines = [QP_HEADER, QP009001, short, withCells(QP009003, { code_qp: 'QP9003' })];
    const { indicateurs } = buildIndicateurs([await csvInput('qp', lines)], [], KNOWN);
    expect(indicateurs.rejected).toEqual([
      { location: { file: 'qp.csv', line: 3 }, reason: 'expected 44 fields, found 43' },
      { location: { file: 'qp.csv', line: 4, field: 'code_qp', value: 'QP9003' }, reason: 'expected QP + 6 digits (2015) or QN + 5 digits + a character (2024)' },
    ]);
    expect(indicateurs.rows).toHaveLength(41);
    expect(indicateurs.rowsIn).toBe(41 + 2);
  });

  it('fails the run on a QPV given twice, naming both lines', async () => {
    const input = await csvInput('qp', [QP_HEADER, QP009001, QP009003, QP009001]);
    expect(() => buildIndicateurs([input], [], KNOWN)).toThrow('qp.csv:4 field code_qp value "QP009001": duplicate QPV (first seen in qp.csv line 2)');
  });

  it('fails the run when a catalogue indicator is missing from the header, naming file, line 1 and column', async () => {
    const header = QP_HEADER.replace(',tp60', '');
    const row = QP009001.replace(',40.2', '');
    const input = await csvInput('qp', [header, row]);
    expect(() => buildIndicateurs([input], [], KNOWN)).toThrow(PipelineError);
    expect(() => buildIndicateurs([input], [], KNOWN)).toThrow('qp.csv:1 field tp60: missing column of the indicator catalogue');
  });
});

describe('buildIndicateurs: warnings', () => {
  it('keeps the indicators of a QPV missing from the qpv table, with one warning', async () => {
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001, QP009003])], [], new Set(['QP009001']));
    expect(indicateurs.rows).toHaveLength(82);
    expect(indicateurs.warnings).toEqual([
      { location: { file: 'qp.csv', line: 3, field: 'code_qp', value: 'QP009003' }, reason: 'QPV not in the qpv table (no contour): its indicators are kept' },
    ]);
  });

  it('skips, with a warning, a column that is not in the catalogue, saying whether the dictionary knows it', async () => {
    const header = `${QP_HEADER},abc_bac_2,surface`;
    const dictionary = await dictionaryInput([...META_LINES, 'abc_bac_2,Demandeurs de niveau BAC (bis),entier,3']);
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [header, `${QP009001},3,12.5`])], [dictionary], KNOWN);
    expect(indicateurs.rows).toHaveLength(41);
    expect(indicateurs.warnings.map((w) => [w.location, w.reason])).toEqual([
      [{ file: 'qp.csv', line: 1, field: 'abc_bac_2' }, 'column described in the dictionary but not in the indicator catalogue (src/domain/indicator-catalogue.ts): skipped'],
      [{ file: 'qp.csv', line: 1, field: 'surface' }, 'unknown column, in neither the indicator catalogue nor the dictionary: skipped'],
    ]);
  });

  it('keeps a share above 100 % or a count with decimals as published, with a warning', async () => {
    const odd = withCells(QP009001, { tx_f: '140', abcde: '255.5' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, odd])], [], KNOWN);
    expect(valueOf(indicateurs.rows, 'QP009001', 'tx_f')).toMatchObject({ valeur: 140 });
    expect(indicateurs.warnings.map((w) => `${w.location.field} ${w.reason}`)).toEqual([
      'tx_f share outside 0–100 %: kept as published',
      'abcde count that is not a whole number ≥ 0: kept as published',
      // The women and men no longer add up to the total (secret statistique, additive groups).
      'abcde additive group abcde = abcde_f + abcde_h (QP009001) does not add up: its secondary suppression is applied all the same',
    ]);
  });
});

describe('buildIndicateurs: indicateurs_meta', () => {
  it('joins the catalogue and the dictionary: one row per indicator, the definition as published, the millésime of the catalogue', async () => {
    const { meta } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001])], [await dictionaryInput()], KNOWN);
    expect(meta.rows.map((r) => r.indicateur)).toEqual(INDICATOR_IDS);
    expect(meta.rows.find((r) => r.indicateur === 'tp60')).toEqual({
      indicateur: 'tp60',
      libelle: 'Taux de pauvreté (seuil 60 %)',
      definition: 'Taux de pauvreté',
      unite: '%',
      type_valeur: 'taux',
      sens: 'hausse_defavorable',
      theme: 'revenus',
      source_id: 'qp',
      millesime: 'publié en 2019, année observée non précisée',
      annee_observee: null,
      annee_publication: 2019,
    });
    expect(meta.rows.find((r) => r.indicateur === 'pop_mun')).toMatchObject({ millesime: '2013', annee_observee: 2013, annee_publication: 2019 });
    expect(meta.rows.find((r) => r.indicateur === 'tx_tot_empl')).toMatchObject({ millesime: 'publié en 2020, année observée non précisée', annee_observee: null, annee_publication: 2020 });
    expect(meta.rows.find((r) => r.indicateur === 'tx_tot_eprec')?.definition).toBe('Part des personnes en emploi précaire parmi les personnes ayant un emploi.');
    expect(meta.rows.find((r) => r.indicateur === 'abc_bac')?.definition).toBe("Nombre de demandeurs d'emploi de catégorie A, B ou C de niveau de formation BAC");
    expect(meta.locations.find((l) => l.value === 'tp60')).toEqual({ file: 'meta-qp.csv', line: 3, field: 'colonne', value: 'tp60' });
  });

  it('uses the catalogue label, with a warning, for an indicator the dictionary does not define', async () => {
    const { meta } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001])], [await dictionaryInput()], KNOWN);
    expect(meta.rows.find((r) => r.indicateur === 'pop_mun')?.definition).toBe('Population du quartier');
    expect(meta.warnings).toHaveLength(41 - 3);
    expect(meta.warnings[0]).toEqual({ location: { file: 'qp.csv', line: 1, field: 'pop_mun' }, reason: 'no definition in the dictionary: the catalogue label stands for it' });
  });

  it('rejects a dictionary row without a description, and fails on a dictionary without the colonne column', async () => {
    const { meta } = buildIndicateurs([await csvInput('qp', [QP_HEADER, QP009001])], [await dictionaryInput([...META_LINES, 'brev,,nombre rationnel,59.1'])], KNOWN);
    expect(meta.rejected).toEqual([{ location: { file: 'meta-qp.csv', line: 6, field: 'description', value: '' }, reason: 'empty description' }]);
    expect(meta.rowsIn).toBe(41 + 1);
    const noColonne = await dictionaryInput(['column,description', 'tp60,Taux de pauvreté']);
    const values = await csvInput('qp', [QP_HEADER, QP009001]);
    expect(() => buildIndicateurs([values], [noColonne], KNOWN)).toThrow('meta-qp.csv:1 field colonne: missing dictionary column');
  });
});
