import { z } from 'zod';
import { ACTIONS_TEMPLATE_COLUMNS } from '../domain/actions-template.ts';
import { readTemplateFile } from '../domain/actions-template-files.ts';
import type { Connector } from '../domain/connector.ts';
import type { Sheet } from '../domain/delimited-text.ts';
import type { ImportedAction } from '../domain/actions-import.ts';
import { checkSheetLimits, ImportLimitError } from '../domain/import-limits.ts';
import { useAppStore } from '../state/store.ts';
import { whenTablesLoaded } from './database.ts';
import { type CheckedImport, checkActionsSheet, replaceLocalActions, setUpLocalActions } from './local-actions.ts';
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
const NEEDS = ['actions', 'territoires', 'qpv', 'cites'] as const;

const KEPT_AS_IS = 'elles restent enregistrées dans ce navigateur (un nouvel import ou « Supprimer les actions locales » les remplace)';

const storedSheet = (stored: Stored): Sheet => ({ header: [...ACTIONS_TEMPLATE_COLUMNS], rows: stored.lignes.map((l) => ({ line: l.line, values: l.cells })), rejected: [] });

async function restore(db: Connector): Promise<void> {
  const { setLocalActionsError, setLocalActions } = useAppStore.getState();
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
  setLocalActions({ fichier: stored.fichier, importeLe: stored.importeLe, count: checked.actions.length });
}

let ready: Promise<Connector> | undefined;

/** The connector once `actions_toutes` exists and the kept local actions are back in it. */
export function whenActionsReady(): Promise<Connector> {
  ready ??= whenTablesLoaded(NEEDS).then(async (db) => {
    await setUpLocalActions(db);
    await restore(db).catch((error: unknown) => {
      console.error('actions locales non rechargées', error);
      useAppStore.getState().setLocalActionsError(`actions locales non rechargées : ${error instanceof LocalStorageError ? error.message : 'erreur inattendue (détail dans la console)'}`);
    });
    return db;
  });
  return ready;
}

/** `needs` loaded and the actions view ready: for `useSql`'s third argument. */
export const whenActionsReadyWith = (needs: readonly string[]) => () => Promise.all([whenTablesLoaded(needs), whenActionsReady()]).then(([db]) => db);

/** One change of the local actions at a time: each reads what the previous one kept. */
let last: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
  const run = last.then(change, change);
  last = run.catch(() => {});
  return run;
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
export function importActionsFile(name: string, bytes: Uint8Array): Promise<CheckedImport> {
  return oneAtATime(async () => {
    const db = await whenActionsReady();
    const checked = await checkActionsSheet(db, await readTemplateFile(bytes));
    if (!checked.ok) return checked;
    const stored: Stored = { fichier: name, importeLe: new Date().toISOString(), lignes: checked.actions.map((a) => ({ line: a.line, cells: a.cells })) };
    await replaceEverywhere(db, checked.actions, stored);
    useAppStore.getState().setLocalActionsError(null);
    useAppStore.getState().setLocalActions({ fichier: name, importeLe: stored.importeLe, count: checked.actions.length });
    return checked;
  });
}

/** Removes every local action, from the browser's storage and from DuckDB (both or neither). */
export function clearLocalActions(): Promise<void> {
  return oneAtATime(async () => {
    const db = await whenActionsReady();
    await replaceEverywhere(db, [], undefined);
    useAppStore.getState().setLocalActionsError(null);
    useAppStore.getState().setLocalActions(null);
  });
}
