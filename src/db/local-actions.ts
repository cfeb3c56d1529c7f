import { actionReferenceIssues, type ActionReferenceKind } from '../domain/action-references.ts';
import { actionTableRow, type CommunePlace } from '../domain/action-table-row.ts';
import { type ActionsImport, type ImportedAction, validateActionsSheet } from '../domain/actions-import.ts';
import { type Connector, tableRows } from '../domain/connector.ts';
import type { Sheet } from '../domain/delimited-text.ts';
import { buildCommunePlacesQuery, buildImportReferencesQuery, buildReplaceLocalActionsSql, LOCAL_ACTIONS_SETUP } from '../queries/local-actions-queries.ts';

/**
 * Actions imported in the browser, at the database door: checked against what is published
 * (ids, communes, QPV, Cités), turned into rows of the `actions` layout exactly as the pipeline
 * turns template rows (`actionTableRow`), and written to `actions_locales`. Works on any
 * `Connector`: the app's DuckDB-WASM, or the Node one in tests.
 */

/** The id every local row carries in `source_id`. */
export const LOCAL_SOURCE_ID = 'local';

/** Creates `actions_locales` and the `actions_toutes` view (idempotent). */
export async function setUpLocalActions(db: Connector): Promise<void> {
  for (const statement of LOCAL_ACTIONS_SETUP) await db.exec(statement);
}

/** A reference the published tables do not know: the action is kept, the person is told. */
export interface ImportWarning {
  line: number;
  column: string;
  value: string;
  kind: ActionReferenceKind;
}

export type CheckedImport = (ActionsImport & { ok: false }) | { ok: true; actions: ImportedAction[]; ignoredColumns: string[]; warnings: ImportWarning[] };

/** Validates a whole sheet against the template and the published tables. */
export async function checkActionsSheet(db: Connector, sheet: Sheet): Promise<CheckedImport> {
  const refs = tableRows(await db.query(buildImportReferencesQuery()));
  const of = (kind: string) => new Set(refs.filter((r) => r.kind === kind).map((r) => String(r.value)));
  const result = validateActionsSheet(sheet, { publishedIds: of('action') });
  if (!result.ok) return result;
  const communes = await communePlaces(db, result.actions);
  const tables = { communes, qpvCodes: of('qpv'), cites: of('cite') };
  const warnings = result.actions.flatMap(({ line, action }) => actionReferenceIssues(action, tables).map((issue) => ({ line, ...issue })));
  return { ...result, warnings };
}

async function communePlaces(db: Connector, actions: readonly ImportedAction[]): Promise<Map<string, CommunePlace>> {
  const codes = [...new Set(actions.flatMap((a) => a.action.commune_code))];
  const rows = tableRows(await db.query(buildCommunePlacesQuery(codes)));
  return new Map(rows.map((r) => [String(r.code), { nom: String(r.nom), lon: typeof r.lon === 'number' ? r.lon : null, lat: typeof r.lat === 'number' ? r.lat : null }]));
}

/**
 * Replaces every local action by `actions` (already checked), in one transaction. `beforeCommit`
 * (keeping the same set in the browser's storage) runs inside it: if it fails, the transaction
 * is rolled back and DuckDB holds the previous set, so the two never disagree.
 */
export async function replaceLocalActions(db: Connector, actions: readonly ImportedAction[], beforeCommit: () => Promise<void> = async () => {}): Promise<void> {
  const communes = await communePlaces(db, actions);
  const rows = actions.map((a) => actionTableRow(a.action, a.id, LOCAL_SOURCE_ID, communes));
  const statements = buildReplaceLocalActionsSql(rows);
  try {
    for (const statement of statements.slice(0, -1)) await db.exec(statement);
    await beforeCommit();
    await db.exec(statements.at(-1)!);
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}
