import { z } from 'zod';
import { ACTIONS_TEMPLATE_COLUMNS } from '../domain/actions-template.ts';
import { readTemplateFile } from '../domain/actions-template-files.ts';
import type { Connector } from '../domain/connector.ts';
import type { Sheet } from '../domain/delimited-text.ts';
import { userMessage } from '../data/user-message.ts';
import { useAppStore } from '../state/store.ts';
import { assertStorageKept, storageError } from './browser-storage.ts';
import { whenTablesLoaded } from './database.ts';
import { type CheckedImport, checkActionsSheet, replaceLocalActions, setUpLocalActions } from './local-actions.ts';

/**
 * The browser side of the actions import: the imported rows are kept in localStorage as the
 * cells of the template (validated again, by the same code, each time the app starts) and
 * loaded into `actions_locales`. A new import replaces the previous one.
 */
const STORAGE_KEY = 'observatoire-reussite-educative:actions-locales:v1';

const StoredSchema = z.object({
  fichier: z.string().max(500),
  importeLe: z.string().max(40),
  lignes: z.array(z.object({ line: z.number().int().positive(), cells: z.record(z.string(), z.string()) })).max(20_000),
});
type Stored = z.infer<typeof StoredSchema>;

/** Tables the import checks against and the union view reads. */
const NEEDS = ['actions', 'territoires', 'qpv', 'cites'] as const;

const storedSheet = (stored: Stored): Sheet => ({ header: [...ACTIONS_TEMPLATE_COLUMNS], rows: stored.lignes.map((l) => ({ line: l.line, values: l.cells })), rejected: [] });

function readStored(): Stored | null {
  const text = localStorage.getItem(STORAGE_KEY);
  if (text === null) return null;
  try {
    return StoredSchema.parse(JSON.parse(text));
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    useAppStore.getState().setLocalActionsError('actions locales enregistrées illisibles : supprimées');
    return null;
  }
}

async function restore(db: Connector): Promise<void> {
  const stored = readStored();
  if (stored === null) return;
  const checked = await checkActionsSheet(db, storedSheet(stored));
  if (!checked.ok) {
    const first = checked.errors[0]!;
    useAppStore.getState().setLocalActionsError(`actions locales de « ${stored.fichier} » non rechargées : ligne ${first.line}, ${first.column ?? 'ligne'} : ${first.message}`);
    return;
  }
  await replaceLocalActions(db, checked.actions);
  useAppStore.getState().setLocalActions({ fichier: stored.fichier, importeLe: stored.importeLe, count: checked.actions.length });
}

/** Writes `stored` to localStorage; returns what it replaces. @throws StorageError (disabled, full). */
function keepStored(stored: Stored): string | null {
  try {
    assertStorageKept();
    const previous = localStorage.getItem(STORAGE_KEY);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    return previous;
  } catch (error) {
    throw storageError(error);
  }
}

let ready: Promise<Connector> | undefined;

/** The connector once `actions_toutes` exists and the kept local actions are back in it. */
export function whenActionsReady(): Promise<Connector> {
  ready ??= whenTablesLoaded(NEEDS).then(async (db) => {
    await setUpLocalActions(db);
    await restore(db).catch((error: unknown) => useAppStore.getState().setLocalActionsError(`actions locales non rechargées : ${userMessage(error, 'local actions: restore')}`));
    return db;
  });
  return ready;
}

/** `needs` loaded and the actions view ready: for `useSql`'s third argument. */
export const whenActionsReadyWith = (needs: readonly string[]) => () => Promise.all([whenTablesLoaded(needs), whenActionsReady()]).then(([db]) => db);

/**
 * Reads, checks and (only if every row is valid) applies an imported file: its rows replace
 * the local actions, in DuckDB and in localStorage. The outcome lists errors or warnings.
 */
export async function importActionsFile(name: string, bytes: Uint8Array): Promise<CheckedImport> {
  const db = await whenActionsReady();
  const checked = await checkActionsSheet(db, await readTemplateFile(bytes));
  if (!checked.ok) return checked;
  const stored: Stored = { fichier: name, importeLe: new Date().toISOString(), lignes: checked.actions.map((a) => ({ line: a.line, cells: a.cells })) };
  // Kept first, then applied: storage refused (disabled, full), nothing is applied; DuckDB
  // failing, the previous set is put back in storage.
  const previous = keepStored(stored);
  try {
    await replaceLocalActions(db, checked.actions);
  } catch (error) {
    if (previous === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, previous);
    throw error;
  }
  useAppStore.getState().setLocalActionsError(null);
  useAppStore.getState().setLocalActions({ fichier: name, importeLe: stored.importeLe, count: checked.actions.length });
  return checked;
}

/** Removes every local action, from DuckDB and from the browser. */
export async function clearLocalActions(): Promise<void> {
  const db = await whenActionsReady();
  await replaceLocalActions(db, []);
  localStorage.removeItem(STORAGE_KEY);
  useAppStore.getState().setLocalActions(null);
}
