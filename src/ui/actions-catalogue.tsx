import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { ACTIONS_VOCABULARIES } from '../domain/actions-template.ts';
import { tableRows } from '../domain/connector.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { useSql } from '../db/use-sql.ts';
import { buildActionsCatalogueQuery, CATALOGUE_VOCABULARIES, type CatalogueQuery, type CatalogueSort, DEFAULT_CATALOGUE_QUERY } from '../queries/actions-catalogue-query.ts';
import { cellValues, financementText, vocabularyLabels } from '../view-models/action-labels.ts';
import { ActionFiche } from './action-fiche.tsx';
import { ActionsImportPanel } from './actions-import-panel.tsx';
import './territoire.css';

const LEGENDS = { spheres: 'Sphères', axes: 'Axes', niveaux: 'Niveaux d’alliance', tranches: 'Tranches d’âge', financement: 'Financement' } as const;
const COLUMNS: { sort: CatalogueSort | null; label: string }[] = [
  { sort: 'titre', label: 'Action' },
  { sort: 'commune', label: 'Communes' },
  { sort: null, label: 'Sphères' },
  { sort: null, label: 'Tranches' },
  { sort: 'financement', label: 'Financement' },
  { sort: 'annee_debut', label: 'Début' },
];

/**
 * « Actions » (DESIGN.md §6.5): every action, published and imported in this browser,
 * filtered by text and vocabularies, sorted by a column, in a virtualised table; a row opens
 * the action's fiche. The import of the template sits beside it.
 */
export function ActionsCatalogue({ territory, onClose }: { territory?: Territoire | null; onClose?: () => void }) {
  const [query, setQuery] = useState<CatalogueQuery>(DEFAULT_CATALOGUE_QUERY);
  const [fiche, setFiche] = useState<string | null>(null);
  const result = useSql(buildActionsCatalogueQuery(query), tableRows, ['actions_toutes', 'territoires', 'cites']);
  const rows = result.data ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 58, overscan: 8 });
  const toggle = (v: (typeof CATALOGUE_VOCABULARIES)[number], id: string) =>
    setQuery((q) => ({ ...q, values: { ...q.values, [v]: q.values[v].includes(id) ? q.values[v].filter((x) => x !== id) : [...q.values[v], id] } }));
  const sortBy = (sort: CatalogueSort) => setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : false }));

  return (
    <section className="page-view catalogue-page" aria-labelledby="catalogue-title" data-testid="actions-catalogue">
      <div className="data-panel__head">
        <h2 id="catalogue-title" className="fr-h4">
          Actions ({result.status === 'ready' ? rows.length : '…'})
        </h2>
        {onClose && (
          <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title="Fermer le catalogue" onClick={onClose}>
            Fermer
          </button>
        )}
      </div>
      <div className="catalogue">
        <div className="catalogue__filters">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="catalogue-texte">
              Rechercher
            </label>
            <input id="catalogue-texte" className="fr-input" type="search" value={query.texte} onChange={(e) => setQuery((q) => ({ ...q, texte: e.target.value }))} />
          </div>
          {territory && (
            <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w">
              <input type="checkbox" id="catalogue-territoire" checked={query.territoire !== null} onChange={(e) => setQuery((q) => ({ ...q, territoire: e.target.checked ? territory : null }))} />
              <label className="fr-label" htmlFor="catalogue-territoire">
                Territoire choisi seulement
              </label>
            </div>
          )}
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="catalogue-origine">
              Origine
            </label>
            <select id="catalogue-origine" className="fr-select" value={query.origine} onChange={(e) => setQuery((q) => ({ ...q, origine: e.target.value as CatalogueQuery['origine'] }))}>
              <option value="toutes">Publiées et locales</option>
              <option value="publiees">Publiées</option>
              <option value="locales">Locales (importées ici)</option>
            </select>
          </div>
          {CATALOGUE_VOCABULARIES.map((v) => (
            <fieldset key={v} className="fr-fieldset">
              <legend className="fr-fieldset__legend fr-fieldset__legend--regular fr-text--sm fr-text--bold">{LEGENDS[v]}</legend>
              {ACTIONS_VOCABULARIES[v].map((e) => (
                <div key={e.id} className="fr-fieldset__element">
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id={`catalogue-${v}-${e.id}`} checked={query.values[v].includes(e.id)} onChange={() => toggle(v, e.id)} />
                    <label className="fr-label" htmlFor={`catalogue-${v}-${e.id}`}>
                      {e.label}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
          ))}
        </div>
        <div>
          {fiche !== null && <ActionFiche id={fiche} onClose={() => setFiche(null)} />}
          <div role="table" aria-label="Actions" aria-rowcount={rows.length + 1} className="catalogue__table" hidden={fiche !== null}>
            <div role="row" className="catalogue__row catalogue__head">
              {COLUMNS.map((c) => (
                <div key={c.label} role="columnheader" aria-sort={c.sort !== null && query.sort === c.sort ? (query.descending ? 'descending' : 'ascending') : undefined}>
                  {c.sort === null ? c.label : <button type="button" onClick={() => sortBy(c.sort!)}>{c.label}{query.sort === c.sort ? (query.descending ? ' ↓' : ' ↑') : ''}</button>}
                </div>
              ))}
            </div>
            {result.error !== null && <p className="fr-error-text">Catalogue indisponible : {result.error}</p>}
            <div ref={scroller} className="catalogue__scroller">
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const a = rows[item.index]!;
                  return (
                    <div key={String(a.id)} role="row" aria-rowindex={item.index + 2} className="catalogue__row" data-action-id={String(a.id)} ref={virtualizer.measureElement} data-index={item.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                      <div role="cell">
                        <button type="button" className="action-list__title" onClick={() => setFiche(String(a.id))}>
                          {String(a.titre)}
                        </button>
                        {a.locale === true && <span className="fr-badge fr-badge--sm fr-badge--info territoire__badge">locale</span>}
                      </div>
                      <div role="cell">{cellValues(a.commune).join(', ') || '—'}</div>
                      <div role="cell">{vocabularyLabels('spheres', a.spheres).join(', ')}</div>
                      <div role="cell">{vocabularyLabels('tranches', a.tranches).join(', ') || '—'}</div>
                      <div role="cell">{financementText(a.financement)}</div>
                      <div role="cell">{a.annee_debut === null ? '—' : String(a.annee_debut)}</div>
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
          <ActionsImportPanel />
        </div>
      </div>
    </section>
  );
}
