import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLASSIFICATIONS, type Classification, MAX_CLASSES, MIN_CLASSES } from '../domain/classification.ts';
import { legendEntries, legendTitle } from '../map/legend-entries.ts';
import type { Choropleth } from '../map/use-choropleth.ts';
import { useAppStore } from '../state/store.ts';
import { themeLabel } from '../domain/indicator-themes.ts';

/**
 * Indicator selector, classification, class count and the legend of the QPV choropleth;
 * `excluded`: how many QPV the active filters leave out, greyed on the map (null: no filter).
 */
export function IndicatorPanel({ choropleth, excluded }: { choropleth: Choropleth; excluded: number | null }) {
  const { indicator, classification, classCount, setIndicator, setClassification, setClassCount } = useAppStore(
    useShallow((s) => ({
      indicator: s.indicator,
      classification: s.classification,
      classCount: s.classCount,
      setIndicator: s.setIndicator,
      setClassification: s.setClassification,
      setClassCount: s.setClassCount,
    })),
  );
  const { options, option, error } = choropleth;
  const legend = legendEntries(choropleth, excluded);
  const ids = { indicator: useId(), method: useId(), count: useId() };
  const themes = [...new Set(options.map((o) => o.theme))];

  return (
    <section className="indicator-panel" aria-label="Indicateur affiché" data-testid="indicator-panel">
      <label className="fr-label" htmlFor={ids.indicator}>
        Colorer les QPV selon
      </label>
      <select id={ids.indicator} className="fr-select" value={indicator} onChange={(e) => setIndicator(e.target.value)} disabled={options.length === 0}>
        {options.length === 0 && <option value={indicator}>Chargement des indicateurs…</option>}
        {themes.map((theme) => (
          <optgroup key={theme} label={themeLabel(theme)}>
            {options
              .filter((o) => o.theme === theme)
              .map((o) => (
                <option key={o.indicateur} value={o.indicateur}>
                  {o.libelle}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <div className="indicator-panel__row">
        <div>
          <label className="fr-label" htmlFor={ids.method}>
            Classes
          </label>
          <select id={ids.method} className="fr-select" value={classification} onChange={(e) => setClassification(e.target.value as Classification)}>
            {Object.entries(CLASSIFICATIONS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="fr-label" htmlFor={ids.count}>
            Nombre
          </label>
          <select id={ids.count} className="fr-select" value={classCount} onChange={(e) => setClassCount(Number(e.target.value))}>
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null && <p className="fr-error-text">Indicateur indisponible : {error}</p>}
      {option !== null && legend !== null && (
        <figure className="legend" aria-label={`Légende : ${option.libelle}`}>
          <figcaption className="fr-text--xs">{legendTitle(option)}</figcaption>
          <ul data-testid="legend">
            {legend.map((entry, i) => (
              <li key={i} data-count={entry.count} data-min={entry.bounds?.[0]} data-max={entry.bounds?.[1]} data-nd={entry.kind === 'nd' || undefined} data-excluded={entry.kind === 'excluded' || undefined}>
                <span className="legend__swatch" style={{ background: entry.colour }} aria-hidden="true" />
                {entry.text}
                <span className="legend__count"> · {entry.count} QPV</span>
              </li>
            ))}
          </ul>
        </figure>
      )}
    </section>
  );
}
