import { REPORT_EXAMPLE_KEYS, type TableChange } from '../../src/domain/refresh-report.ts';
import type { PublishedRows } from './published-rows.ts';

const examples = (keys: readonly string[]) => [...keys].sort().slice(0, REPORT_EXAMPLE_KEYS);

/**
 * Rows added, removed and changed between two publications of a table, by its key. A row is
 * changed when one of the columns both publications have differs; a column only one of them
 * has is named in `new_columns` / `dropped_columns`, not counted as a change of every row.
 */
export function compareTables(name: string, before: PublishedRows, after: PublishedRows): TableChange {
  const common = after.columns.filter((c) => before.columns.includes(c));
  const at = common.map((c) => [after.columns.indexOf(c), before.columns.indexOf(c)] as const);
  const added: string[] = [];
  const changed: string[] = [];
  const byColumn = new Map<string, number>();
  for (const [key, values] of after.rows) {
    const old = before.rows.get(key);
    if (old === undefined) {
      added.push(key);
      continue;
    }
    let differs = false;
    at.forEach(([a, b], i) => {
      if (!Object.is(values[a], old[b])) {
        differs = true;
        byColumn.set(common[i]!, (byColumn.get(common[i]!) ?? 0) + 1);
      }
    });
    if (differs) changed.push(key);
  }
  const removed = [...before.rows.keys()].filter((k) => !after.rows.has(k));
  return {
    name,
    status: 'compared',
    rows: after.rows.size,
    previous_rows: before.rows.size,
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    changed_columns: Object.fromEntries(common.filter((c) => byColumn.has(c)).map((c) => [c, byColumn.get(c)!])),
    new_columns: after.columns.filter((c) => !before.columns.includes(c)),
    dropped_columns: before.columns.filter((c) => !after.columns.includes(c)),
    examples: { added: examples(added), removed: examples(removed), changed: examples(changed) },
  };
}
