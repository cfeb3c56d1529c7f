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

/** A value as it may be shown: the figure, hidden by the secret, or not available. */
export type Shown = { readonly status: 'ok'; readonly value: number } | { readonly status: 'secret' } | { readonly status: 'nd' };

/** Whether a value of that kind must be hidden (`value < threshold` for a count of people). */
export function isSecret(value: number | null | undefined, typeValeur: string, threshold = SECRET_THRESHOLD): boolean {
  return value !== null && value !== undefined && SECRET_TYPES.includes(typeValeur) && value < threshold;
}

/**
 * A value through the rule. `statut` is the source's own flag: a value the publisher already
 * suppressed (`'secret'`) stays hidden, whatever the threshold.
 */
export function showValue(value: number | null | undefined, typeValeur: string, statut: string | null = 'ok', threshold = SECRET_THRESHOLD): Shown {
  if (statut === 'secret' || isSecret(value, typeValeur, threshold)) return { status: 'secret' };
  if (value === null || value === undefined || !Number.isFinite(value)) return { status: 'nd' };
  return { status: 'ok', value };
}

/** A count of people that is not an indicator (pupils of a school…): always under the rule. */
export function showCount(value: number | null | undefined, threshold = SECRET_THRESHOLD): Shown {
  return showValue(value, 'effectif', 'ok', threshold);
}

/** What is written in place of a hidden count: `< 11`. */
export function secretLabel(threshold = SECRET_THRESHOLD): string {
  return `< ${threshold}`;
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

/** The rule in SQL: true when `valueSql` (of kind `typeSql`) must be hidden. */
export function secretSqlPredicate(valueSql: string, typeSql: string, threshold = SECRET_THRESHOLD): string {
  return `(${typeSql} IN (${SECRET_TYPES.map(sqlString).join(', ')}) AND ${valueSql} < ${sqlNumber(threshold)})`;
}
