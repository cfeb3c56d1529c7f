import { useCallback } from 'react';
import type { BBox } from '../../geo/index.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { captureMapPng } from '../map/map-capture.ts';
import { useAppStore } from '../state/store.ts';
import { TerritoryView } from './territory-view.tsx';

/**
 * The territory view in the app (`panneau=territoire`): its territory is the one of the
 * cross-filter (`territoire=niveau:code`), so choosing it here or in the filters is the same
 * choice; the map fits it and highlights the actions of the clicked matrix cell.
 */
export function TerritoryPanel() {
  const territory = useAppStore((s) => s.filters.territoire);
  const setFilters = useAppStore((s) => s.setFilters);
  const setPanel = useAppStore((s) => s.setPanel);
  const focusOn = useAppStore((s) => s.focusOn);
  const setHighlightedActions = useAppStore((s) => s.setHighlightedActions);
  const onTerritoryChange = useCallback((t: Territoire) => setFilters({ ...useAppStore.getState().filters, territoire: t }), [setFilters]);
  const onFitBounds = useCallback((bbox: BBox) => focusOn(bbox), [focusOn]);
  const getMapImage = useCallback(async () => {
    const nom = territory?.code ?? '';
    const png = await captureMapPng({ title: nom, items: [] }, 'Observatoire de la réussite éducative');
    return URL.createObjectURL(png);
  }, [territory]);
  return (
    <TerritoryView
      territory={territory}
      onTerritoryChange={onTerritoryChange}
      onHighlightActions={setHighlightedActions}
      onFitBounds={onFitBounds}
      onClose={() => {
        setHighlightedActions([]);
        setPanel(null);
      }}
      getMapImage={getMapImage}
    />
  );
}
