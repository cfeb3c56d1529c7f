import { createPortal } from 'react-dom';
import { perimetreLabel } from '../domain/cite-perimetre.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { categorieLabel, financementText, vocabularyLabels } from '../view-models/action-labels.ts';
import { type MatrixMode, parcoursMatrixView } from '../view-models/parcours-matrix-model.ts';
import { ParcoursMatrix } from './parcours-matrix.tsx';
import { ReperesNationaux } from './reperes-nationaux.tsx';
import { TerritorySummary } from './territory-summary.tsx';
import type { TerritoryData } from './use-territory-data.ts';
import './territoire.css';

interface Props {
  territory: Territoire;
  data: TerritoryData;
  mode: MatrixMode;
  /** PNG data URL of the map, when the map could give one. */
  mapImage: string | null;
  onClose: () => void;
}

/**
 * The territory report: one printable A4 document (map, summary, a Cité's repères nationaux,
 * both matrices, the actions with their sources, the data sources), over the page on screen and alone on paper.
 */
export function TerritoryReport({ territory, data, mode, mapImage, onClose }: Props) {
  const nom = data.identity ? String(data.identity.nom) : territory.code;
  const actions = data.actions.data ?? [];
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date());
  return createPortal(
    <div className="territory-report" role="dialog" aria-modal="true" aria-labelledby="rapport-title" data-testid="territoire-rapport">
      <div className="territory-report__tools no-print">
        <button type="button" className="fr-btn fr-btn--sm" onClick={() => window.print()}>
          Imprimer
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={onClose}>
          Fermer le rapport
        </button>
      </div>
      <h1 id="rapport-title" className="fr-h3">
        {nom} — rapport de territoire
      </h1>
      <p className="fr-text--sm">Observatoire local de la réussite éducative · {today}</p>
      {data.identity?.perimetre ? (
        <p className="fr-text--sm" data-testid="rapport-perimetre">
          Périmètre de la Cité : {perimetreLabel(String(data.identity.perimetre))}
        </p>
      ) : null}
      {mapImage && <img className="territory-report__map" src={mapImage} alt={`Carte : ${nom}`} />}
      <h2 className="fr-h5">Le territoire en chiffres</h2>
      <TerritorySummary data={data} expanded />
      {territory.niveau === 'cite' && <ReperesNationaux cite={nom} heading="h2" />}
      <h2 className="fr-h5">Parcours : tranches d’âge × sphères</h2>
      <div className="territoire__matrices">
        {data.matrix.data && <ParcoursMatrix view={parcoursMatrixView(data.matrix.data, mode)} title={nom} selected={null} readOnly />}
        {data.matrix.data && <ParcoursMatrix view={parcoursMatrixView(data.matrix.data, mode === 'actions' ? 'lieux' : 'actions')} title={nom} selected={null} readOnly />}
      </div>
      <h2 className="fr-h5">Actions ({actions.length})</h2>
      <table className="territory-report__actions">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Sphères</th>
            <th scope="col">Tranches</th>
            <th scope="col">Financement</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={String(a.id)}>
              <td>
                {String(a.titre)}
                {a.locale === true ? ' (locale)' : ''}
              </td>
              <td>{vocabularyLabels('spheres', a.spheres).join(', ')}</td>
              <td>{vocabularyLabels('tranches', a.tranches).join(', ') || '—'}</td>
              <td>{financementText(a.financement)}</td>
              <td className="territory-report__source">{String(a.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="fr-h5">Lieux partenaires par catégorie</h2>
      <p className="fr-text--sm">{(data.lieux.data ?? []).filter((l) => (l.lieux as number) > 0).map((l) => `${categorieLabel(l.categorie)} : ${String(l.lieux)}`).join(' · ') || 'aucun'}</p>
      <h2 className="fr-h5">Sources</h2>
      <ul className="fr-text--xs">
        {data.identity?.source ? <li>Cité : {String(data.identity.source)}</li> : null}
        <li>Actions : modèle d’import des actions de l’observatoire, chacune avec sa source (tableau ci-dessus) ; actions locales : fichier importé dans ce navigateur.</li>
        <li>QPV et population : INSEE ; établissements et éducation prioritaire : annuaire de l’Éducation nationale ; lieux : postes adultes-relais et FONJEP (ANCT), annuaires ; limites : IGN Admin Express. Millésimes et licences : panneau « Données ».</li>
        <li>Lieux : chaque lieu compte pour les tranches d’âge et sphères de sa catégorie.</li>
      </ul>
    </div>,
    document.body,
  );
}
