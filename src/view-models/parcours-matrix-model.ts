import { SPHERES, type SphereId, TRANCHES, type TrancheId } from '../domain/vocabulary.ts';

/**
 * The parcours matrix as the table shows it: tranches d'âge in rows, sphères in columns, each
 * cell with its count and, when nothing covers it, flagged as a gap (« besoin non couvert »)
 * in words as well as in colour.
 */

/** Rows of `buildParcoursMatrixQuery`. */
export interface MatrixSqlRow {
  tranche: string;
  sphere: string;
  actions: number;
  lieux: number;
}

/** What the cells count: actions, or partner places (the toggle). */
export type MatrixMode = 'actions' | 'lieux';

export interface MatrixCellView {
  tranche: TrancheId;
  sphere: SphereId;
  count: number;
  gap: boolean;
  /** The cell's text: the count, or the gap in words. */
  text: string;
  /** Read by screen readers: the cell in full (« 6–11 ans, École : 2 actions »). */
  description: string;
}

export interface MatrixView {
  mode: MatrixMode;
  columns: readonly { id: SphereId; label: string }[];
  rows: { tranche: TrancheId; label: string; cells: MatrixCellView[] }[];
  gaps: number;
}

const NOUNS: Record<MatrixMode, [one: string, many: string, none: string]> = {
  actions: ['action', 'actions', 'aucune action'],
  lieux: ['lieu', 'lieux', 'aucun lieu'],
};

export function countText(mode: MatrixMode, count: number): string {
  const [one, many, none] = NOUNS[mode];
  return count === 0 ? none : `${count} ${count === 1 ? one : many}`;
}

/** The 25 cells in vocabulary order; a cell the query did not return counts zero. */
export function parcoursMatrixView(rows: readonly MatrixSqlRow[], mode: MatrixMode): MatrixView {
  const counts = new Map(rows.map((r) => [`${r.tranche} ${r.sphere}`, Number(r[mode])]));
  let gaps = 0;
  const viewRows = TRANCHES.map((t) => ({
    tranche: t.id,
    label: t.label,
    cells: SPHERES.map((s) => {
      const count = counts.get(`${t.id} ${s.id}`) ?? 0;
      if (count === 0) gaps += 1;
      const text = count === 0 ? NOUNS[mode][2] : String(count);
      return { tranche: t.id, sphere: s.id, count, gap: count === 0, text, description: `${t.label}, ${s.label} : ${countText(mode, count)}${count === 0 ? ' (besoin non couvert)' : ''}` };
    }),
  }));
  return { mode, columns: SPHERES.map((s) => ({ id: s.id, label: s.label })), rows: viewRows, gaps };
}
