import { useId } from 'react';
import { loadRefreshReport } from '../data/published-data.ts';
import { useLoaded } from '../data/use-loaded.ts';
import { type Highlight, refreshReportView } from '../view-models/refresh-report-model.ts';

function HighlightList({ highlight, id }: { highlight: Highlight; id: string }) {
  return (
    <>
      <h4 className="fr-text--sm fr-text--bold fr-mb-1v" id={id}>
        {highlight.title}
      </h4>
      {highlight.note !== null && <p className="fr-text--xs fr-mb-1v">{highlight.note}</p>}
      <ul className="fr-text--xs" aria-labelledby={id}>
        {highlight.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
        {highlight.more !== null && <li>{highlight.more}</li>}
      </ul>
    </>
  );
}

/**
 * « Dernière mise à jour »: the refresh report of the published data — the date of the run,
 * each source with its millésime, what changed per table, the highlights and the warnings.
 */
export function RefreshReportSection() {
  const { data: report, error } = useLoaded(loadRefreshReport);
  // The panel and the « Sources et licences » page may both show it: ids of its own.
  const id = useId();
  if (error !== null) return <p className="fr-error-text">Rapport de mise à jour indisponible : {error}</p>;
  if (report === null) return null;
  const view = refreshReportView(report);
  return (
    <section className="fr-mb-4w" aria-labelledby={`${id}-title`} data-testid="refresh-report">
      <h3 id={`${id}-title`} className="fr-h6 fr-mb-1w">
        {view.title}
      </h3>
      <p className="fr-text--sm fr-mb-1w">{view.comparison}</p>
      {view.tables.length > 0 && (
        <ul className="fr-text--sm" aria-label="Changements par table">
          {view.tables.map((t) => (
            <li key={t.name} data-table-change={t.name}>
              <code>{t.name}</code> : {t.text}
            </li>
          ))}
        </ul>
      )}
      {view.unchanged !== null && <p className="fr-text--xs">{view.unchanged}</p>}
      {view.ep !== null && <HighlightList highlight={view.ep} id={`${id}-ep`} />}
      {view.indicateurs !== null && <HighlightList highlight={view.indicateurs} id={`${id}-indicateurs`} />}
      <p className="fr-text--xs">{view.warnings}</p>
      <details>
        <summary className="fr-text--sm">Sources de cette mise à jour et leurs millésimes ({view.sources.length})</summary>
        <ul className="fr-text--xs">
          {view.sources.map((s) => (
            <li key={s.id}>
              {s.publisher} — millésime {s.millesime}
              {s.status !== null && ` — ${s.status}`} (<code>{s.file}</code>)
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
