import { formatDifference, formatValue } from '../domain/format-fr.ts';
import { themeLabel } from '../domain/indicator-themes.ts';
import { coverageLabel, coverageMedianLabel, coverageShortLabel, departementMedianLabel, type LoadedCoverage, regionMedianLabel } from '../domain/loaded-coverage.ts';
import type { IndicatorView } from '../view-models/indicator-view.ts';

const median = (v: number | null, unite: string) => (v === null ? '–' : formatValue(v, unite));
/** A median is taken over the QPV of its set that have a value (INSEE publishes no indicator for some): how many. */
const withValue = (n: number) => `médiane de ${n} QPV ayant une valeur`;

/** Indicators grouped by theme, in the order given. */
export function byTheme<T extends { theme: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.theme, [...(groups.get(item.theme) ?? []), item]);
  return [...groups];
}

/**
 * Every indicator of the fiche with its three references (median of the QPV of the
 * département, of the région, of every loaded QPV — named as such: the loaded data are a few
 * régions, not France), rank and centile. The full page adds the difference to the median of
 * the loaded QPV and the centile.
 */
export function FicheIndicators({
  indicators,
  full,
  coverage,
  departement,
  region,
}: {
  indicators: readonly IndicatorView[];
  full: boolean;
  coverage: LoadedCoverage;
  /** Codes of the QPV's département and région. */
  departement: string;
  region: string;
}) {
  const columns = full ? 8 : 6;
  const loaded = coverageMedianLabel(coverage);
  return (
    <table className="fiche__table fr-text--xs" data-testid="fiche-indicateurs">
      <caption className="fr-text--sm">
        Indicateurs (INSEE) comparés aux médianes des QPV du département, de la région et de l’ensemble ({coverageLabel(coverage)}), QPV sans valeur ou dont la valeur est d’un autre millésime exclus. Rang : 1 = le
        plus défavorable. Centile : part des QPV dont la valeur est plus basse.
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicateur</th>
          <th scope="col">Valeur</th>
          <th scope="col">
            <abbr title={departementMedianLabel(coverage, departement)}>Dép.</abbr>
          </th>
          <th scope="col">
            <abbr title={regionMedianLabel(coverage, region)}>Rég.</abbr>
          </th>
          <th scope="col" data-col="qpv">
            <abbr title={loaded}>{coverageShortLabel(coverage)}</abbr>
          </th>
          {full && (
            <th scope="col">
              <abbr title={`Écart à la ${loaded.charAt(0).toLowerCase()}${loaded.slice(1)}`}>Écart à la médiane</abbr>
            </th>
          )}
          <th scope="col">Rang</th>
          {full && <th scope="col">Centile</th>}
        </tr>
      </thead>
      {byTheme(indicators).map(([theme, rows]) => (
        <tbody key={theme}>
          <tr className="fiche__theme">
            <th scope="colgroup" colSpan={columns}>
              {themeLabel(theme)}
            </th>
          </tr>
          {rows.map((r) => (
            <tr key={r.indicateur} data-indicateur={r.indicateur}>
              <th scope="row">
                {r.libelle} <span className="fiche__year">({r.millesime})</span>
              </th>
              <td data-col="valeur" data-status={r.value.status}>
                {r.text}
              </td>
              <td data-col="departement" title={withValue(r.references.departement.qpvCount)}>
                {median(r.references.departement.median, r.unite)}
              </td>
              <td data-col="region" title={withValue(r.references.region.qpvCount)}>
                {median(r.references.region.median, r.unite)}
              </td>
              <td data-col="qpv" title={withValue(r.references.qpv.qpvCount)}>
                {median(r.references.qpv.median, r.unite)}
              </td>
              {full && <td data-col="ecart">{r.references.qpv.ecart === null ? '' : formatDifference(r.references.qpv.ecart, r.unite)}</td>}
              <td data-col="rang">{r.rang === null ? '' : `${r.rang} / ${r.qpvClasses}`}</td>
              {full && <td data-col="centile">{r.centile ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
