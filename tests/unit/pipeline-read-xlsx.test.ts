import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { readXlsx } from '../../data-pipeline/read/read-xlsx.ts';
import { buildActions } from '../../data-pipeline/tables/build-actions.ts';
import { validateActionsSheet } from '../../src/domain/actions-import.ts';
import { actionsTemplateWorkbook, readTemplateFile } from '../../src/domain/actions-template-files.ts';
import { COMMUNES, sourceLines, templateInput, templateSource } from '../support/actions-fixtures.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const CONTEXT = { communes: COMMUNES, qpvCodes: new Set(['QP066007']), cites: new Set(['Cité éducative de Pau', 'Cité éducative de Bordeaux']) };

async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(await tempDir('xlsx'), name);
  await writeFile(file, bytes);
  return file;
}

/** The committed actions, written into the XLSX template the app offers for download. */
async function seedWorkbook(): Promise<Uint8Array> {
  const csv = await sourceLines('actions-recueil/actions.csv');
  const result = validateActionsSheet(await readTemplateFile(new TextEncoder().encode(`${csv.join('\n')}\n`)), { publishedIds: new Set() });
  if (!result.ok) throw new Error('committed actions invalid');
  return actionsTemplateWorkbook(result.actions.map((a) => a.action));
}

describe('the pipeline reads the actions template from XLSX', () => {
  it('builds the same actions table from the XLSX template as from the CSV', async () => {
    const xlsxFile = await writeTemp('actions.xlsx', await seedWorkbook());
    const fromXlsx = buildActions([{ source: { ...templateSource('recueil', 'actions-template'), format: 'xlsx' }, data: await readXlsx(xlsxFile, 'actions.xlsx') }], CONTEXT);
    const fromCsv = buildActions([await templateInput('recueil', 'actions-template', await sourceLines('actions-recueil/actions.csv'))], CONTEXT);
    expect(fromXlsx.rows.length).toBeGreaterThan(0);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rejected).toEqual([]);
    expect(fromXlsx.warnings.map((w) => [w.location.line, w.location.field, w.reason])).toEqual(fromCsv.warnings.map((w) => [w.location.line, w.location.field, w.reason]));
  });

  it('rejects a faulty row at its sheet row and first faulty column, and names rows without id by that row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('actions');
    sheet.addRow(['titre', 'spheres', 'source', 'commune_code']);
    sheet.addRow(['Forum', 'quartier', 'CPO 2026', '64445']);
    sheet.addRow([]);
    sheet.addRow(['Atelier', 'sport', 'CPO 2026', '644']);
    const file = await writeTemp('saisie.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const build = buildActions([{ source: { ...templateSource('saisie', 'actions-template'), format: 'xlsx' }, data: await readXlsx(file, 'saisie.xlsx') }], CONTEXT);
    expect(build.rows.map((r) => [r.id, r.titre, r.commune])).toEqual([['saisie-2', 'Forum', 'Pau']]);
    expect(build.rejected).toEqual([
      {
        location: { file: 'saisie.xlsx', line: 4, field: 'commune_code', value: '644' },
        reason: 'commune_code : code invalide « 644 » : 5 caractères attendus (ex. 33063, 01053, 2A004) ; spheres : valeur inconnue « sport » (attendu : Famille, École, Tiers-lieux éducatifs, Quartier, Virtualité)',
      },
    ]);
  });

  it('fails the run, naming the file, for a file that is not a workbook or a sheet without header', async () => {
    const notXlsx = await writeTemp('faux.xlsx', new TextEncoder().encode('titre;spheres;source\n'));
    await expect(readXlsx(notXlsx, 'faux.xlsx')).rejects.toThrow(PipelineError);
    await expect(readXlsx(notXlsx, 'faux.xlsx')).rejects.toThrow(/^faux\.xlsx: classeur XLSX illisible/);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('vide').getCell('A3').value = 'Forum';
    const noHeader = await writeTemp('vide.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    await expect(readXlsx(noHeader, 'vide.xlsx')).rejects.toThrow('vide.xlsx:1: feuille « vide » : en-tête attendu sur la ligne 1');
    await expect(readXlsx(path.join(path.dirname(noHeader), 'absent.xlsx'), 'absent.xlsx')).rejects.toThrow(/^absent\.xlsx: cannot read file/);
  });
});
