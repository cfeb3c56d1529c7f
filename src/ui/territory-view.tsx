import { useEffect, useMemo, useState } from 'react';
import type { BBox } from '../../geo/index.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { perimetreLabel } from '../domain/cite-perimetre.ts';
import { SPHERES, TRANCHES, vocabularyLabel } from '../domain/vocabulary.ts';
import { buildCellActionsQuery, buildCellLieuxQuery } from '../queries/parcours-matrix-query.ts';
import { type MatrixMode, parcoursMatrixView } from '../view-models/parcours-matrix-model.ts';
import { ActionFiche } from './action-fiche.tsx';
import { ActionList } from './action-list.tsx';
import { type MatrixCellRef, ParcoursMatrix } from './parcours-matrix.tsx';
import { TerritoryPicker } from './territory-picker.tsx';
import { ReperesNationaux } from './reperes-nationaux.tsx';
import { TerritoryReport } from './territory-report.tsx';
import { TerritorySummary } from './territory-summary.tsx';
import { type TerritoryData, useTerritoryData, useTerritorySql } from './use-territory-data.ts';
import './territoire.css';

export interface TerritoryViewProps {
  territory: Territoire | null;
  /** The user chose another territory in the view's own picker. */
  onTerritoryChange: (t: Territoire) => void;
  /** Actions to highlight on the map (empty: none). */
  onHighlightActions: (ids: readonly string[]) => void;
  onFitBounds: (bbox: BBox) => void;
  onClose?: () => void;
  /** An image URL of the current map for the printed report, when the map can give one. */
  getMapImage?: () => Promise<string | null>;
}

const bboxOf = (r: Record<string, unknown> | null): BBox | null =>
  r && [r.xmin, r.ymin, r.xmax, r.ymax].every((v) => typeof v === 'number') ? [r.xmin as number, r.ymin as number, r.xmax as number, r.ymax as number] : null;

/**
 * « Territoire » (DESIGN.md §6.4): a Cité, a commune, a département or a région; its summary,
 * its parcours matrix with gaps (optionally beside another territory's), the actions or places
 * of a clicked cell, its actions, and a printable report.
 */
export function TerritoryView({ territory, onTerritoryChange, onHighlightActions, onFitBounds, onClose, getMapImage }: TerritoryViewProps) {
  const data = useTerritoryData(territory);
  const [mode, setMode] = useState<MatrixMode>('actions');
  const [cell, setCell] = useState<MatrixCellRef | null>(null);
  const [other, setOther] = useState<Territoire | null>(null);
  const [comparing, setComparing] = useState(false);
  const [fiche, setFiche] = useState<string | null>(null);
  const [report, setReport] = useState<string | null | false>(false);
  const otherData = useTerritoryData(comparing ? other : null);
  const key = territory && `${territory.niveau}:${territory.code}`;

  useEffect(() => {
    setCell(null);
    setFiche(null);
  }, [key]);
  const box = bboxOf(data.identity);
  const boxKey = box?.join(',');
  useEffect(() => {
    if (box !== null) onFitBounds(box);
    // Fit once per territory, when its box is known: keyed by the box's numbers (`box` is a new
    // array at each render), not by `onFitBounds` (the parent's callback, new at each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, boxKey]);

  const cellActions = useTerritorySql(cell === null || mode !== 'actions' ? null : territory, (t) => buildCellActionsQuery(t, cell!.tranche, cell!.sphere));
  const cellLieux = useTerritorySql(cell === null || mode !== 'lieux' ? null : territory, (t) => buildCellLieuxQuery(t, cell!.tranche, cell!.sphere));
  const highlighted = useMemo(() => (cellActions.data ?? []).map((a) => String(a.id)), [cellActions.data]);
  const highlightedKey = highlighted.join('|');
  // Told when the ids change, not when the parent's callback is a new function.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onHighlightActions(highlighted), [highlightedKey]);

  const openReport = () => {
    setReport(null);
    // The report opens at once; the map picture joins it when the map has given one.
    getMapImage?.().then(
      (url) => setReport((r) => (r === false ? r : url)),
      () => {},
    );
  };
  const title = data.identity ? String(data.identity.nom) : (territory?.code ?? '');
  return (
    <section className="side-panel territoire" role="dialog" aria-modal="false" aria-labelledby="territoire-title" data-testid="territoire">
      <div className="data-panel__head">
        <h2 id="territoire-title" className="fr-h5">
          {territory === null ? 'Territoire' : title}
        </h2>
        {onClose && (
          <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title="Fermer la vue territoire" onClick={onClose}>
            Fermer
          </button>
        )}
      </div>
      {fiche !== null ? (
        <ActionFiche id={fiche} onClose={() => setFiche(null)} />
      ) : (
        <>
          <details className="territoire__picker" open={territory === null}>
            <summary>{territory === null ? 'Choisir un territoire' : 'Changer de territoire'}</summary>
            <TerritoryPicker value={territory} onChange={onTerritoryChange} />
          </details>
          {data.error !== null && <p className="fr-error-text">Vue indisponible : {data.error}</p>}
          {data.found === false && <p>Territoire inconnu des données de l’observatoire.</p>}
          {territory !== null && data.identity && (
            <>
              <p className="fr-text--sm">{describe(territory, data)}</p>
              <TerritorySummary data={data} />
              {territory.niveau === 'cite' && <ReperesNationaux cite={title} />}
              <h3 className="fr-h6">Parcours : tranches d’âge × sphères</h3>
              <fieldset className="fr-fieldset territoire__toolbar" aria-label="Contenu de la matrice">
                {(['actions', 'lieux'] as const).map((m) => (
                  <div key={m} className="fr-fieldset__element fr-fieldset__element--inline">
                    <div className="fr-radio-group fr-radio-group--sm">
                      <input type="radio" id={`matrice-${m}`} name="matrice-mode" checked={mode === m} onChange={() => (setMode(m), setCell(null))} />
                      <label className="fr-label" htmlFor={`matrice-${m}`}>
                        {m === 'actions' ? 'Actions' : 'Lieux partenaires'}
                      </label>
                    </div>
                  </div>
                ))}
                <div className="fr-fieldset__element fr-fieldset__element--inline">
                  <div className="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id="matrice-comparer" checked={comparing} onChange={(e) => setComparing(e.target.checked)} />
                    <label className="fr-label" htmlFor="matrice-comparer">
                      Comparer avec un autre territoire
                    </label>
                  </div>
                </div>
              </fieldset>
              {comparing && <TerritoryPicker value={other} onChange={setOther} label="Territoire comparé" />}
              <div className="territoire__matrices">
                {data.matrix.data && <ParcoursMatrix view={parcoursMatrixView(data.matrix.data, mode)} title={title} selected={cell} onSelect={setCell} />}
                {comparing && otherData.matrix.data && otherData.identity && <ParcoursMatrix view={parcoursMatrixView(otherData.matrix.data, mode)} title={String(otherData.identity.nom)} selected={null} />}
              </div>
              {data.sansTranche > 0 && (
                <p className="fr-text--xs">
                  {data.sansTranche} action{data.sansTranche > 1 ? 's' : ''} sans tranche d’âge renseignée n’apparai{data.sansTranche > 1 ? 'ssent' : 't'} dans aucune case.
                </p>
              )}
              {cell !== null && (
                <section className="territoire__cell" data-testid="territoire-case" aria-live="polite">
                  <h4 className="fr-text--md fr-mb-1v">
                    {vocabularyLabel(TRANCHES, cell.tranche)} · {vocabularyLabel(SPHERES, cell.sphere)}
                  </h4>
                  {mode === 'actions' ? (
                    <ActionList rows={cellActions.data} empty="Aucune action : besoin non couvert." onOpen={setFiche} />
                  ) : (
                    <ul className="fr-text--sm">
                      {(cellLieux.data ?? []).length === 0 && cellLieux.status === 'ready' && <li>Aucun lieu : besoin non couvert.</li>}
                      {(cellLieux.data ?? []).map((l) => (
                        <li key={String(l.id)}>{String(l.nom)}</li>
                      ))}
                    </ul>
                  )}
                </section>
              )}
              <h3 className="fr-h6">Actions du territoire ({(data.actions.data ?? []).length})</h3>
              <ActionList rows={data.actions.data} empty="Aucune action connue dans ce territoire." onOpen={setFiche} testId="territoire-actions" />
              <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={openReport}>
                Rapport imprimable
              </button>
            </>
          )}
        </>
      )}
      {report !== false && territory !== null && <TerritoryReport territory={territory} data={data} mode={mode} mapImage={report} onClose={() => setReport(false)} />}
    </section>
  );
}

function describe(t: Territoire, data: TerritoryData): string {
  const id = data.identity!;
  const communes = Number(id.communes);
  if (t.niveau === 'cite') return `Cité éducative · ${communes} commune${communes > 1 ? 's' : ''} : ${String(id.detail).replaceAll('|', ', ')} · périmètre : ${perimetreLabel(String(id.perimetre))}`;
  if (t.niveau === 'commune') return `Commune ${t.code} · ${String(id.detail)}`;
  return `${t.niveau === 'region' ? 'Région' : `Département ${t.code}`}${id.detail ? ` · ${String(id.detail)}` : ''} · ${communes} communes`;
}
