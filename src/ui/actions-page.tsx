import { useAppStore } from '../state/store.ts';
import { ActionsCatalogue } from './actions-catalogue.tsx';

/** The actions catalogue in the app (`vue=actions`), offering the cross-filter's territory as a filter. */
export function ActionsPage() {
  const territory = useAppStore((s) => s.filters.territoire);
  const openView = useAppStore((s) => s.openView);
  return <ActionsCatalogue territory={territory} onClose={() => openView('carte')} />;
}
