import { useMemo } from 'react';
import { type Filters, GPU_RANGES, isFiltered } from '../domain/cross-filter.ts';
import type { FactsShape, QpvFacts } from '../domain/cross-filter-compute.ts';
import type { QpvGpuFilter } from './qpv-layers.ts';

/** The range dimensions the GPU tests itself: the first `GPU_RANGES` of the facts. */
export const gpuRangeIds = (shape: FactsShape | null): string[] => shape?.ranges.slice(0, GPU_RANGES) ?? [];

/** Per GPU range, the value of each QPV that has one. */
export const gpuValuesOf = (facts: readonly QpvFacts[], ids: readonly string[]): Map<string, number>[] =>
  ids.map((_, i) => new Map(facts.flatMap((f) => (f.values[i] === null ? [] : [[f.code, f.values[i]!] as const]))));

/** `filters` without the brushes the GPU tests itself: whether they are set decides if the packed attribute is needed. */
export const nonGpuFilters = (filters: Filters, ids: readonly string[]): Filters => ({ ...filters, ranges: Object.fromEntries(Object.entries(filters.ranges).filter(([id]) => !ids.includes(id))) });

/** Numbers each facts' values: new facts (another indicator, new risk weights) must reach the GPU even with as many QPV. */
let valuesVersion = 0;

/**
 * The cross-filter as the map's GPU filter: per QPV, its values of the first `GPU_RANGES`
 * range dimensions (once per facts, whether a filter is set or not), the set passing every
 * other filter (an attribute, rebuilt when it changes) and the brushed ranges (uniforms: a
 * brush move, the first one too, reaches the map without any attribute rebuild). Null until
 * the facts are loaded.
 */
export function useQpvGpuFilter(filters: Filters, shape: FactsShape | null, facts: readonly QpvFacts[] | null, gpuPass: ReadonlySet<string> | null): QpvGpuFilter | null {
  const ids = useMemo(() => gpuRangeIds(shape), [shape]);
  const values = useMemo(() => (facts ? { maps: gpuValuesOf(facts, ids), version: ++valuesVersion } : null), [facts, ids]);
  const othersKey = gpuPass && isFiltered(nonGpuFilters(filters, ids)) ? [...gpuPass].join(',') : null;
  const others = useMemo(() => (othersKey === null ? null : new Set(othersKey === '' ? [] : othersKey.split(','))), [othersKey]);
  return useMemo(() => {
    if (values === null) return null;
    return { active: isFiltered(filters), values: values.maps, valuesKey: String(values.version), others, othersKey: othersKey ?? '', ranges: ids.map((id) => filters.ranges[id] ?? null) };
  }, [filters, values, others, othersKey, ids]);
}
