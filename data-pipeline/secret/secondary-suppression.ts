/**
 * Secondary suppression (« secret secondaire »): where published cells add up (a total equal
 * to the sum of its parts), a group with exactly one hidden cell gives it away by difference.
 * Each such group gets a second cell hidden: the smallest part still shown, else the total.
 * Repeated until no group has a single hidden cell (a cell hidden for one group may leave
 * another group with a single one). Pure, deterministic: ties go to the first key in order.
 */

/** A total and the parts that add up to it, as cell keys. */
export interface AdditiveGroup {
  /** Says which declaration the group comes from, e.g. `abcde = abcde_f + abcde_h`. */
  readonly name: string;
  readonly total: string;
  readonly parts: readonly string[];
}

/** `shown`: published; `secret`: under the threshold; `secondaire`: hidden by this step; `nd`: no value. */
export type CellState = 'shown' | 'secret' | 'secondaire' | 'nd';

export interface Cell {
  readonly value: number | null;
  state: CellState;
}

/** The cells a hidden one can hide behind: both kinds of secret, and values the source did not give. */
const unknown = (cell: Cell) => cell.state !== 'shown';
const hidden = (cell: Cell) => cell.state === 'secret' || cell.state === 'secondaire';

/**
 * Hides cells of `cells` (state set to `secondaire`) until no group of `groups` has exactly
 * one unknown cell that is hidden. A group whose one unknown cell is `nd` is left alone: the
 * source gave no value there, and what the difference shows is no secret. Returns the keys
 * hidden, in the order they were. A key a group names but `cells` lacks is an error.
 */
export function suppressByDifference(cells: Map<string, Cell>, groups: readonly AdditiveGroup[]): string[] {
  const cellOf = (key: string, group: AdditiveGroup) => {
    const cell = cells.get(key);
    if (cell === undefined) throw new Error(`additive group ${group.name}: no cell ${key}`);
    return cell;
  };
  const suppressed: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const members = [group.total, ...group.parts].map((key) => ({ key, cell: cellOf(key, group) }));
      const unknowns = members.filter((m) => unknown(m.cell));
      if (unknowns.length !== 1 || !hidden(unknowns[0]!.cell)) continue;
      const shownParts = group.parts.map((key) => ({ key, cell: cellOf(key, group) })).filter((m) => !unknown(m.cell));
      const smallest = shownParts.reduce<(typeof shownParts)[number] | null>((min, m) => (min === null || m.cell.value! < min.cell.value! ? m : min), null);
      const next = smallest ?? { key: group.total, cell: cellOf(group.total, group) };
      next.cell.state = 'secondaire';
      suppressed.push(next.key);
      changed = true;
    }
  }
  return suppressed;
}
