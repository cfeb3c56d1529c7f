import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { ComparerPage } from './comparer.tsx';
import { FicheQpv } from './fiche-qpv.tsx';

/**
 * Which QPV view is over the map: the comparison page (`vue=comparer`), the fiche as a full
 * page (`vue=fiche`), or the fiche of the selected QPV beside the map, unless another side
 * panel (`sidePanelOpen`) holds that place.
 */
export function QpvViews({ sidePanelOpen }: { sidePanelOpen: boolean }) {
  const { view, selectedQpv } = useAppStore(useShallow((s) => ({ view: s.view, selectedQpv: s.selectedQpv })));
  if (view === 'comparer') return <ComparerPage />;
  if (selectedQpv === null) return null;
  if (view === 'fiche') return <FicheQpv code={selectedQpv} layout="page" />;
  return sidePanelOpen ? null : <FicheQpv code={selectedQpv} layout="panel" />;
}

/** The header's « Comparer (n) » button, for `quickAccessItems`. */
export function useComparerQuickAccess() {
  const { count, view, openView } = useAppStore(useShallow((s) => ({ count: s.comparison.length, view: s.view, openView: s.openView })));
  return {
    iconId: 'fr-icon-checkbox-line' as const,
    text: `Comparer (${count})`,
    buttonProps: { onClick: () => openView(view === 'comparer' ? 'carte' : 'comparer'), 'aria-pressed': view === 'comparer' },
  };
}
