import { memo, useCallback, useId, useMemo } from 'react';
import { DEFAULT_CHARTS, describeRange, type DimensionDescription, type Filters, type RangeDimension, setRange, setScatter } from '../../domain/cross-filter.ts';
import { DIMENSIONS } from '../../queries/cross-filter-dimensions.ts';
import type { IndicatorOption } from '../../queries/indicator-queries.ts';
import { useAppStore } from '../../state/store.ts';
import { pickerGroups } from '../../view-models/dimension-options.ts';
import { ScatterChart, type ScatterPoint } from './scatter-chart.tsx';
import type { CrossFilterResult } from './use-cross-filter.ts';

const rangeDimension = (id: string) => {
  const d = DIMENSIONS.get(id);
  return d?.kind === 'range' ? d : null;
};

/**
 * The crossing view: any two range dimensions as a scatter plot of the QPV (by default the
 * décrochage risk against the distance to the nearest 16–25 service: high risk, far from
 * services), coloured by éducation prioritaire; its 2D brush sets both dimensions' ranges,
 * which filter the map, the charts and the table like any other.
 */
export function ScatterSection({ result, filters, indicator, indicators, apply }: { result: CrossFilterResult; filters: Filters; indicator: DimensionDescription | null; indicators: readonly IndicatorOption[]; apply(next: Filters): void }) {
  const nuage = filters.charts.nuage;
  if (nuage === null) {
    return (
      <div className="cross-filter__chart">
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => apply(setScatter(useAppStore.getState().filters, DEFAULT_CHARTS.nuage))}>
          Afficher le nuage de points
        </button>
      </div>
    );
  }
  return <Scatter nuage={nuage} result={result} filters={filters} indicator={indicator} indicators={indicators} apply={apply} />;
}

function Scatter({ nuage, result, filters, indicator, indicators, apply }: { nuage: readonly [string, string]; result: CrossFilterResult; filters: Filters; indicator: DimensionDescription | null; indicators: readonly IndicatorOption[]; apply(next: Filters): void }) {
  const [xId, yId] = nuage;
  const [xd, yd] = [rangeDimension(xId)!, rangeDimension(yId)!];
  const [x, y] = [describeRange(xd, indicator), describeRange(yd, indicator)];
  const xi = result.shape?.ranges.indexOf(xId) ?? -1;
  const yi = result.shape?.ranges.indexOf(yId) ?? -1;
  const facts = result.facts;
  // Every QPV of the territory and text with both values: stable while brushes move.
  const points = useMemo<ScatterPoint[]>(
    () => (facts === null || xi < 0 || yi < 0 ? [] : facts.flatMap((f) => (f.in_lieu && f.values[xi] !== null && f.values[yi] !== null ? [{ code: f.code, nom: f.nom, x: f.values[xi]!, y: f.values[yi]!, ep: f.ep }] : []))),
    [facts, xi, yi],
  );
  const selectQpv = useAppStore((s) => s.selectQpv);
  const bins = result.bins;
  const passing = result.scatterPass;
  const ready = bins !== null && xi >= 0 && yi >= 0 && passing !== null;
  const axis = useCallback(
    (which: 'x' | 'y', value: string) => {
      const next: [string, string] = which === 'x' ? [value, yId] : [xId, value];
      if (next[0] !== next[1]) apply(setScatter(useAppStore.getState().filters, next));
    },
    [xId, yId, apply],
  );
  return (
    <div className="cross-filter__chart scatter-section" data-testid="scatter-section">
      <div className="cross-filter__chart-head">
        <h3 className="fr-text--sm fr-mb-0">Croisement de deux dimensions</h3>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line fr-btn--icon-left cross-filter__remove" title="Masquer le nuage de points (et son filtre)" onClick={() => apply(setScatter(useAppStore.getState().filters, null))}>
          Masquer<span className="fr-sr-only"> le nuage de points et son filtre</span>
        </button>
      </div>
      <div className="scatter-section__axes">
        <AxisSelect axis="x" value={xId} other={yId} indicator={indicator} indicators={indicators} onChange={axis} />
        <AxisSelect axis="y" value={yId} other={xId} indicator={indicator} indicators={indicators} onChange={axis} />
      </div>
      {ready ? (
        <ScatterChart
          xLabel={x.label}
          yLabel={y.label}
          xFormat={x.format}
          yFormat={y.format}
          xDomain={[bins[xi]!.min, bins[xi]!.max]}
          yDomain={[bins[yi]!.min, bins[yi]!.max]}
          points={points}
          passing={passing}
          brush={{ x: filters.ranges[xId] ?? null, y: filters.ranges[yId] ?? null }}
          onBrush={(rx, ry) => apply(setRange(setRange(useAppStore.getState().filters, xId, rx), yId, ry))}
          onPick={(code) => selectQpv(code)}
        />
      ) : (
        <p className="fr-text--xs fr-mb-0">Calcul…</p>
      )}
      <p className="fr-text--xs fr-mb-0" data-testid="scatter-range">
        {filters.ranges[xId] || filters.ranges[yId]
          ? [filters.ranges[xId] && `${x.label} de ${x.format(filters.ranges[xId][0])} à ${x.format(filters.ranges[xId][1])}`, filters.ranges[yId] && `${y.label} de ${y.format(filters.ranges[yId][0])} à ${y.format(filters.ranges[yId][1])}`].filter(Boolean).join(' ; ')
          : 'Tracer un rectangle pour filtrer sur les deux dimensions (au clavier : les quatre poignées ; la liste sous la carte donne les QPV retenus)'}
        {points.length > 0 && ` · ${points.length} QPV ont les deux valeurs`}
      </p>
    </div>
  );
}

/** One axis's choice: every range dimension, shown as a histogram or not, but the other axis. Memoised: a brush move leaves its options alone. */
const AxisSelect = memo(function AxisSelect({
  axis,
  value,
  other,
  indicator,
  indicators,
  onChange,
}: {
  axis: 'x' | 'y';
  value: string;
  other: string;
  indicator: DimensionDescription | null;
  indicators: readonly IndicatorOption[];
  onChange(axis: 'x' | 'y', id: string): void;
}) {
  const id = useId();
  const label = axis === 'x' ? 'Abscisse' : 'Ordonnée';
  const groups = pickerGroups([other], indicators)
    .map(([group, dims]) => [group, dims.filter((d): d is RangeDimension => d.kind === 'range')] as const)
    .filter(([, dims]) => dims.length > 0);
  return (
    <div className="scatter-section__axis">
      <label className="fr-label fr-text--xs" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="fr-select fr-select--sm" value={value} onChange={(e) => onChange(axis, e.target.value)} data-testid={`scatter-${axis}`}>
        {groups.map(([group, dims]) => (
          <optgroup key={group} label={group}>
            {dims.map((d) => (
              <option key={d.id} value={d.id}>
                {describeRange(d, indicator).label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
});
