import { INDICATOR_CATALOGUE, type IndicatorId } from '../../src/domain/indicator-catalogue.ts';
import { isSecret, SECONDARY_SECRET_STATUT, SECRET_STATUT, SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';
import type { Location, RowIssue } from '../pipeline-error.ts';
import { type CrossQpvSum, type IndicatorSplit, QPV_OF_COMMUNE, SEX_SPLITS } from './additive-groups.ts';
import { type AdditiveGroup, type Cell, suppressByDifference } from './secondary-suppression.ts';

/** The columns of an `indicateurs` row this step reads and writes. */
export interface SecretRow {
  territoire_code: string;
  indicateur: IndicatorId;
  valeur: number | null;
  statut: string;
}

export interface SecretOptions {
  /** QPV code → its value of `QPV_OF_COMMUNE.by` in the source file (absent: the QPV is in no such group). */
  groupOf: ReadonlyMap<string, string>;
  splits?: readonly IndicatorSplit[];
  crossQpv?: CrossQpvSum;
  threshold?: number;
}

/**
 * The secret statistique applied to the `indicateurs` rows before they are published: every
 * count of people under the threshold becomes null with statut 'secret', then the secondary
 * suppression hides (statut 'secret_secondaire') what would give one away by difference in
 * the additive groups (`additive-groups.ts`). Rows are changed in place. A group the published
 * values do not satisfy gets a warning (it is protected all the same).
 */
export function applySecretToIndicateurs(rows: readonly SecretRow[], locations: readonly Location[], options: SecretOptions): RowIssue[] {
  const { groupOf, splits = SEX_SPLITS, crossQpv = QPV_OF_COMMUNE, threshold = SECRET_THRESHOLD } = options;
  // A cell is a value as a reader sees it: the cross-QPV total is one cell over its rows.
  const keyOf = (r: SecretRow) => (r.indicateur === crossQpv.total && groupOf.has(r.territoire_code) ? `${r.indicateur}@${crossQpv.by}:${groupOf.get(r.territoire_code)}` : `${r.indicateur}@${r.territoire_code}`);
  const cells = new Map<string, Cell>();
  const rowsOf = new Map<string, number[]>();
  const warnings: RowIssue[] = [];
  rows.forEach((row, i) => {
    const key = keyOf(row);
    const secret = row.statut === SECRET_STATUT || isSecret(row.valeur, INDICATOR_CATALOGUE[row.indicateur].type_valeur, threshold);
    const state = secret ? 'secret' : row.valeur === null ? 'nd' : 'shown';
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { value: row.valeur, state });
    else {
      if (cell.value !== row.valeur) {
        warnings.push({ location: locations[i]!, reason: `${row.indicateur} differs between the QPV of ${crossQpv.by} « ${groupOf.get(row.territoire_code)} »: hidden on every row if one is` });
      }
      // Copies of one total: hidden on every row if one is.
      if (state === 'secret') cell.state = 'secret';
    }
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), i]);
  });

  const groups: AdditiveGroup[] = [];
  const codes = [...new Set(rows.map((r) => r.territoire_code))];
  const has = (key: string) => cells.has(key);
  for (const code of codes) {
    for (const { total, parts } of splits) {
      const keys = [total, ...parts].map((id) => `${id}@${code}`);
      if (keys.every(has)) groups.push({ name: `${total} = ${parts.join(' + ')} (${code})`, total: keys[0]!, parts: keys.slice(1) });
    }
  }
  const members = new Map<string, string[]>();
  for (const code of codes) {
    const by = groupOf.get(code);
    if (by !== undefined && has(`${crossQpv.part}@${code}`)) members.set(by, [...(members.get(by) ?? []), code]);
  }
  for (const [by, qpv] of members) {
    const total = `${crossQpv.total}@${crossQpv.by}:${by}`;
    if (has(total)) groups.push({ name: `${crossQpv.total} = Σ ${crossQpv.part} (${crossQpv.by} « ${by} »)`, total, parts: qpv.map((c) => `${crossQpv.part}@${c}`) });
  }
  warnings.push(...groupsNotHolding(groups, cells, rowsOf, locations));

  suppressByDifference(cells, groups);
  for (const [key, cell] of cells) {
    if (cell.state !== 'secret' && cell.state !== 'secondaire') continue;
    for (const i of rowsOf.get(key)!) {
      rows[i]!.valeur = null;
      rows[i]!.statut = cell.state === 'secret' ? SECRET_STATUT : SECONDARY_SECRET_STATUT;
    }
  }
  return warnings;
}

/**
 * A warning for each group whose values (all present) do not add up. It names the group, never
 * its values: a warning is printed before the suppression, and a log must not hold a hidden count.
 */
function groupsNotHolding(groups: readonly AdditiveGroup[], cells: ReadonlyMap<string, Cell>, rowsOf: ReadonlyMap<string, number[]>, locations: readonly Location[]): RowIssue[] {
  return groups.flatMap((g) => {
    const total = cells.get(g.total)!.value;
    const parts = g.parts.map((p) => cells.get(p)!.value);
    if (total === null || parts.includes(null)) return [];
    const sum = parts.reduce<number>((s, v) => s + v!, 0);
    if (sum === total) return [];
    return [{ location: locations[rowsOf.get(g.total)![0]!]!, reason: `additive group ${g.name} does not add up: its secondary suppression is applied all the same` }];
  });
}
