import type { ActionTableRow } from '../domain/action-table-row.ts';
import { sqlIdent, sqlNumber, sqlString } from '../domain/sql.ts';
import { ACTIONS_LAYOUT } from '../domain/table-layouts.ts';

/**
 * Actions imported in the browser (« actions locales »): a table with the published
 * `actions` columns, and the view every actions query of the territory view and catalogue
 * reads, `actions_toutes` = published ∪ local, with a `locale` flag.
 */
export const LOCAL_ACTIONS_TABLE = 'actions_locales';
export const ALL_ACTIONS_VIEW = 'actions_toutes';

/** Creates the (empty) local table and the union view; run once `actions` is loaded (idempotent). */
export const LOCAL_ACTIONS_SETUP: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${LOCAL_ACTIONS_TABLE} AS SELECT * FROM actions LIMIT 0`,
  `CREATE OR REPLACE VIEW ${ALL_ACTIONS_VIEW} AS
SELECT *, FALSE AS locale FROM actions
UNION ALL
SELECT *, TRUE AS locale FROM ${LOCAL_ACTIONS_TABLE}`,
];

const literal = (value: string | number | null | undefined) => (value === null || value === undefined ? 'NULL' : typeof value === 'number' ? sqlNumber(value) : sqlString(value));

/** Statements that replace every local action by `rows`: one transaction, `COMMIT` last (all or nothing). */
export function buildReplaceLocalActionsSql(rows: readonly ActionTableRow[]): string[] {
  const columns = ACTIONS_LAYOUT.columns.map((c) => c.name);
  const statements = ['BEGIN TRANSACTION', `DELETE FROM ${LOCAL_ACTIONS_TABLE}`];
  if (rows.length > 0) {
    const values = rows.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`);
    statements.push(`INSERT INTO ${LOCAL_ACTIONS_TABLE} (${columns.map(sqlIdent).join(', ')}) VALUES\n${values.join(',\n')}`);
  }
  statements.push('COMMIT');
  return statements;
}

/** Name and point of the communes an import refers to (to place and name its actions). */
export function buildCommunePlacesQuery(codes: readonly string[]): string {
  const list = codes.length === 0 ? "''" : codes.map(sqlString).join(', ');
  return `SELECT code, nom, lon, lat FROM territoires WHERE niveau = 'commune' AND code IN (${list})`;
}

/** What an import's references are checked against: known QPV codes, Cité names and published action ids. */
export function buildImportReferencesQuery(): string {
  return `
SELECT 'qpv' AS kind, code AS value FROM qpv
UNION ALL SELECT 'cite', nom FROM cites
UNION ALL SELECT 'action', id FROM actions`;
}
