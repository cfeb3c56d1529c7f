import type { ActionRecord } from './actions-template.ts';

/**
 * What an action refers to that other tables must know: its communes (`territoires`), QPV
 * (`qpv`) and Cités (`cites`). An unknown reference keeps the action (it is worth listing even
 * where the observatory has no map for it): the pipeline warns, the app's import says so.
 */
export interface ActionReferenceTables {
  communes: { has(code: string): boolean };
  qpvCodes: { has(code: string): boolean };
  cites: { has(name: string): boolean };
}

export type ActionReferenceKind = 'commune-inconnue' | 'qpv-inconnu' | 'cite-inconnue' | 'non-placee';

export interface ActionReferenceIssue {
  kind: ActionReferenceKind;
  column: 'commune_code' | 'qpv_code' | 'cite';
  value: string;
}

export function actionReferenceIssues(action: ActionRecord, tables: ActionReferenceTables): ActionReferenceIssue[] {
  const issues: ActionReferenceIssue[] = [];
  for (const code of action.commune_code.filter((c) => !tables.communes.has(c))) issues.push({ kind: 'commune-inconnue', column: 'commune_code', value: code });
  for (const code of action.qpv_code.filter((c) => !tables.qpvCodes.has(c))) issues.push({ kind: 'qpv-inconnu', column: 'qpv_code', value: code });
  for (const name of action.cite.filter((c) => !tables.cites.has(c))) issues.push({ kind: 'cite-inconnue', column: 'cite', value: name });
  if (action.commune_code.length === 0 && action.departement_code === null) issues.push({ kind: 'non-placee', column: 'commune_code', value: '' });
  return issues;
}
