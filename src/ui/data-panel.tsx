import { useEffect, useRef } from 'react';
import { loadManifest } from '../data/published-data.ts';
import { useLoaded } from '../data/use-loaded.ts';
import { useAppStore } from '../state/store.ts';
import { WorkbenchSection } from './workbench/workbench-section.tsx';
import { RefreshReportSection } from './refresh-report-section.tsx';

const number = new Intl.NumberFormat('fr-FR');
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * « Données »: every published table with its rows (as published and as counted by DuckDB),
 * its sources, publishers, licences, millésimes and the build date; above them, what the last
 * refresh changed (`RefreshReportSection`). Beside the map (`panel`, a dialog that takes the
 * focus and closes on Escape) or inside the « Sources et licences » page (`page`: a section of it).
 */
export function DataPanel({ onClose, layout = 'panel' }: { onClose: () => void; layout?: 'panel' | 'page' }) {
  const { data: manifest, error } = useLoaded(loadManifest);
  const counts = useAppStore((s) => s.tableCounts);
  const heading = useRef<HTMLHeadingElement>(null);
  const wide = useAppStore((s) => s.workbenchSql !== null);

  const page = layout === 'page';
  const titleId = page ? 'data-page-title' : 'data-panel-title';
  useEffect(() => {
    if (page) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, page]);

  return (
    <section
      className={page ? 'data-panel data-panel--page' : `side-panel data-panel${wide ? ' data-panel--wide' : ''}`}
      {...(page ? {} : { role: 'dialog', 'aria-modal': false })}
      aria-labelledby={titleId}
      data-testid={page ? 'data-page' : 'data-panel'}
    >
      <div className="data-panel__head">
        <h2 id={titleId} className="fr-h4" tabIndex={-1} ref={heading}>
          {page ? 'Données publiées' : 'Données'}
        </h2>
        {!page && (
          <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title="Fermer" onClick={onClose}>
            Fermer
          </button>
        )}
      </div>
      {error !== null && <p className="fr-error-text">Manifeste illisible : {error}</p>}
      {manifest !== null && (
        <>
          <p className="fr-text--sm">
            Jeu de données construit le {date.format(new Date(manifest.built_at))} par <code>npm run pipeline</code> à partir de fichiers
            officiels en open data. Aucune donnée ne quitte votre navigateur.
          </p>
          <RefreshReportSection />
          {!page && <WorkbenchSection />}
          {manifest.tables.map((table) => {
            const counted = counts.find((c) => c.table === table.name)?.rows;
            return (
              <article key={table.name} className="data-panel__table" data-table={table.name}>
                <h3 className="fr-h6">
                  <code>{table.name}</code> · {number.format(table.rows)} lignes
                  {counted !== undefined && counted !== table.rows && <span className="fr-error-text"> (DuckDB : {number.format(counted)})</span>}
                </h3>
                <p className="fr-text--sm">{table.description}</p>
                {(table.rejected > 0 || table.warnings > 0) && (
                  <p className="fr-text--xs">
                    {number.format(table.rejected)} ligne(s) écartée(s) · {number.format(table.warnings)} avertissement(s) à la construction
                  </p>
                )}
                <ul className="fr-text--xs">
                  {table.sources.map((s) => (
                    <li key={s.id}>
                      {s.publisher} — {s.licence} — millésime {s.millesime} — {number.format(s.records)} enregistrements lus (
                      <code>{s.file}</code>)
                    </li>
                  ))}
                </ul>
              </article>
            );
          })}
        </>
      )}
    </section>
  );
}
