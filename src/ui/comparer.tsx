import { useShallow } from 'zustand/react/shallow';
import { exportComparisonCsv } from '../export/export-actions.ts';
import { useAppStore } from '../state/store.ts';
import { COMPARISON_MAX, COMPARISON_MIN } from '../domain/comparison-limits.ts';
import { ComparisonTable } from './comparison-table.tsx';
import { SecretNote } from './secret-note.tsx';
import { SearchBox } from './search-box.tsx';
import { useComparisonModel } from './use-comparison-model.ts';
import './fiche-comparer.css';

const QPV_ONLY = ['qpv'] as const;

/** « Comparer » (`vue=comparer&comparer=QP…,QP…`): 2–6 QPV side by side, printable, exportable. */
export function ComparerPage() {
  const { comparison, addToComparison, openView } = useAppStore(
    useShallow((s) => ({ comparison: s.comparison, addToComparison: s.addToComparison, openView: s.openView })),
  );
  const { model, error } = useComparisonModel(comparison);
  const full = comparison.length >= COMPARISON_MAX;

  return (
    <section className="page-view comparer" aria-labelledby="comparer-title" data-testid="comparer">
      <div className="data-panel__head">
        <h2 id="comparer-title" className="fr-h3">
          Comparer des QPV ({comparison.length} / {COMPARISON_MAX})
        </h2>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line no-print" title="Fermer la comparaison" onClick={() => openView('carte')}>
          Fermer
        </button>
      </div>
      <div className="comparer__tools no-print">
        {full ? (
          <p className="fr-text--sm">La comparaison compte {COMPARISON_MAX} QPV : retirez-en un pour en ajouter un autre.</p>
        ) : (
          <SearchBox label="Ajouter un QPV à la comparaison" hint="Nom ou code : « Mosson », « QP034004 »" kinds={QPV_ONLY} onChoose={(hit) => addToComparison(hit.code)} />
        )}
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" disabled={model === null || model.qpv.length === 0} onClick={() => model && void exportComparisonCsv(model)}>
            Exporter (CSV)
          </button>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => window.print()}>
            Imprimer
          </button>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => openView('carte')}>
            Retour à la carte
          </button>
        </div>
      </div>
      {comparison.length < COMPARISON_MIN && (
        <p className="fr-text--sm" data-testid="comparer-vide">
          Ajoutez au moins {COMPARISON_MIN} QPV, depuis leur fiche (« Ajouter à la comparaison ») ou avec la recherche ci-dessus.
        </p>
      )}
      {error !== null && <p className="fr-error-text">Comparaison indisponible : {error}</p>}
      {model !== null && model.qpv.length > 0 && <ComparisonTable model={model} />}
      {model !== null && model.rows.some((r) => r.cells.some((c) => c.value.status === 'secret')) && <SecretNote />}
    </section>
  );
}
