import { formatDifference, formatValue } from '../domain/format-fr.ts';
import { themeLabel } from '../domain/indicator-themes.ts';
import type { IndicatorView } from '../view-models/indicator-view.ts';

const median = (v: number | null, unite: string) => (v === null ? '–' : formatValue(v, unite));

/** Indicators grouped by theme, in the order given. */
export function byTheme<T extends { theme: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.theme, [...(groups.get(item.theme) ?? []), item]);
  return [...groups];
}

/**
 * Every indicator of the fiche with its three references (median of the QPV of the
 * département, of the région, of all QPV), rank and centile. The full page adds the
 * difference to the all-QPV median and the centile.
 */
export function FicheIndicators({ indicators, full, departement, region }: { indicators: readonly IndicatorView[]; full: boolean; departement: string; region: string }) {
  const columns = full ? 8 : 6;
  return (
    <table className="fiche__table fr-text--xs" data-testid="fiche-indicateurs">
      <caption className="fr-text--sm">
        Indicateurs (INSEE) comparés aux médianes des QPV de l’observatoire. Rang : 1 = le plus défavorable. Centile : part des QPV dont la valeur est plus
        basse.
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicateur</th>
          <th scope="col">Valeur</th>
          <th scope="col">
            <abbr title={`Médiane des QPV du département (${departement})`}>Dép.</abbr>
          </th>
          <th scope="col">
            <abbr title={`Médiane des QPV de la région (${region})`}>Rég.</abbr>
          </th>
          <th scope="col">
            <abbr title="Médiane de tous les QPV de l’observatoire">Tous QPV</abbr>
          </th>
          {full && <th scope="col">Écart à la médiane</th>}
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
              <td data-col="departement">{median(r.references.departement.median, r.unite)}</td>
              <td data-col="region">{median(r.references.region.median, r.unite)}</td>
              <td data-col="qpv">{median(r.references.qpv.median, r.unite)}</td>
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
