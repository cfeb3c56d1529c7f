import { useId } from 'react';
import { countPercent, percentMismatch, REPERE_THEMES, REPERES_NATIONAUX, REPERES_SOURCE, type RepereValue } from '../domain/reperes-nationaux.ts';
import { formatCount } from './format.ts';
import './reperes-nationaux.css';

const pct = (p: number) => `${formatCount(p)} %`;

/** The figure as the study gives it; a percentage it miscomputes is shown as written, and said so. */
function valueText(v: RepereValue): string {
  if (v.kind === 'percent') return pct(v.percent);
  const of = `${formatCount(v.count)} sur ${formatCount(v.total)}`;
  if (v.writtenPercent === undefined) return of;
  if (!percentMismatch(v)) return `${of} (${pct(v.writtenPercent)})`;
  return `${of} (l’étude écrit ${pct(v.writtenPercent)} ; ${v.count} / ${v.total} = ${pct(countPercent(v))})`;
}

/**
 * « Repères nationaux » beside a Cité's own figures: what the 208 Cités declared to the 2024
 * revue de projet (src/domain/reperes-nationaux.ts), with the study and the line each figure
 * is read on. Said, in words, to describe the programme and not `cite`.
 */
export function ReperesNationaux({ cite, heading: Heading = 'h3' }: { cite: string; /** h2 in the printed report. */ heading?: 'h2' | 'h3' }) {
  const s = REPERES_SOURCE;
  // Unique: the printed report shows them over the territory view that shows them too.
  const titleId = useId();
  return (
    <section className="reperes" aria-labelledby={titleId} data-testid="reperes-nationaux">
      <Heading id={titleId} className={`${Heading === 'h2' ? 'fr-h5' : 'fr-h6'} fr-mb-1v`}>
        Repères nationaux <span className="reperes__year">({s.survey})</span>
      </Heading>
      <p className="fr-text--xs fr-mb-1w">
        Ce que les {s.cites} Cités éducatives ont déclaré à la {s.survey} du programme national. Ces chiffres portent sur l’ensemble des Cités, pas
        sur {cite} : les réponses de chaque Cité ne sont pas publiées, l’observatoire ne peut donc pas la situer parmi elles.
      </p>
      <table className="reperes__table">
        <caption className="fr-sr-only">
          Repères nationaux : {s.survey}, {s.cites} Cités éducatives
        </caption>
        <thead>
          <tr>
            <th scope="col">Repère</th>
            <th scope="col">Ensemble des Cités</th>
            <th scope="col">
              <abbr title="Ligne du texte de l’étude">Réf.</abbr>
            </th>
          </tr>
        </thead>
        {REPERE_THEMES.map((theme) => {
          const rows = REPERES_NATIONAUX.filter((r) => r.theme === theme.id);
          // What the figures are computed over, once under the theme when they share it.
          const shared = rows.every((r) => r.base === rows[0]!.base) ? rows[0]!.base : null;
          return (
            <tbody key={theme.id}>
              <tr className="reperes__theme">
                <th scope="colgroup" colSpan={3}>
                  {theme.label}
                  {shared !== null && <span className="reperes__base">Base : {shared}</span>}
                </th>
              </tr>
              {rows.map((r) => (
                <tr key={r.id} data-repere={r.id}>
                  <th scope="row">{r.label}</th>
                  <td>
                    <strong>{valueText(r.value)}</strong>
                    {shared === null && <span className="reperes__base">Base : {r.base}</span>}
                  </td>
                  <td className="reperes__ref">l. {r.line}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
      <p className="reperes__source">
        Source : {s.publisher}, « {s.study} », {s.published}, d’après la {s.survey} (ANCT, millésime {s.millesime}). Réf. : ligne du texte de l’étude
        conservé avec l’observatoire (<code>data-pipeline/sources/seeds/{s.seed}</code>).
      </p>
    </section>
  );
}
