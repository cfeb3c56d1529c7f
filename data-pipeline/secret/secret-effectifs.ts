import { isSecret, SECRET_STATUT, SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';

/**
 * The secret statistique on a count of people published per row (pupils of a school): a
 * count under the threshold becomes null, and the status column says why — 'secret', 'nd'
 * (the sources give none) or 'ok'. Rows are changed in place. No total of these counts is
 * published, so no secondary suppression is needed (`additive-groups.ts`).
 */
export function applySecretToCounts<Row extends Record<string, unknown>>(rows: readonly Row[], column: keyof Row & string, statusColumn: string, threshold = SECRET_THRESHOLD): void {
  for (const row of rows) {
    const value = row[column] as number | null;
    const statut = isSecret(value, 'effectif', threshold) ? SECRET_STATUT : value === null ? 'nd' : 'ok';
    Object.assign(row, { [statusColumn]: statut }, statut === SECRET_STATUT ? { [column]: null } : {});
  }
}
