import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { localActionId, validateActionsSheet } from '../../src/domain/actions-import.ts';
import { ACTIONS_TEMPLATE_COLUMNS } from '../../src/domain/actions-template.ts';
import { actionsTemplateCsv, actionsTemplateWorkbook, isXlsx, readTemplateFile } from '../../src/domain/actions-template-files.ts';
import { SheetError } from '../../src/domain/delimited-text.ts';
import { REPO_ROOT } from '../support/published-data.ts';

const NONE = { publishedIds: new Set<string>() };
const utf8 = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const committed = async () => new Uint8Array(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv')));

/** The committed actions of the seeds, validated as an import would. */
async function seedActions() {
  const result = validateActionsSheet(await readTemplateFile(await committed()), NONE);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.actions;
}

describe('validateActionsSheet: a whole file, all or nothing', () => {
  it('accepts the committed actions of the seeds: every row, with its line and id', async () => {
    const actions = await seedActions();
    const lines = (await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8')).trimEnd().split('\n');
    expect(actions).toHaveLength(lines.length - 1);
    expect(actions[0]).toMatchObject({ line: 2, id: 'fiche-01', action: { titre: expect.stringContaining('Élèves ambassadeurs'), commune_code: ['64445'] } });
  });

  it('lists every faulty cell of every row by line and column, and keeps nothing', () => {
    const sheet = readTemplateFile(
      utf8([
        'titre;spheres;tranches;commune_code;annee_debut;annee_fin;source',
        'Forum des métiers;école;11-15;33063;2024;;CPO 2026',
        'Atelier;sport;0 à 4 ans;33063;2024;;CPO 2026',
        ';famille;;330;2025;2023;CPO 2026',
        'Café des parents;famille;0-3;;;;',
      ]),
    );
    return sheet.then((s) => {
      const result = validateActionsSheet(s, NONE);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
        [3, 'spheres', 'sport'],
        [3, 'tranches', '0 à 4 ans'],
        [4, 'titre', ''],
        [4, 'commune_code', '330'],
        [5, 'source', ''],
      ]);
      expect(result.errors[0]!.message).toBe('valeur inconnue « sport » (attendu : Famille, École, Tiers-lieux éducatifs, Quartier, Virtualité)');
      expect(result.errors[3]!.message).toMatch(/^code invalide « 330 »/);
    });
  });

  it('checks what only an import can: ids unique in the file and not already published, a header with the required columns', async () => {
    const sheet = await readTemplateFile(utf8(['id;titre;spheres;source', 'a-1;Forum;quartier;CPO', 'a-1;Atelier;famille;CPO', 'fiche-01;Café;famille;CPO', ';Sans id;école;CPO']));
    const result = validateActionsSheet(sheet, { publishedIds: new Set(['fiche-01']) });
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'id', 'identifiant déjà donné ligne 2'],
      [4, 'id', 'identifiant d’une action déjà publiée : en choisir un autre'],
    ]);
    const missing = validateActionsSheet(await readTemplateFile(utf8(['titre;commune', 'Forum;Pau'])), NONE);
    expect(missing.ok ? [] : missing.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'spheres'],
      [1, 'source'],
    ]);
    const empty = validateActionsSheet(await readTemplateFile(utf8([ACTIONS_TEMPLATE_COLUMNS.join(';')])), NONE);
    expect(empty).toMatchObject({ ok: false, errors: [{ line: 2, column: null }] });
    const ok = validateActionsSheet(await readTemplateFile(utf8(['Titre;Sphères;Source;budget', 'Forum;Quartier;CPO;100'])), NONE);
    expect(ok).toMatchObject({ ok: true, ignoredColumns: ['budget'], actions: [{ id: localActionId(2), action: { spheres: ['quartier'] } }] });
  });

  it('reports a line with the wrong number of fields, and a file that is no table at all', async () => {
    const result = validateActionsSheet(await readTemplateFile(utf8(['titre;spheres;source', 'Forum;quartier'])), NONE);
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: null, message: '2 champs au lieu de 3' }] });
    await expect(readTemplateFile(utf8(['titre;spheres;titre', 'a;b;c']))).rejects.toThrow(SheetError);
    await expect(readTemplateFile(utf8(['titre;spheres;source', '"Forum;quartier;CPO']))).rejects.toThrow(/CSV illisible/);
  });

  it('reads Windows-1252 and comma-separated files as the pipeline does', async () => {
    const latin1 = Uint8Array.from([...'titre,spheres,source\nF\u00eate,\u00e9cole,CPO\n'].map((c) => c.charCodeAt(0)));
    const result = validateActionsSheet(await readTemplateFile(latin1), NONE);
    expect(result).toMatchObject({ ok: true, actions: [{ action: { titre: 'Fête', spheres: ['ecole'] } }] });
  });
});

describe('the template files: CSV and XLSX from the one definition', () => {
  it('the empty CSV is docs/templates/actions.csv', async () => {
    expect(actionsTemplateCsv()).toBe(await readFile(path.join(REPO_ROOT, 'docs/templates/actions.csv'), 'utf8'));
  });

  it('writes the committed actions back to the committed CSV byte for byte', async () => {
    const actions = await seedActions();
    expect(actionsTemplateCsv(actions.map((a) => a.action))).toBe(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8'));
  });

  it('round-trips the actions through an XLSX workbook: same rows, same lines', async () => {
    const actions = await seedActions();
    const bytes = await actionsTemplateWorkbook(actions.map((a) => a.action));
    expect(isXlsx(bytes)).toBe(true);
    const back = validateActionsSheet(await readTemplateFile(bytes), NONE);
    expect(back.ok && back.actions.map((a) => [a.line, a.action])).toEqual(actions.map((a) => [a.line, a.action]));
  });

  it('the empty XLSX has the template header, text cells, and a help sheet naming every column and vocabulary label', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await actionsTemplateWorkbook()).slice().buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['actions', 'aide']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([...ACTIONS_TEMPLATE_COLUMNS]);
    expect(workbook.worksheets[0]!.getColumn(5).numFmt).toBe('@');
    const help = workbook.worksheets[1]!;
    expect(help.rowCount).toBe(ACTIONS_TEMPLATE_COLUMNS.length + 1);
    expect(help.getRow(10).values).toEqual([undefined, 'spheres', 'oui', 'sphères de la coéducation', 'valeurs : Famille, École, Tiers-lieux éducatifs, Quartier, Virtualité (plusieurs séparées par |)']);
  });

  it('reads what people type in Excel: numbers, formulas, rich text, empty rows; rows numbered as Excel numbers them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('saisie');
    sheet.addRow(['titre', 'spheres', 'source', 'commune_code', 'annee_debut']);
    sheet.addRow([{ richText: [{ text: 'Forum ' }, { text: 'des métiers', font: { bold: true } }] }, 'École', 'CPO', 1053, { formula: '2020+4', result: 2024 }]);
    sheet.addRow([]);
    sheet.addRow(['Atelier', 'Famille|quartier', 'CPO', '33063', 2025]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readTemplateFile(bytes);
    expect(read.rows.map((r) => [r.line, r.values.titre, r.values.commune_code, r.values.annee_debut])).toEqual([
      [2, 'Forum des métiers', '1053', '2024'],
      [4, 'Atelier', '33063', '2025'],
    ]);
    expect(read.rejected).toEqual([]);
    sheet.getCell('F4').value = 'hors en-tête';
    const withStray = await readTemplateFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(withStray.rejected).toEqual([{ line: 4, reason: 'valeur en colonne 6, hors de l’en-tête (5 colonnes)' }]);
    const result = validateActionsSheet(read, NONE);
    expect(result).toMatchObject({ ok: true, actions: [{ action: { commune_code: ['01053'], annee_debut: 2024, spheres: ['ecole'] } }, {}] });
  });

  it('refuses a file that says XLSX but is not a workbook', async () => {
    await expect(readTemplateFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/classeur XLSX illisible/);
  });
});
