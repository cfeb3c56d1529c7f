import { type CategoryDimension, describeRange, type DimensionDescription, type DimensionRegistry, type RangeDimension } from '../domain/cross-filter.ts';
import type { FactsShape } from '../domain/cross-filter-compute.ts';
import type { TableName } from '../domain/table-layouts.ts';
import { DIMENSIONS } from '../queries/cross-filter-dimensions.ts';
import type { IndicatorOption } from '../queries/indicator-queries.ts';

/** The map's indicator as the dimension `valeur` describes itself. */
export const indicatorDescription = (indicator: IndicatorOption | null): DimensionDescription | null =>
  indicator && { label: indicator.libelle, unit: indicator.unite, millesime: indicator.millesime };

/** Whether `d` can be offered: an INSEE indicator only when the loaded data has it. */
const offered = (d: { id: string }, indicators: readonly IndicatorOption[]) => !d.id.startsWith('i_') || indicators.some((o) => `i_${o.indicateur}` === d.id);

/** The dimensions the chart picker offers (those not shown), by group, in the registry's order. */
export function pickerGroups(shown: readonly string[], indicators: readonly IndicatorOption[], registry: DimensionRegistry = DIMENSIONS): [string, (RangeDimension | CategoryDimension)[]][] {
  const groups = new Map<string, (RangeDimension | CategoryDimension)[]>();
  for (const d of registry.values()) {
    if (shown.includes(d.id) || !offered(d, indicators)) continue;
    groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  }
  return [...groups];
}

/** A column of the result table and its CSV: one range dimension of the facts. */
export interface RangeColumn extends DimensionDescription {
  id: string;
  /** Its position in the facts' values. */
  index: number;
  format(value: number): string;
  tables: readonly TableName[];
}

/** The result table's value columns: every range dimension of the facts, in their order. */
export function rangeColumns(shape: FactsShape | null, indicator: DimensionDescription | null, registry: DimensionRegistry = DIMENSIONS): RangeColumn[] {
  return (shape?.ranges ?? []).flatMap((id, index) => {
    const d = registry.get(id);
    return d?.kind === 'range' ? [{ id, index, ...describeRange(d, indicator), tables: d.tables }] : [];
  });
}
