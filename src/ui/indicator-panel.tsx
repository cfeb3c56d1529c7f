import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLASSIFICATIONS, type Classification, MAX_CLASSES, MIN_CLASSES } from '../map/classify.ts';
import { NO_DATA_COLOUR } from '../map/palettes.ts';
import { EXCLUDED_ITEM, legendTitle } from '../map/legend-entries.ts';
import type { Choropleth } from '../map/use-choropleth.ts';
import { SECRET_THRESHOLD } from '../domain/secret-statistique.ts';
import { useAppStore } from '../state/store.ts';
import { formatValue } from '../domain/format-fr.ts';
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
  const { options, option, classes, colours, noData, error } = choropleth;
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
      {option !== null && classes.counts.length > 0 && (
        <figure className="legend" aria-label={`Légende : ${option.libelle}`}>
          <figcaption className="fr-text--xs">{legendTitle(option)}</figcaption>
          <ul data-testid="legend">
            {classes.counts.map((count, i) => (
              <li key={i} data-count={count} data-min={classes.bounds[i]} data-max={classes.bounds[i + 1]}>
                <span className="legend__swatch" style={{ background: colours[i] }} aria-hidden="true" />
                {formatValue(classes.bounds[i]!, option.unite)} – {formatValue(classes.bounds[i + 1]!, option.unite)}
                <span className="legend__count"> · {count} QPV</span>
              </li>
            ))}
            {noData.nd + noData.secret > 0 && (
              <li data-count={noData.nd + noData.secret} data-nd="true">
                <span className="legend__swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
                n.d.{noData.secret > 0 ? ` (dont ${noData.secret} sous le secret statistique, < ${SECRET_THRESHOLD})` : ''}
                <span className="legend__count"> · {noData.nd + noData.secret} QPV</span>
              </li>
            )}
            {excluded !== null && (
              <li data-count={excluded} data-excluded="true">
                <span className="legend__swatch" style={{ background: EXCLUDED_ITEM.colour }} aria-hidden="true" />
                {EXCLUDED_ITEM.label}
                <span className="legend__count"> · {excluded} QPV</span>
              </li>
            )}
          </ul>
        </figure>
      )}
    </section>
  );
}
