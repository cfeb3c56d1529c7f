import { useMemo, useRef } from 'react';
import { type Filters, isFiltered } from '../domain/cross-filter.ts';
import type { QpvFacts } from '../domain/cross-filter-compute.ts';
import type { CrossFilterResult } from '../ui/cross-filter/use-cross-filter.ts';
import type { QpvGpuFilter } from './qpv-layers.ts';

const valuesOf = (facts: readonly QpvFacts[], key: 'valeur' | 'distance_m') => new Map(facts.flatMap((f) => (f[key] === null ? [] : [[f.code, f[key]] as const])));
/** Numbers each facts' values: new facts (another indicator, new risk weights) must reach the GPU even with as many QPV. */
let valuesVersion = 0;

/**
 * The cross-filter as the map's GPU filter: per-QPV values and distances (once per facts),
 * the set passing the non-range filters (an attribute, rebuilt when it changes) and the
 * brushed ranges (uniforms: a brush move reaches the map without any attribute rebuild).
 */
export function useQpvGpuFilter(filters: Filters, result: CrossFilterResult): QpvGpuFilter | null {
  const { facts, rangeless } = result;
  const values = useMemo(() => (facts ? { valeur: valuesOf(facts, 'valeur'), distance: valuesOf(facts, 'distance_m'), version: ++valuesVersion } : null), [facts]);
  const rangelessFilters = { ...filters, valeur: null, distance: null };
  const othersKey = rangeless && isFiltered(rangelessFilters) ? [...rangeless].join(',') : null;
  const others = useMemo(() => (othersKey === null ? null : new Set(othersKey === '' ? [] : othersKey.split(','))), [othersKey]);
  return useMemo(() => {
    if (!isFiltered(filters) || values === null) return null;
    return { valeur: values.valeur, distance: values.distance, others, key: `${values.version}:${othersKey ?? ''}`, ranges: { valeur: filters.valeur, distance: filters.distance } };
  }, [filters, values, others, othersKey]);
}

/**
 * The QPV passing every filter, for the schools' layer: null without a filter; while a new
 * result is on its way, the previous one (the schools do not blink during a brush).
 */
export function useMatchingQpv(filters: Filters, result: CrossFilterResult): { codes: ReadonlySet<string>; key: string } | null {
  const last = useRef<{ codes: ReadonlySet<string>; key: string } | null>(null);
  const key = result.settled ? result.matches.map((m) => m.code).join(',') : null;
  return useMemo(() => {
    if (!isFiltered(filters)) last.current = null;
    else if (key !== null && key !== last.current?.key) last.current = { codes: new Set(key === '' ? [] : key.split(',')), key };
    return last.current;
  }, [filters, key]);
}
