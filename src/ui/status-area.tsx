import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';

const formatter = new Intl.NumberFormat('fr-FR');

/**
 * Where loading progress, errors and, once DuckDB is ready, row counts are shown. Memoised:
 * it sits under the map's panel, whose filters change at every brush move, and reads its own state.
 */
export const StatusArea = memo(function StatusArea() {
  const s = useAppStore(
    useShallow((a) => ({
      mapStatus: a.mapStatus,
      mapError: a.mapError,
      mapProblems: a.mapProblems,
      qpvDrawn: a.qpvDrawn,
      dbStatus: a.dbStatus,
      dbStep: a.dbStep,
      dbError: a.dbError,
      tableCounts: a.tableCounts,
      failedTables: a.failedTables,
    })),
  );
  return (
    <section className="status-area fr-text--xs" aria-live="polite" data-testid="status" aria-label="État du chargement">
      <p>
        {s.mapStatus === 'loading' && 'Carte : chargement des contours…'}
        {s.mapStatus === 'ready' && `Carte : ${formatter.format(s.qpvDrawn)} QPV affichés`}
        {s.mapStatus === 'error' && <span className="fr-error-text">Carte indisponible : {s.mapError}</span>}
      </p>
      {s.mapProblems.map((problem) => (
        <p key={problem} className="fr-error-text" data-testid="map-problem">
          Carte incomplète : {problem}.
        </p>
      ))}
      <div>
        {(s.dbStatus === 'idle' || s.dbStatus === 'loading') && `Base DuckDB : ${s.dbStep || 'en attente'}…`}
        {s.dbStatus === 'error' && <span className="fr-error-text">Base DuckDB indisponible : {s.dbError}.</span>}
        {s.dbStatus === 'ready' && s.failedTables.length > 0 && (
          <ul className="status-area__tables fr-error-text" data-testid="failed-tables">
            {s.failedTables.map((t) => (
              <li key={t.table} data-table={t.table}>
                Table « {t.table} » non chargée : {t.message}.
              </li>
            ))}
          </ul>
        )}
        {s.dbStatus === 'ready' && (
          <details>
            <summary>
              DuckDB prêt · {s.tableCounts.length} tables · {formatter.format(s.tableCounts.reduce((n, t) => n + t.rows, 0))} lignes
            </summary>
            <ul className="status-area__tables">
              {s.tableCounts.map((t) => (
                <li key={t.table} data-table={t.table} data-rows={t.rows}>
                  {t.table} : {formatter.format(t.rows)} lignes
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
});
