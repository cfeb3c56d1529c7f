/** Summary of one metric over several runs, as written to bench/results.json. */
export interface MetricSummary {
  median: number;
  p95: number;
  unit: 'ms' | 's' | 'x';
  runs: number;
  /** Each run's value, in the order measured (a pooled metric gives `sweeps_p95` instead). */
  values?: number[];
  /** For a metric pooled over several sweeps (page loads), each one's own p95. */
  sweeps_p95?: number[];
}

/** Nearest-rank percentile (p in 0–100) of a non-empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(values: readonly number[], unit: MetricSummary['unit']): MetricSummary {
  const round = (v: number) => Math.round(v * 10) / 10;
  return { median: round(percentile(values, 50)), p95: round(percentile(values, 95)), unit, runs: values.length, values: values.map(round) };
}
