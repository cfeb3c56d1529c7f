import { z } from 'zod';
import { ACTIONS_TEMPLATE_COLUMNS } from '../domain/actions-template.ts';
import type { Connector } from '../domain/connector.ts';
import type { Sheet } from '../domain/delimited-text.ts';
import type { ImportedAction } from '../domain/actions-import.ts';
import { checkSheetLimits, ImportLimitError } from '../domain/import-limits.ts';
import type { Coordinator, Need } from './coordinator.ts';
import { type CheckedImport, checkActionsSheet, replaceLocalActions } from './local-actions.ts';
import { dropLegacy, LocalStorageError, migrateLegacy, readKept, writeKept } from './local-actions-storage.ts';

/**
 * The browser side of the actions import: the imported rows are kept in IndexedDB as the
 * cells of the template (validated again, by the same code, each time the app starts) and
 * loaded into `actions_locales`. A new import replaces the previous one, all or nothing: it
 * is kept in the browser inside DuckDB's transaction, before the commit (`replaceEverywhere`).
 * Kept data that cannot be loaded (unreadable, over the limits) is reported and left as is.
 */

const StoredSchema = z.object({
  fichier: z.string().max(500),
  importeLe: z.string().max(40),
  lignes: z.array(z.object({ line: z.number().int().positive(), cells: z.record(z.string(), z.string()) })),
});
type Stored = z.infer<typeof StoredSchema>;

/** Tables the import checks against and the union view reads. */
export const LOCAL_ACTIONS_NEEDS: readonly Need[] = ['actions', 'territoires', 'qpv', 'cites'];

const KEPT_AS_IS = 'elles restent enregistrées dans ce navigateur (un nouvel import ou « Supprimer les actions locales » les remplace)';

const storedSheet = (stored: Stored): Sheet => ({ header: [...ACTIONS_TEMPLATE_COLUMNS], rows: stored.lignes.map((l) => ({ line: l.line, values: l.cells })), rejected: [] });

async function restore(db: Connector, coordinator: Coordinator): Promise<void> {
  const setLocalActionsError = (message: string) => coordinator.setLocalActionsError(message);
  const kept = (await readKept()) ?? (await migrateLegacy());
  if (kept === undefined) return;
  const parsed = StoredSchema.safeParse(kept);
  if (!parsed.success) {
    console.warn('actions locales enregistrées illisibles', parsed.error);
    setLocalActionsError(`actions locales enregistrées illisibles : non rechargées ; ${KEPT_AS_IS}`);
    return;
  }
  const stored = parsed.data;
  const sheet = storedSheet(stored);
  try {
    checkSheetLimits(sheet.rows, 0);
  } catch (error) {
    if (!(error instanceof ImportLimitError)) throw error;
    setLocalActionsError(`actions locales de « ${stored.fichier} » non rechargées : ${error.message} ; ${KEPT_AS_IS}`);
    return;
  }
  const checked = await checkActionsSheet(db, sheet);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    setLocalActionsError(`actions locales de « ${stored.fichier} » non rechargées : ligne ${first.line}, ${first.column ?? 'ligne'} : ${first.message} ; ${KEPT_AS_IS}`);
    return;
  }
  await replaceLocalActions(db, checked.actions);
  // Nothing read `actions_toutes` yet (it is ready after this): no revision to move.
  coordinator.setLocalActions({ fichier: stored.fichier, importeLe: stored.importeLe, count: checked.actions.length }, false);
}

/** Puts the local actions kept in the browser back into `actions_locales` (the `actions_toutes` declaration, derived-tables.ts). */
export async function restoreLocalActions(db: Connector, coordinator: Coordinator): Promise<void> {
  await restore(db, coordinator).catch((error: unknown) => {
    console.error('actions locales non rechargées', error);
    coordinator.setLocalActionsError(`actions locales non rechargées : ${error instanceof LocalStorageError ? error.message : 'erreur inattendue (détail dans la console)'}`);
  });
}

/**
 * Replaces the local actions by `next` (none: `undefined`) in DuckDB and in the browser's
 * storage, both or neither: the storage is written inside DuckDB's transaction, before its
 * commit. A `LocalStorageError` rolls DuckDB back; nothing changed.
 */
async function replaceEverywhere(db: Connector, actions: readonly ImportedAction[], next: Stored | undefined): Promise<void> {
  await replaceLocalActions(db, actions, () => writeKept(next));
  dropLegacy();
}

/**
 * Reads, checks and (only if every row is valid) applies an imported file: its rows replace
 * the local actions, in the browser's storage and in DuckDB, both or neither. The outcome
 * lists errors or warnings; a file over the limits throws `ImportLimitError`, a storage
 * failure `LocalStorageError` (nothing changed either way).
 */
export function importActionsFile(coordinator: Coordinator, name: string, bytes: Uint8Array): Promise<CheckedImport> {
  return coordinator.oneAtATime(async () => {
    const db = await coordinator.whenReady(['actions_toutes']);
    // The file readers (csv-parse, and exceljs on demand) load with the first import, not with the page.
    const { readTemplateFile } = await import('../domain/actions-template-files.ts');
    const checked = await checkActionsSheet(db, await readTemplateFile(bytes));
    if (!checked.ok) return checked;
    const stored: Stored = { fichier: name, importeLe: new Date().toISOString(), lignes: checked.actions.map((a) => ({ line: a.line, cells: a.cells })) };
    await replaceEverywhere(db, checked.actions, stored);
    coordinator.setLocalActions({ fichier: name, importeLe: stored.importeLe, count: checked.actions.length });
    return checked;
  });
}

/** Removes every local action, from the browser's storage and from DuckDB (both or neither). */
export function clearLocalActions(coordinator: Coordinator): Promise<void> {
  return coordinator.oneAtATime(async () => {
    const db = await coordinator.whenReady(['actions_toutes']);
    await replaceEverywhere(db, [], undefined);
    coordinator.setLocalActions(null);
  });
}
