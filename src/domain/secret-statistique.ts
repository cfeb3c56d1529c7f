import { sqlNumber, sqlString } from './sql.ts';

/**
 * Secret statistique: counts of people (inhabitants, households, job seekers, pupils) below a
 * threshold are never shown, nor used in a figure that would reveal them (a difference to a
 * reference, a rank, a centile, a bar length, a ratio). ONE rule for every view and export:
 * the SQL builders use `secretSqlPredicate`, view models and exports `showValue` and
 * `deriveFromShown`. The threshold is 11 by default (the usual INSEE and DEPP practice);
 * every function takes another one for deployments that must use a different value.
 * See docs/methodologie.md, § 10.
 */
export const SECRET_THRESHOLD = 11;

/** Kinds of value (`indicateurs_meta.type_valeur`) the rule applies to: counts of people. */
export const SECRET_TYPES: readonly string[] = ['effectif'];

/**
 * Why a published value is null (`statut` of `indicateurs`, `effectifs_statut` of
 * `etablissements`): `secret`, a count of people under the threshold; `secret_secondaire`, a
 * value hidden so that a `secret` one cannot be recovered by difference (total minus the other
 * parts). The pipeline writes both when it publishes (`data-pipeline/secret/`).
 */
export const SECRET_STATUT = 'secret';
export const SECONDARY_SECRET_STATUT = 'secret_secondaire';
/** What is written in place of a value hidden by the secondary secret (it is not under the threshold). */
export const SECONDARY_SECRET_LABEL = 'masqué';

/** Whether a published status says the value is hidden by the secret statistique. */
export function isSecretStatut(statut: string | null | undefined): boolean {
  return statut === SECRET_STATUT || statut === SECONDARY_SECRET_STATUT;
}

/**
 * A value as it may be shown: the figure, hidden by the secret (`secondaire`: hidden only so
 * that another one cannot be recovered by difference), or not available.
 */
export type Shown = { readonly status: 'ok'; readonly value: number } | { readonly status: 'secret'; readonly secondaire?: true } | { readonly status: 'nd' };

/** Whether a value of that kind must be hidden (`value < threshold` for a count of people). */
export function isSecret(value: number | null | undefined, typeValeur: string, threshold = SECRET_THRESHOLD): boolean {
  return value !== null && value !== undefined && SECRET_TYPES.includes(typeValeur) && value < threshold;
}

/**
 * A value through the rule. `statut` is the source's own flag: a value the publisher already
 * suppressed (`'secret'`) stays hidden, whatever the threshold.
 */
export function showValue(value: number | null | undefined, typeValeur: string, statut: string | null = 'ok', threshold = SECRET_THRESHOLD): Shown {
  if (statut === SECRET_STATUT || isSecret(value, typeValeur, threshold)) return { status: 'secret' };
  if (statut === SECONDARY_SECRET_STATUT) return { status: 'secret', secondaire: true };
  if (value === null || value === undefined || !Number.isFinite(value)) return { status: 'nd' };
  return { status: 'ok', value };
}

/**
 * A value read back from a query that already applied the rule (`secretSqlPredicate`) or
 * from a published table: hidden when its status says so, not available when null.
 */
export function showPublished(value: number | null | undefined, statut: string | null): Shown {
  return showValue(value, '', statut);
}

/**
 * A count of people that is not an indicator (pupils of a school…): always under the rule.
 * `statut` is its published status (`etablissements.effectifs_statut`).
 */
export function showCount(value: number | null | undefined, threshold = SECRET_THRESHOLD, statut: string | null = 'ok'): Shown {
  return showValue(value, 'effectif', statut, threshold);
}

/** What is written in place of a hidden count: `< 11`. */
export function secretLabel(threshold = SECRET_THRESHOLD): string {
  return `< ${threshold}`;
}

/** What is written in place of a hidden value: `< 11`, or `masqué` for the secondary secret; null for a shown one. */
export function hiddenLabel(shown: Shown, threshold = SECRET_THRESHOLD): string | null {
  if (shown.status !== 'secret') return null;
  return shown.secondaire ? SECONDARY_SECRET_LABEL : secretLabel(threshold);
}

/** The note that goes with every view or export showing a hidden value (French). */
export function secretNote(threshold = SECRET_THRESHOLD): string {
  return (
    `Secret statistique : effectifs de personnes inférieurs à ${threshold} affichés « ${secretLabel(threshold)} » ; ` +
    `« ${SECONDARY_SECRET_LABEL} » : valeur retirée pour qu’un effectif inférieur à ${threshold} ne puisse pas être retrouvé par différence ; ` +
    'les unes et les autres sont exclues des médianes, rangs et écarts'
  );
}

/**
 * A figure computed from shown values (difference, ratio, bar length): null as soon as one
 * input is hidden or missing, since the figure would give the hidden count away.
 */
export function deriveFromShown(inputs: readonly Shown[], compute: (...values: number[]) => number): number | null {
  const values: number[] = [];
  for (const input of inputs) {
    if (input.status !== 'ok') return null;
    values.push(input.value);
  }
  const result = compute(...values);
  return Number.isFinite(result) ? result : null;
}

/**
 * The rule in SQL: true when `valueSql` (of kind `typeSql`) must be hidden. With `statutSql`,
 * also when its published status says the pipeline hid it (its value is then null).
 */
export function secretSqlPredicate(valueSql: string, typeSql: string, threshold = SECRET_THRESHOLD, statutSql?: string): string {
  const underThreshold = `(${typeSql} IN (${SECRET_TYPES.map(sqlString).join(', ')}) AND ${valueSql} < ${sqlNumber(threshold)})`;
  return statutSql === undefined ? underThreshold : `(${statutSql} IN (${[SECRET_STATUT, SECONDARY_SECRET_STATUT].map(sqlString).join(', ')}) OR ${underThreshold})`;
}
