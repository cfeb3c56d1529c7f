import { useShallow } from 'zustand/react/shallow';
import { useDatabase } from '../db/use-sql.ts';
import { exportFicheCsv } from '../export/export-actions.ts';
import { useAppStore } from '../state/store.ts';
import { COMPARISON_MAX } from '../domain/comparison-limits.ts';
import { FicheIndicators } from './fiche-indicators.tsx';
import { SecretNote } from './secret-note.tsx';
import { FicheActions, FicheEtablissements, FicheProgrammes } from './fiche-sections.tsx';
import { FicheRisque, FicheServices } from './fiche-risque.tsx';
import { useFicheModel, useFicheRisque } from './use-fiche-model.ts';
import './fiche-comparer.css';

/**
 * The fiche of a QPV: identity, every indicator with its département, région and all-QPV
 * references, rank and centile; schools in or near it; Cité and PRE; actions by sphère.
 * `layout="panel"` beside the map, `layout="page"` as a printable full page (`vue=fiche`).
 */
export function FicheQpv({ code, layout }: { code: string; layout: 'panel' | 'page' }) {
  const { selectQpv, openView, addToComparison, comparison } = useAppStore(
    useShallow((s) => ({ selectQpv: s.selectQpv, openView: s.openView, addToComparison: s.addToComparison, comparison: s.comparison })),
  );
  const { model, error, loading } = useFicheModel(code);
  const database = useDatabase();
  const extra = useFicheRisque(code);
  const full = layout === 'page';
  const compared = comparison.includes(code);
  const q = model?.identity;
  const close = () => {
    selectQpv(null);
    openView('carte');
  };

  return (
    <section
      className={full ? 'page-view fiche fiche--page' : 'side-panel fiche'}
      role={full ? 'region' : 'dialog'}
      aria-modal={full ? undefined : 'false'}
      aria-labelledby="fiche-title"
      data-testid="fiche-qpv"
      data-layout={layout}
    >
      <div className="data-panel__head">
        <h2 id="fiche-title" className={full ? 'fr-h3' : 'fr-h5'}>
          {q ? q.nom : code}
        </h2>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line no-print" title="Fermer la fiche" onClick={close}>
          Fermer
        </button>
      </div>
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm no-print fiche__actions">
        <button
          type="button"
          className="fr-btn fr-btn--sm"
          disabled={compared || comparison.length >= COMPARISON_MAX}
          title={comparison.length >= COMPARISON_MAX && !compared ? `La comparaison compte déjà ${COMPARISON_MAX} QPV` : undefined}
          onClick={() => addToComparison(code)}
        >
          {compared ? `Dans la comparaison (${comparison.length})` : 'Ajouter à la comparaison'}
        </button>
        {comparison.length > 0 && (
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => openView('comparer')}>
            Comparer ({comparison.length})
          </button>
        )}
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => openView(full ? 'carte' : 'fiche')}>
          {full ? 'Retour à la carte' : 'Pleine page'}
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" disabled={model === null} onClick={() => model && void exportFicheCsv(database, model, useAppStore.getState().riskWeights)}>
          Exporter (CSV)
        </button>
        {full && (
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => window.print()}>
            Imprimer
          </button>
        )}
      </div>
      {error !== null && <p className="fr-error-text">Fiche indisponible : {error}</p>}
      {loading && <p className="fr-text--sm">Chargement de la fiche…</p>}
      {q && model && (
        <>
          <p className="fr-text--sm" data-testid="fiche-identite">
            QPV <code>{q.code}</code> (génération {q.generation}) · {q.communes} · {q.departement.nom} ({q.departement.code}) · {q.region.nom}
            {q.population && q.population.value.status !== 'nd' && ` · ${q.population.text} habitants (${q.population.millesime})`}
          </p>
          {extra.risque && <FicheRisque risque={extra.risque} scoredLabel={extra.scoredLabel} colleges={extra.colleges} />}
          <FicheIndicators indicators={model.indicators} full={full} coverage={model.coverage} departement={q.departement.code} region={q.region.code} />
          {extra.services && <FicheServices services={extra.services} />}
          <FicheEtablissements etablissements={model.etablissements} />
          {model.hasSecret && <SecretNote />}
          <FicheProgrammes cites={model.cites} pre={model.pre} />
          <FicheActions actionsBySphere={model.actionsBySphere} />
          {extra.error !== null && <p className="fr-text--xs">Indice de risque et services 16–25 ans indisponibles : {extra.error}</p>}
        </>
      )}
    </section>
  );
}
