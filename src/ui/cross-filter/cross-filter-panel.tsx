import { memo, useCallback, useEffect, useId } from 'react';
import type { BBox } from '../../../geo/index.ts';
import { CATEGORIES, type CategoryDimension, type Filters, isFiltered, NO_FILTERS, type Territoire, toggleCategory } from '../../domain/cross-filter.ts';
import { secretLabel } from '../../domain/secret-statistique.ts';
import { formatValue } from '../../domain/format-fr.ts';
import { coverageLabel } from '../../domain/loaded-coverage.ts';
import { endFilterTiming, startFilterTiming } from '../../perf-marks.ts';
import type { IndicatorOption } from '../../queries/indicator-queries.ts';
import { useAppStore } from '../../state/store.ts';
import { formatDistance } from '../../domain/format-fr.ts';
import { formatCount } from '../format.ts';
import { useLoadedCoverage } from '../use-loaded-coverage.ts';
import { CategoryChart } from './category-chart.tsx';
import { HistogramChart } from './histogram-chart.tsx';
import { TerritorySelector } from './territory-selector.tsx';
import type { CrossFilterResult } from './use-cross-filter.ts';

const CATEGORY_LABELS: Record<CategoryDimension, string> = {
  ep: 'Éducation prioritaire (écoles dans le QPV ou à 300 m)',
  spheres: 'Sphères des actions',
  axes: 'Axes des actions',
  financement: 'Financement des actions',
};

/**
 * The linked charts: each shows the QPV under the other filters; brushing a histogram or
 * choosing a bar filters the map, the other charts and the result table.
 */
export function CrossFilterPanel({ result, indicator, qpvCount }: { result: CrossFilterResult; indicator: IndicatorOption | null; qpvCount: number }) {
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

  const unite = indicator?.unite ?? '';
  return (
    <section className="cross-filter" aria-label="Filtres croisés" data-testid="cross-filter">
      <div className="cross-filter__head">
        <p className="fr-text--sm fr-mb-0" role="status" data-testid="match-count" data-count={result.total ?? ''}>
          {result.total === null ? 'Calcul…' : `${formatCount(result.total)} QPV sur ${formatCount(qpvCount)} correspondent`}
        </p>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" disabled={!isFiltered(filters)} onClick={() => apply(NO_FILTERS)}>
          Réinitialiser
        </button>
      </div>
      {result.error !== null && <p className="fr-error-text">Filtres indisponibles : {result.error}</p>}
      {result.valeur && result.totals && indicator && (
        <div className="cross-filter__chart">
          <h3 className="fr-text--sm fr-mb-0">
            {indicator.libelle} <span className="fiche__year">({indicator.millesime})</span>
          </h3>
          <HistogramChart label={indicator.libelle} bins={result.valeur.bins} totals={result.totals.valeur.counts} totalsDescription={totalsDescription} counts={result.valeur.counts} range={filters.valeur} format={(v) => formatValue(v, unite)} onChange={(valeur) => apply({ ...useAppStore.getState().filters, valeur })} />
          <p className="fr-text--xs fr-mb-0" data-testid="range-valeur">
            {filters.valeur ? `De ${formatValue(filters.valeur[0], unite)} à ${formatValue(filters.valeur[1], unite)}` : 'Glisser sur l’histogramme pour filtrer'}
            {result.valeur.nd > 0 && ` · n.d. : ${result.valeur.nd} QPV${result.valeur.secret > 0 ? ` (dont ${result.valeur.secret} sous le secret statistique, ${secretLabel()})` : ''}${filters.valeur ? ' (exclus)' : ''}`}
          </p>
        </div>
      )}
      {result.distance && result.totals && (
        <div className="cross-filter__chart">
          <h3 className="fr-text--sm fr-mb-0">Distance au service 16–25 ans le plus proche</h3>
          <HistogramChart label="Distance au service 16–25 ans" bins={result.distance.bins} totals={result.totals.distance.counts} totalsDescription={totalsDescription} counts={result.distance.counts} range={filters.distance} format={formatDistance} onChange={(distance) => apply({ ...useAppStore.getState().filters, distance })} />
          <p className="fr-text--xs fr-mb-0">{filters.distance ? `De ${formatDistance(filters.distance[0])} à ${formatDistance(filters.distance[1])}` : 'À vol d’oiseau, depuis le QPV (0 si le service est dans le QPV)'}</p>
        </div>
      )}
      <TerritorySelector options={result.territories} value={filters.territoire} onChange={onTerritory} />
      <TextFilter value={filters.texte} apply={apply} />

      {result.categories !== null && result.totals !== null && <CategoryCharts categories={result.categories} totals={result.totals.categories} totalsDescription={totalsDescription} filters={filters} apply={apply} />}
    </section>
  );
}

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

function CategoryCharts({
  categories,
  totals,
  totalsDescription,
  filters,
  apply,
}: {
  categories: Record<CategoryDimension, Map<string, number>>;
  totals: Record<CategoryDimension, Map<string, number>>;
  totalsDescription: string;
  filters: Filters;
  apply(next: Filters): void;
}) {
  return (Object.keys(CATEGORY_LABELS) as CategoryDimension[]).map((d) => (
    <div key={d} className="cross-filter__chart">
      <h3 className="fr-text--sm fr-mb-0">{CATEGORY_LABELS[d]}</h3>
      <CategoryChart label={CATEGORY_LABELS[d]} categories={CATEGORIES[d]} totals={totals[d]} totalsDescription={totalsDescription} counts={categories[d]} chosen={filters[d]} onToggle={(id) => apply(toggleCategory(useAppStore.getState().filters, d, id))} />
    </div>
  ));
}
