import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';
import { COMPARISON_MAX } from '../domain/comparison-limits.ts';

/** The QPV of the comparison (« Comparer »), in the order of its columns. */
export interface ComparisonSlice {
  comparison: readonly string[];
  /** Adds a QPV at the end; a QPV already there, or a seventh one, is not added. */
  addToComparison(code: string): void;
  removeFromComparison(code: string): void;
  /** Moves a QPV one column to the left (-1) or to the right (+1). */
  moveInComparison(code: string, offset: -1 | 1): void;
}

export function withQpvAdded(list: readonly string[], code: string): readonly string[] {
  return list.includes(code) || list.length >= COMPARISON_MAX ? list : [...list, code];
}

export function withQpvMoved(list: readonly string[], code: string, offset: -1 | 1): readonly string[] {
  const from = list.indexOf(code);
  const to = from + offset;
  if (from === -1 || to < 0 || to >= list.length) return list;
  const out = [...list];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export const createComparisonSlice: StateCreator<AppState, [], [], ComparisonSlice> = (set) => ({
  comparison: [],
  addToComparison: (code) => set((s) => ({ comparison: withQpvAdded(s.comparison, code) })),
  removeFromComparison: (code) => set((s) => ({ comparison: s.comparison.filter((c) => c !== code) })),
  moveInComparison: (code, offset) => set((s) => ({ comparison: withQpvMoved(s.comparison, code, offset) })),
});
