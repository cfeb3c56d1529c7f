import { unzipSync, zipSync, type Zippable } from 'fflate';
import { SheetError } from '../../src/domain/delimited-text.ts';
import { describe, expect, it } from 'vitest';
import { validateActionsSheet } from '../../src/domain/actions-import.ts';
import { actionsTemplateWorkbook, readTemplateFile } from '../../src/domain/actions-template-files.ts';
import { IMPORT_LIMITS, ImportLimitError, type ImportLimitName } from '../../src/domain/import-limits.ts';

/*
 * The import limits, on files built here as a person or an attacker would make them: the
 * real template workbook, re-zipped with a bomb beside it or with a lying directory; CSV
 * files one row or one character past the limit. Each is refused whole, before exceljs
 * inflates anything, with a French message naming the limit.
 */
const utf8 = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;

/** A valid CSV of the template with `rows` actions (and a `resume` column). */
function templateCsv(rows: number, resume = 'Ateliers du mercredi'): Uint8Array {
  const lines = ['titre;spheres;resume;source'];
  for (let i = 0; i < rows; i++) lines.push(`Action ${i};famille;${resume};saisie de test`);
  return utf8(`${lines.join('\n')}\n`);
}

async function refusal(bytes: Uint8Array): Promise<ImportLimitError> {
  const error = await readTemplateFile(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportLimitError);
  return error as ImportLimitError;
}

const expectLimit = (error: ImportLimitError, limit: ImportLimitName) => expect(error.limit).toBe(limit);

/** The template workbook's parts, plus `extra`, zipped again (deflate). */
async function workbookWith(extra: Zippable): Promise<Uint8Array> {
  const parts = unzipSync(await actionsTemplateWorkbook());
  return zipSync({ ...parts, ...extra }, { level: 9 });
}

/** Sets, in the central directory, the uncompressed size `name` declares (the data is left as is). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = utf8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== wanted.length) continue;
    if (out.subarray(at + 46, at + 46 + wanted.length).every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`${name} not in the central directory`);
}

describe('import limits: declared once, each with its reason', () => {
  it('declares every limit with a value and a reason', () => {
    for (const [name, { max, reason }] of Object.entries(IMPORT_LIMITS)) {
      expect(max, name).toBeGreaterThan(0);
      expect(reason.length, name).toBeGreaterThan(20);
    }
  });
});

describe('import limits: rows, cells and file size of a CSV', () => {
  it('accepts 20,000 actions and refuses 20,001, naming the limit', async () => {
    const max = IMPORT_LIMITS.rows.max;
    expect((await readTemplateFile(templateCsv(max))).rows).toHaveLength(max);
    const error = await refusal(templateCsv(max + 1));
    expectLimit(error, 'rows');
    expect(error.message).toMatch(/^Le fichier dépasse 20\s000 lignes \(20\s001 lignes d’actions ; limite : 20\s000\)$/);
  });

  it('refuses a cell one character past the limit, at its line and column', async () => {
    const max = IMPORT_LIMITS.cellChars.max;
    const ok = await readTemplateFile(templateCsv(3, 'x'.repeat(max)));
    expect(ok.rows[2]!.values.resume).toHaveLength(max);
    const error = await refusal(templateCsv(3, 'x'.repeat(max + 1)));
    expectLimit(error, 'cellChars');
    expect({ line: error.line, column: error.column }).toEqual({ line: 2, column: 'resume' });
    expect(error.message).toMatch(/^Ligne 2, colonne « resume » : la cellule dépasse 10\s000 caractères \(10\s001 ; limite : 10\s000\)$/);
  });

  it('refuses a cell holding a control character (a NUL byte), at its line and column; tabs and line breaks are text', async () => {
    const ok = await readTemplateFile(templateCsv(2, '"Ateliers\tdu\nmercredi"'));
    expect(ok.rows[1]!.values.resume).toBe('Ateliers\tdu\nmercredi');
    const error = await readTemplateFile(templateCsv(2, 'Ateliers\u0000du mercredi')).then(
      () => null,
      (e: unknown) => e as SheetError,
    );
    expect(error).toBeInstanceOf(SheetError);
    expect(error!.message).toBe('Ligne 2, colonne « resume » : caractère de contrôle U+0000 non accepté');
  });

  it('refuses a file over 30 MB by its size, before parsing it (an unclosed quote is never reached)', async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.fileBytes.max + 1).fill(0x61);
    bytes.set(utf8('titre;spheres;source\n"'), 0);
    const error = await refusal(bytes);
    expectLimit(error, 'fileBytes');
    expect(error.message).toMatch(/^Le fichier dépasse 30 Mo \(31\s457\s281 octets ; limite : 30 Mo\)$/);
  });
});

describe('import limits: an XLSX archive checked before it is inflated', () => {
  it('reads the real template workbook, re-zipped, as before', async () => {
    const sheet = await readTemplateFile(await workbookWith({}));
    expect(validateActionsSheet(sheet, { publishedIds: new Set() })).toMatchObject({ ok: false, errors: [{ message: 'aucune action : le fichier n’a que son en-tête' }] });
  });

  it('refuses a zip bomb: a 100 KB file whose part inflates to 101 MB', async () => {
    const bomb = await workbookWith({ 'xl/media/image1.png': [new Uint8Array(101 * MB), { level: 9 }] });
    expect(bomb.length).toBeLessThan(MB);
    const error = await refusal(bomb);
    expectLimit(error, 'xlsxInflatedBytes');
    expect(error.message).toMatch(/^Le classeur XLSX décompressé dépasse 100 Mo \(101 Mo annoncés ; limite : 100 Mo\)$/);
  });

  it('refuses a directory that claims a part of 4 GB, without inflating it', async () => {
    const claimed = declareSize(await workbookWith({}), 'xl/worksheets/sheet1.xml', 0xfffffffe);
    const error = await refusal(claimed);
    expectLimit(error, 'xlsxInflatedBytes');
    expect(error.message).toContain('annoncés ; limite : 100 Mo');
  });

  it('refuses a part that inflates past the size its directory declares (a lying bomb)', async () => {
    const lying = declareSize(await workbookWith({ 'xl/media/image1.png': new Uint8Array(20 * MB) }), 'xl/media/image1.png', 1000);
    const error = await refusal(lying);
    expectLimit(error, 'xlsxInflatedBytes');
    expect(error.message).toMatch(/« xl\/media\/image1\.png » se décompresse au-delà des 1\s000 octets qu’il annonce ; limite : 100 Mo/);
  });

  it('refuses a directory that does not end at the end record, as a laxer reader would read past it', async () => {
    // The bomb is the last entry; the directory's declared size covers every entry but it.
    const zip = await workbookWith({ 'zz-bomb.bin': [new Uint8Array(101 * MB), { level: 9 }] });
    const view = new DataView(zip.buffer, zip.byteOffset);
    const end = zip.length - 22;
    const start = view.getUint32(end + 16, true);
    let last = start;
    for (let at = start; at < end; at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)) last = at;
    view.setUint32(end + 12, last - start, true);
    view.setUint16(end + 8, view.getUint16(end + 8, true) - 1, true);
    view.setUint16(end + 10, view.getUint16(end + 10, true) - 1, true);
    await expect(readTemplateFile(zip)).rejects.toThrow(/^classeur XLSX illisible \(répertoire de l’archive mal placé\)$/);
    // Bytes slipped between the directory and the end record move it for such a reader: refused too.
    const shifted = new Uint8Array([...zip.subarray(0, end), ...new Uint8Array(16), ...zip.subarray(end)]);
    await expect(readTemplateFile(shifted)).rejects.toThrow(/^classeur XLSX illisible \(répertoire de l’archive mal placé\)$/);
  });

  it('refuses a workbook of more than 1,000 parts', async () => {
    const many = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.xlsxEntries.max }, (_, i) => [`xl/media/image${i}.png`, utf8('x')]));
    const error = await refusal(await workbookWith(many));
    expectLimit(error, 'xlsxEntries');
    expect(error.message).toMatch(/^Le classeur XLSX dépasse 1\s000 fichiers internes \(1\s0\d\d ; limite : 1\s000\)$/);
  });
});
