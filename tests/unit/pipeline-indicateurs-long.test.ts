import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { buildIndicateurs } from '../../data-pipeline/tables/build-indicateurs.ts';
import { QPV_OF_COMMUNE } from '../../data-pipeline/secret/additive-groups.ts';
import { INDICATOR_IDS } from '../../src/domain/indicator-catalogue.ts';
import { csvInput, QP_HEADER, QP009001 } from '../support/indicateurs-fixtures.ts';
import { REPO_ROOT, removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const HEADER = 'code_qp;indicateur;valeur;millesime;statut';
const long = (lines: string[]) => csvInput('qpv-2024', [HEADER, ...lines], { layout: 'qpv-indicateurs-long' });
const build = async (lines: string[]) => buildIndicateurs([], [], new Set(['QN03501M']), [await long(lines)]);

describe('the long indicator template (qpv-indicateurs-long)', () => {
  it('reads one row per QPV, indicator and millésime, each millésime kept as the row’s annee, and describes the catalogue', async () => {
    const { indicateurs, meta } = await build(['QN03501M;tp60;45,1;2021;ok', 'QN03501M;tp60;43,8;2019;', 'QN03501M;disp_q2;;2021;nd']);
    expect(indicateurs.rows.map(({ indicateur, annee, valeur, statut }) => [indicateur, annee, valeur, statut])).toEqual([
      ['tp60', 2021, 45.1, 'ok'],
      ['tp60', 2019, 43.8, 'ok'],
      ['disp_q2', 2021, null, 'nd'],
    ]);
    expect(indicateurs).toMatchObject({ rowsIn: 3, rejected: [], warnings: [] });
    // With no wide file, indicateurs_meta still describes every catalogue indicator.
    expect(meta.rows.map((r) => r.indicateur)).toEqual(INDICATOR_IDS);
  });

  it('rejects an unknown indicator, a bad number, a bad millésime or statut, at their line and column', async () => {
    const { indicateurs } = await build([
      'QN03501M;tp61;45,1;2021;ok',
      'QN03501M;tp60;45 %;2021;ok',
      'QN03501M;tp60;45,1;21;ok',
      'QN03501M;tp60;45,1;2021;estimé',
      'QN03501M;tp60;;2021;ok',
      'QN03501M;tp60;3;2021;secret',
      'QX03501M;tp60;45,1;2021;ok',
      'QN03501M;pop_com_qp;7412;2020;ok',
    ]);
    expect(indicateurs.rows).toEqual([]);
    expect(indicateurs.rejected.map((r) => [r.location.file, r.location.line, r.location.field, r.location.value, r.reason])).toEqual([
      ['qpv-2024.csv', 2, 'indicateur', 'tp61', expect.stringMatching(/^unknown indicator id/)],
      ['qpv-2024.csv', 3, 'valeur', '45 %', expect.stringMatching(/^expected a number/)],
      ['qpv-2024.csv', 4, 'millesime', '21', 'expected a year (4 digits)'],
      ['qpv-2024.csv', 5, 'statut', 'estimé', 'expected ok, nd, secret or empty'],
      ['qpv-2024.csv', 6, 'valeur', '', expect.stringMatching(/^empty value: write its statut/)],
      ['qpv-2024.csv', 7, 'valeur', '3', "a value under statut 'secret': leave it empty"],
      ['qpv-2024.csv', 8, 'code_qp', 'QX03501M', expect.stringMatching(/^expected QP \+ 6 digits/)],
      ['qpv-2024.csv', 9, 'indicateur', 'pop_com_qp', expect.stringMatching(/^pop_com_qp .* is not accepted in the long template/)],
    ]);
  });

  it('rejects a value a wide INSEE file already gives for that QPV and millésime, and keeps the wide one', async () => {
    const wide = await csvInput('qp', [QP_HEADER, QP009001]);
    const { indicateurs } = buildIndicateurs([wide], [], new Set(['QP009001']), [await long(['QP009001;tp60;45,1;2019;ok', 'QP009001;tp60;44,0;2021;ok'])]);
    expect(indicateurs.rejected.map((r) => [r.location.line, r.location.field, r.reason])).toEqual([[2, 'millesime', expect.stringMatching(/already given by an INSEE file of the 2015 layout/)]]);
    expect(indicateurs.rows.filter((r) => r.indicateur === 'tp60').map((r) => [r.annee, r.valeur, r.source_id])).toEqual([
      [2019, 40.2, 'qp'],
      [2021, 44, 'qpv-2024'],
    ]);
  });

  it('fails the run on the same QPV, indicator and millésime twice, naming both lines', async () => {
    const lines = ['QN03501M;tp60;45,1;2021;ok', 'QN03501M;pop_mun;7412;2020;ok', 'QN03501M;TP60;45,3;2021;ok'];
    await expect(build(lines)).rejects.toThrow(PipelineError);
    await expect(build(lines)).rejects.toThrow(/qpv-2024\.csv:4 field millesime value "QN03501M\/tp60\/2021": duplicate QPV, indicator and millésime \(first seen in qpv-2024\.csv line 2\)/);
  });

  it('hides a small count and what would reveal it, within each millésime only', async () => {
    const { indicateurs } = await build(['QN03501M;abcde;20;2022;', 'QN03501M;abcde_f;8;2022;', 'QN03501M;abcde_h;12;2022;', 'QN03501M;abcde_h;12;2023;', 'QN03501M;pop_mun;9;2020;ok']);
    expect(indicateurs.rows.map(({ indicateur, annee, valeur, statut }) => [indicateur, annee, valeur, statut])).toEqual([
      ['abcde', 2022, 20, 'ok'],
      ['abcde_f', 2022, null, 'secret'],
      ['abcde_h', 2022, null, 'secret_secondaire'],
      ['abcde_h', 2023, 12, 'ok'],
      ['pop_mun', 2020, null, 'secret'],
    ]);
  });

  it('ships a template the pipeline reads without a rejection, and a guide listing exactly the catalogue ids', async () => {
    const template = (await readFile(path.join(REPO_ROOT, 'docs/templates/indicateurs-qpv.csv'), 'utf8')).trimEnd().split('\n');
    expect(template[0]).toBe(HEADER);
    const { indicateurs } = await build(template.slice(1));
    expect(indicateurs.rejected).toEqual([]);
    expect(indicateurs.rows.length).toBe(template.length - 1);
    const guide = await readFile(path.join(REPO_ROOT, 'docs/templates/indicateurs-qpv.md'), 'utf8');
    const ids = guide.slice(guide.indexOf('## Identifiants acceptés'));
    expect([...ids.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1])).toEqual(INDICATOR_IDS.filter((id) => id !== QPV_OF_COMMUNE.total));
  });
});
