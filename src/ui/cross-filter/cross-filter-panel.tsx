import { memo, type RefObject, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BBox } from '../../../geo/index.ts';
import {
  clearFilters,
  describeRange,
  type DimensionDescription,
  type Charts,
  type Filters,
  GPU_RANGES,
  isFiltered,
  type RangeDimension,
  setRange,
  type Territoire,
  toggleCategory,
  toggleChart,
} from '../../domain/cross-filter.ts';
import type { HistogramCounts } from '../../domain/cross-filter-compute.ts';
import { secretLabel } from '../../domain/secret-statistique.ts';
import { coverageLabel } from '../../domain/loaded-coverage.ts';
import { endFilterTiming, startFilterTiming } from '../../perf-marks.ts';
import { DIMENSIONS } from '../../queries/cross-filter-dimensions.ts';
import type { IndicatorOption } from '../../queries/indicator-queries.ts';
import { indicatorDescription, pickerGroups } from '../../view-models/dimension-options.ts';
import { useAppStore } from '../../state/store.ts';
import { formatCount } from '../format.ts';
import { useLoadedCoverage } from '../use-loaded-coverage.ts';
import { CategoryChart } from './category-chart.tsx';
import { HistogramChart } from './histogram-chart.tsx';
import { ScatterSection } from './scatter-section.tsx';
import { TerritorySelector } from './territory-selector.tsx';
import type { CrossFilterResult } from './use-cross-filter.ts';

/** No category chosen: the same array on every render, or each chart would be drawn again at each brush move. */
const NONE_CHOSEN: readonly string[] = [];

/**
 * The linked charts: each shows the QPV under the other filters; brushing a histogram or the
 * scatter plot, or choosing a bar, filters the map, the other charts and the result table.
 * The user picks the charts from every dimension of the registry.
 */
export function CrossFilterPanel({ result, indicator, indicators, qpvCount }: { result: CrossFilterResult; indicator: IndicatorOption | null; indicators: readonly IndicatorOption[]; qpvCount: number }) {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const focusOn = useAppStore((s) => s.focusOn);
  const apply = useCallback(
    (next: Filters) => {
      startFilterTiming(next);
      setFilters(next);
    },
    [setFilters],
  );
  const onTerritory = useCallback(
    (territoire: Territoire | null, bbox: BBox | null) => {
      apply({ ...useAppStore.getState().filters, territoire });
      if (bbox !== null) focusOn(bbox);
    },
    [apply, focusOn],
  );

  useEffect(() => {
    if (result.settled) endFilterTiming(filters);
  }, [result.settled, filters]);

  // The grey bars count the QPV of the chosen territory and text, else every loaded QPV: named
  // as such, not « all QPV » (the loaded data are a few régions).
  const coverage = useLoadedCoverage();
  const totalsDescription =
    filters.territoire !== null || filters.texte.trim() !== '' ? 'QPV du territoire et du texte choisis, sans les autres filtres' : coverage === null ? 'QPV des données chargées' : coverageLabel(coverage);
  const current = useMemo(() => indicatorDescription(indicator), [indicator]);
  // Where the focus goes once a chart is added or removed (the button it was on is gone or disabled).
  const picker = useRef<HTMLSelectElement>(null);

  return (
    <section className="cross-filter" aria-label="Filtres croisés" data-testid="cross-filter">
      <div className="cross-filter__head">
        <p className="fr-text--sm fr-mb-0" role="status" data-testid="match-count" data-count={result.total ?? ''}>
          {result.total === null ? 'Calcul…' : `${formatCount(result.total)} QPV sur ${formatCount(qpvCount)} correspondent`}
        </p>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" disabled={!isFiltered(filters)} onClick={() => apply(clearFilters(filters))}>
          Réinitialiser
        </button>
      </div>
      {result.error !== null && <p className="fr-error-text">Filtres indisponibles : {result.error}</p>}
      <TerritorySelector options={result.territories} value={filters.territoire} onChange={onTerritory} />
      <TextFilter value={filters.texte} apply={apply} />
      <ScatterSection result={result} filters={filters} indicator={current} indicators={indicators} apply={apply} />
      {filters.charts.dims.map((id) => {
        const d = DIMENSIONS.get(id)!;
        const index = d.kind === 'range' ? (result.shape?.ranges.indexOf(id) ?? -1) : (result.shape?.categories.indexOf(id) ?? -1);
        const remove = () => {
          apply(toggleChart(useAppStore.getState().filters, id));
          picker.current?.focus();
        };
        if (d.kind === 'range') {
          const counts = index >= 0 ? result.counts?.histograms[index] : undefined;
          const totals = index >= 0 ? result.totals?.histograms[index] : undefined;
          return <RangeChart key={id} dimension={d} indicator={current} counts={counts} totals={totals} totalsDescription={totalsDescription} filters={filters} apply={apply} onRemove={remove} />;
        }
        const counts = index >= 0 ? result.counts?.categories[index] : undefined;
        const totals = index >= 0 ? result.totals?.categories[index] : undefined;
        return (
          <div key={id} className="cross-filter__chart" data-dimension={id}>
            <ChartHeading label={d.label} onRemove={remove} />
            {counts && totals ? (
              <CategoryChart label={d.label} categories={d.categories} totals={totals} totalsDescription={totalsDescription} counts={counts} chosen={filters.categories[id] ?? NONE_CHOSEN} onToggle={(c) => apply(toggleCategory(useAppStore.getState().filters, d, c))} />
            ) : (
              <p className="fr-text--xs fr-mb-0">Calcul…</p>
            )}
          </div>
        );
      })}
      <DimensionPicker charts={filters.charts} indicators={indicators} indicator={current} apply={apply} selectRef={picker} />
    </section>
  );
}

function ChartHeading({ label, millesime, onRemove }: { label: string; millesime?: string; onRemove(): void }) {
  return (
    <div className="cross-filter__chart-head">
      <h3 className="fr-text--sm fr-mb-0">
        {label} {millesime && <span className="fiche__year">({millesime})</span>}
      </h3>
      <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line fr-btn--icon-left cross-filter__remove" title={`Retirer le graphique « ${label} » (et son filtre)`} onClick={onRemove}>
        Retirer<span className="fr-sr-only"> le graphique « {label} » et son filtre</span>
      </button>
    </div>
  );
}

interface RangeChartProps {
  dimension: RangeDimension;
  indicator: DimensionDescription | null;
  counts: HistogramCounts | undefined;
  totals: HistogramCounts | undefined;
  totalsDescription: string;
  filters: Filters;
  apply(next: Filters): void;
  onRemove(): void;
}

function RangeChart({ dimension, indicator, counts, totals, totalsDescription, filters, apply, onRemove }: RangeChartProps) {
  const { label, millesime, format } = describeRange(dimension, indicator);
  const range = filters.ranges[dimension.id] ?? null;
  return (
    <div className="cross-filter__chart" data-dimension={dimension.id}>
      <ChartHeading label={label} millesime={millesime} onRemove={onRemove} />
      {counts && totals ? (
        <>
          <HistogramChart label={label} bins={counts.bins} totals={totals.counts} totalsDescription={totalsDescription} counts={counts.counts} range={range} format={format} onChange={(r) => apply(setRange(useAppStore.getState().filters, dimension.id, r))} />
          <p className="fr-text--xs fr-mb-0" data-testid={`range-${dimension.id}`}>
            {range ? `De ${format(range[0])} à ${format(range[1])}` : (dimension.note ?? 'Glisser sur l’histogramme pour filtrer')}
            {counts.nd > 0 && ` · n.d. : ${counts.nd} QPV${counts.secret > 0 ? ` (dont ${counts.secret} sous le secret statistique, ${secretLabel()})` : ''}${range ? ' (exclus)' : ''}`}
          </p>
        </>
      ) : (
        <p className="fr-text--xs fr-mb-0">Calcul…</p>
      )}
    </div>
  );
}

/** « Ajouter un graphique »: every dimension of the registry not shown yet, by group. Memoised: a brush move leaves its options alone. */
const DimensionPicker = memo(function DimensionPicker({
  charts,
  indicators,
  indicator,
  apply,
  selectRef,
}: {
  charts: Charts;
  indicators: readonly IndicatorOption[];
  indicator: DimensionDescription | null;
  apply(next: Filters): void;
  selectRef: RefObject<HTMLSelectElement | null>;
}) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const rangeCharts = charts.dims.filter((d) => DIMENSIONS.get(d)?.kind === 'range').length;
  const full = rangeCharts >= GPU_RANGES;
  const groups = pickerGroups(charts.dims, indicators);
  const chosen = DIMENSIONS.get(choice);
  const usable = chosen !== undefined && !charts.dims.includes(choice) && !(full && chosen.kind === 'range');
  return (
    <form
      className="cross-filter__picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (!usable) return;
        apply(toggleChart(useAppStore.getState().filters, choice));
        setChoice('');
        selectRef.current?.focus();
      }}
    >
      <label className="fr-label fr-text--sm" htmlFor={id}>
        Ajouter un graphique
        <span className="fr-hint-text">{full ? `${GPU_RANGES} histogrammes au plus : retirez-en un pour en ajouter un autre` : `Jusqu’à ${GPU_RANGES} histogrammes, et autant de catégories que voulu`}</span>
      </label>
      <div className="cross-filter__picker-row">
        <select ref={selectRef} id={id} className="fr-select fr-select--sm" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="dimension-picker">
          <option value="">Choisir une dimension…</option>
          {groups.map(([group, dims]) => (
            <optgroup key={group} label={group}>
              {dims.map((d) => (
                <option key={d.id} value={d.id} disabled={full && d.kind === 'range'}>
                  {d.kind === 'range' ? describeRange(d, indicator).label : d.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={!usable}>
          Ajouter
        </button>
      </div>
    </form>
  );
});

/**
 * Memoised, like the territory selector: React writes a controlled input's `name` and `type`
 * on every render, DOM mutations that DSFR's document-wide observer examines.
 */
const TextFilter = memo(function TextFilter({ value, apply }: { value: string; apply(next: Filters): void }) {
  const id = useId();
  return (
    <>
      <label className="fr-label fr-text--xs" htmlFor={id}>
        Nom, commune ou code du QPV contient
      </label>
      <input id={id} className="fr-input fr-input--sm" type="search" value={value} onChange={(e) => apply({ ...useAppStore.getState().filters, texte: e.target.value })} />
    </>
  );
});
