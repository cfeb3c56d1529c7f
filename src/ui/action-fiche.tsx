import { tableRows } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildActionFicheQuery } from '../queries/actions-catalogue-query.ts';
import { cellValues, financementText, vocabularyLabels } from '../view-models/action-labels.ts';
import './territoire.css';

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const list = (values: string[]) => (values.length === 0 ? '—' : values.join(', '));

/** Every field of one action (published or imported in this browser), with its source. */
export function ActionFiche({ id, onClose }: { id: string; onClose: () => void }) {
  const result = useSql(buildActionFicheQuery(id), (t) => tableRows(t)[0] ?? null, ['actions_toutes']);
  const a = result.data;
  const years = a && (a.annee_debut !== null || a.annee_fin !== null) ? `${text(a.annee_debut)} – ${a.annee_fin === null ? 'en cours ou non précisé' : String(a.annee_fin)}` : '—';
  const fields: [string, string][] = a
    ? [
        ['Résumé', text(a.resume)],
        ['Cité(s) éducative(s)', list(cellValues(a.cite))],
        ['Communes', list(cellValues(a.commune))],
        ['Département', list(cellValues(a.departement_code))],
        ['QPV', list(cellValues(a.qpv_code))],
        ['Lieu', text(a.lieu)],
        ['Sphères', list(vocabularyLabels('spheres', a.spheres))],
        ['Axes', list(vocabularyLabels('axes', a.axes))],
        ['Niveaux d’alliance', list(vocabularyLabels('niveaux', a.niveaux))],
        ['Tranches d’âge', list(vocabularyLabels('tranches', a.tranches))],
        ['Financement', financementText(a.financement)],
        ['Porteur', text(a.porteur)],
        ['Partenaires', list(cellValues(a.partenaires))],
        ['Années', years],
        ['Source', text(a.source)],
        ['Identifiant', `${String(a.id)} · ${a.locale ? 'action locale (importée dans ce navigateur)' : `publiée (${String(a.source_id)})`}`],
      ]
    : [];
  return (
    <article className="action-fiche" data-testid="action-fiche" aria-labelledby="action-fiche-title">
      <div className="data-panel__head">
        <h3 id="action-fiche-title" className="fr-h6">
          {a ? String(a.titre) : id}
          {a?.locale ? <span className="fr-badge fr-badge--sm fr-badge--info territoire__badge">locale</span> : null}
        </h3>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm no-print" onClick={onClose}>
          Retour
        </button>
      </div>
      {result.error !== null && <p className="fr-error-text">Fiche indisponible : {result.error}</p>}
      {result.status === 'ready' && a === null && <p>Aucune action « {id} ».</p>}
      <dl className="action-fiche__fields">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
