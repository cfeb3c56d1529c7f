import { ACTIONS_REQUIRED_COLUMNS, ACTIONS_TEMPLATE_COLUMNS, ACTIONS_VOCABULARIES, type ActionRecord, type ActionsTemplateColumn, actionToCells } from './actions-template.ts';
import type { Sheet } from './delimited-text.ts';
import { checkFileSize, checkSheetLimits, IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { parseDelimited } from './parse-delimited.ts';
import { MULTI_VALUE_SEPARATOR } from './template-cells.ts';
import { readWorkbookSheet, writeWorkbook } from './template-workbook.ts';

/**
 * The actions template as files: the CSV and the XLSX people download (empty, or holding
 * actions), and the reading of either format back into a table of cells. Everything comes
 * from the one definition in `actions-template.ts`; `docs/templates/actions.csv` is the empty
 * CSV (a test keeps them equal).
 */

/** What each column holds, in French (the XLSX help sheet; docs/actions-template.md says the same in English). */
export const ACTIONS_COLUMN_HELP: Readonly<Record<ActionsTemplateColumn, string>> = {
  id: 'identifiant stable (lettres, chiffres, - _ . :) ; vide : numéro de ligne',
  titre: 'titre de l’action (300 caractères au plus)',
  resume: 'résumé',
  cite: 'Cité(s) éducative(s), nommées comme dans le registre (« Cité éducative de Pau »)',
  commune_code: 'codes INSEE des communes (5 caractères, ex. 33063)',
  commune: 'noms des communes, un par code et dans le même ordre (ou aucun)',
  departement_code: 'département quand aucune commune ne s’applique (ex. 37, 2A, 974)',
  qpv_code: 'codes QPV : QP + 6 chiffres (2015) ou QN + 5 chiffres + 1 caractère (2024)',
  spheres: 'sphères de la coéducation',
  axes: 'axes nationaux',
  niveaux: 'niveaux d’alliance',
  tranches: 'tranches d’âge',
  financement: 'financement ; vide = non précisé (« Non financé » ne se combine pas)',
  porteur: 'structure qui porte l’action',
  partenaires: 'structures partenaires (jamais de personnes)',
  annee_debut: 'année de début (4 chiffres)',
  annee_fin: 'année de fin (4 chiffres, pas avant le début)',
  lieu: 'lieu ou territoire en mots (QPV, structure…)',
  source: 'd’où vient la ligne : document et lignes, ou qui l’a saisie et quand',
};

const csvCell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The template as CSV (UTF-8, `;`, header line first): empty, or with `actions`. */
export function actionsTemplateCsv(actions: readonly ActionRecord[] = []): string {
  const lines = [ACTIONS_TEMPLATE_COLUMNS.join(';')];
  for (const action of actions) {
    const cells = actionToCells(action);
    lines.push(ACTIONS_TEMPLATE_COLUMNS.map((c) => csvCell(cells[c])).join(';'));
  }
  return `${lines.join('\n')}\n`;
}

/** One help row per column: name, required or not, what it holds and the accepted values. */
function helpRows(): string[][] {
  return ACTIONS_TEMPLATE_COLUMNS.map((column) => {
    const vocabulary = (ACTIONS_VOCABULARIES as Partial<Record<ActionsTemplateColumn, readonly { label: string }[]>>)[column];
    const values = vocabulary === undefined ? '' : `valeurs : ${vocabulary.map((e) => e.label).join(', ')} (plusieurs séparées par ${MULTI_VALUE_SEPARATOR})`;
    return [column, ACTIONS_REQUIRED_COLUMNS.includes(column) ? 'oui' : 'non', ACTIONS_COLUMN_HELP[column], values];
  });
}

/** The template as an XLSX workbook: sheet « actions » (header, then `actions`), sheet « aide ». */
export function actionsTemplateWorkbook(actions: readonly ActionRecord[] = []): Promise<Uint8Array> {
  return writeWorkbook({
    sheetName: 'actions',
    columns: ACTIONS_TEMPLATE_COLUMNS,
    rows: actions.map(actionToCells),
    help: { name: 'aide', header: ['colonne', 'obligatoire', 'contenu', 'valeurs acceptées'], rows: helpRows() },
  });
}

/** An XLSX file starts with the ZIP signature `PK\x03\x04`, whatever its name says. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A template file, CSV or XLSX (told apart by content), as a table of text cells, refused
 * whole (`ImportLimitError`) past the import limits: size first, then the archive, rows, cells.
 */
export async function readTemplateFile(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<Sheet> {
  checkFileSize(bytes.length, limits);
  const sheet = isXlsx(bytes) ? await readWorkbookSheet(bytes, limits) : parseDelimited(bytes);
  checkSheetLimits(sheet.rows, sheet.rejected.length, limits);
  return sheet;
}
