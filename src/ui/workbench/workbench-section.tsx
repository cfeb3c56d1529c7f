import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state/store.ts';

// Its own chunk, with its DuckDB client: loaded when staff open the console, never for the first paint.
const SqlWorkbench = lazy(() => import('./sql-workbench.tsx').then((m) => ({ default: m.SqlWorkbench })));

/** Where the Données panel offers the SQL console: a button, or the console once opened (`sql=` in the link). */
export function WorkbenchSection() {
  const open = useAppStore((s) => s.workbenchSql !== null);
  const setWorkbenchSql = useAppStore((s) => s.setWorkbenchSql);
  if (open) {
    return (
      <Suspense fallback={<p className="fr-text--sm">Chargement de la console SQL…</p>}>
        <SqlWorkbench />
      </Suspense>
    );
  }
  return (
    <p className="fr-text--sm">
      <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => setWorkbenchSql('')}>
        Console SQL (lecture seule)
      </button>{' '}
      Interroger les tables publiées en SQL, exporter le résultat.
    </p>
  );
}
