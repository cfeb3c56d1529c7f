import { type ActionRecord, readActionsHeader, validateActionRecord } from './actions-template.ts';
import type { Sheet } from './delimited-text.ts';
import { toTemplateRecord } from './template-cells.ts';

/**
 * A file of the actions template imported in the browser, checked whole before anything is
 * applied: every row through the template's validation (`validateActionRecord`, as the
 * pipeline), plus what only an import can check — ids unique in the file and not already
 * published. All or nothing: one error and no row is kept.
 */

/** One problem, located as the person sees the file: line (1 = header) and column. */
export interface ImportError {
  line: number;
  /** Template column, or null for a problem of the whole line. */
  column: string | null;
  value: string;
  message: string;
}

export interface ImportedAction {
  line: number;
  /** The template cells as given (what is stored in the browser and validated again on reload). */
  cells: Record<string, string>;
  action: ActionRecord;
  id: string;
}

export type ActionsImport = { ok: true; actions: ImportedAction[]; ignoredColumns: string[] } | { ok: false; errors: ImportError[] };

/** Id of a local row whose file gives none. */
export const localActionId = (line: number) => `local-${line}`;

export function validateActionsSheet(sheet: Sheet, options: { publishedIds: ReadonlySet<string> }): ActionsImport {
  const header = readActionsHeader(sheet.header);
  const errors: ImportError[] = header.missingRequired.map((column) => ({ line: 1, column, value: '', message: 'colonne obligatoire absente de l’en-tête' }));
  if (errors.length > 0) return { ok: false, errors };
  for (const { line, reason } of sheet.rejected) errors.push({ line, column: null, value: '', message: reason });
  if (sheet.rows.length === 0 && sheet.rejected.length === 0) errors.push({ line: 2, column: null, value: '', message: 'aucune action : le fichier n’a que son en-tête' });

  const actions: ImportedAction[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const row of sheet.rows) {
    const cells = toTemplateRecord(header, row.values) as Record<string, string>;
    const result = validateActionRecord(cells);
    if (!result.ok) {
      for (const issue of result.issues) errors.push({ line: row.line, column: issue.column, value: issue.value ?? '', message: issue.message });
      continue;
    }
    const id = result.action.id ?? localActionId(row.line);
    const first = firstLineOfId.get(id);
    if (first !== undefined) errors.push({ line: row.line, column: 'id', value: id, message: `identifiant déjà donné ligne ${first}` });
    else if (options.publishedIds.has(id)) errors.push({ line: row.line, column: 'id', value: id, message: 'identifiant d’une action déjà publiée : en choisir un autre' });
    firstLineOfId.set(id, first ?? row.line);
    actions.push({ line: row.line, cells, action: result.action, id });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, actions, ignoredColumns: header.unknown };
}
