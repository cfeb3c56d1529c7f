import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-editor/icons-editor.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-map/icons-map.min.css';
import { useAppStore } from '../state/store.ts';

/*
 * The header buttons of the territory view and the actions catalogue: kept apart from the
 * views themselves, which the app loads on first use.
 */

/** The header's « Territoire » button, for `quickAccessItems`. */
export function useTerritoireQuickAccess() {
  const open = useAppStore((s) => s.panel === 'territoire');
  const setPanel = useAppStore((s) => s.setPanel);
  return {
    iconId: 'fr-icon-map-pin-2-line' as const,
    text: 'Territoire',
    buttonProps: { onClick: () => setPanel(open ? null : 'territoire'), 'aria-expanded': open, 'aria-controls': 'territoire-title' },
  };
}

/** The header's « Actions » button: the catalogue as a full page (`vue=actions`). */
export function useActionsQuickAccess() {
  const open = useAppStore((s) => s.view === 'actions');
  const openView = useAppStore((s) => s.openView);
  return {
    iconId: 'fr-icon-list-unordered' as const,
    text: 'Actions',
    buttonProps: { onClick: () => openView(open ? 'carte' : 'actions'), 'aria-pressed': open },
  };
}
