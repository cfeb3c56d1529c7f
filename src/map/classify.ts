import { equalIntervalBreaks, jenks, quantileSorted } from 'simple-statistics';

import { type Classification, MAX_CLASSES } from '../domain/classification.ts';

export interface Classes {
  /** k + 1 increasing bounds: class i holds values in [bounds[i], bounds[i + 1]] (last closed). */
  bounds: number[];
  /** Number of values in each class. */
  counts: number[];
}

/**
 * Class bounds of `values` (finite numbers; nulls are the *n.d.* class, counted apart) by one
 * of the three methods, with simple-statistics. Fewer distinct values than classes gives fewer
 * classes rather than empty or duplicated ones.
 */
export function classify(values: readonly number[], method: Classification, k: number): Classes {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { bounds: [], counts: [] };
  const distinct = new Set(sorted).size;
  const n = Math.max(1, Math.min(Math.round(k), MAX_CLASSES, distinct));
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  let bounds: number[];
  if (n === 1) bounds = [min, max];
  else if (method === 'egales') bounds = equalIntervalBreaks(sorted, n);
  else if (method === 'jenks') bounds = jenks(sorted, n) ?? [min, max];
  else bounds = [min, ...Array.from({ length: n - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / n)), max];
  // Drop repeated inner bounds (ties in quantiles); the maximum always closes the last class,
  // which may then hold a single value (Jenks puts an outlier alone: [1, 2, 2]).
  bounds = bounds.filter((b, i) => i === 0 || i === bounds.length - 1 || b > bounds[i - 1]!);
  const counts = new Array<number>(bounds.length - 1).fill(0);
  for (const v of sorted) counts[classIndex(v, bounds)]! += 1;
  return { bounds, counts };
}

/** Index of the class of `value` (bounds as returned by `classify`), -1 for no value. */
export function classIndex(value: number | null, bounds: readonly number[]): number {
  if (value === null || !Number.isFinite(value) || bounds.length < 2) return -1;
  for (let i = 1; i < bounds.length - 1; i++) if (value < bounds[i]!) return i - 1;
  return bounds.length - 2;
}
