import { useMemo } from 'react';
import { type Filters, isFiltered } from '../domain/cross-filter.ts';
import type { QpvFacts } from '../domain/cross-filter-compute.ts';
import type { CrossFilterResult } from '../ui/cross-filter/use-cross-filter.ts';
import type { QpvGpuFilter } from './qpv-layers.ts';

const valuesOf = (facts: readonly QpvFacts[], key: 'valeur' | 'distance_m') => new Map(facts.flatMap((f) => (f[key] === null ? [] : [[f.code, f[key]] as const])));
/** Numbers each facts' values: new facts (another indicator, new risk weights) must reach the GPU even with as many QPV. */
let valuesVersion = 0;

/**
 * The cross-filter as the map's GPU filter: per-QPV values and distances (once per facts,
 * whether a filter is set or not), the set passing the non-range filters (an attribute,
 * rebuilt when it changes) and the brushed ranges (uniforms: a brush move, the first one
 * too, reaches the map without any attribute rebuild). Null until the facts are loaded.
 */
export function useQpvGpuFilter(filters: Filters, result: CrossFilterResult): QpvGpuFilter | null {
  const { facts, rangeless } = result;
  const values = useMemo(() => (facts ? { valeur: valuesOf(facts, 'valeur'), distance: valuesOf(facts, 'distance_m'), version: ++valuesVersion } : null), [facts]);
  const rangelessFilters = { ...filters, valeur: null, distance: null };
  const othersKey = rangeless && isFiltered(rangelessFilters) ? [...rangeless].join(',') : null;
  const others = useMemo(() => (othersKey === null ? null : new Set(othersKey === '' ? [] : othersKey.split(','))), [othersKey]);
  return useMemo(() => {
    if (values === null) return null;
    return { active: isFiltered(filters), valeur: values.valeur, distance: values.distance, others, key: `${values.version}:${othersKey ?? ''}`, ranges: { valeur: filters.valeur, distance: filters.distance } };
  }, [filters, values, others, othersKey]);
}
