import { useEffect, useState } from 'react';
import type { BBox } from '../../geo/index.ts';
import { loadArrowTable } from '../data/published-data.ts';
import { territoryBBoxes, TERRITORY_VIEWS, type TerritoryViewId } from '../map/territory-views.ts';
import { useAppStore } from '../state/store.ts';

/** Buttons that bring métropole or one of the DROM into view. */
export function TerritorySwitcher() {
  const [boxes, setBoxes] = useState<Map<TerritoryViewId, BBox> | null>(null);
  const focusOn = useAppStore((s) => s.focusOn);
  useEffect(() => {
    loadArrowTable('territoires').then((t) => setBoxes(territoryBBoxes(t)), () => setBoxes(new Map()));
  }, []);
  return (
    <nav className="territory-switcher" aria-label="Territoires">
      <ul className="fr-tags-group">
        {TERRITORY_VIEWS.map((view) => {
          const box = boxes?.get(view.id);
          return (
            <li key={view.id}>
              <button type="button" className="fr-tag fr-tag--sm" disabled={box === undefined} onClick={() => box && focusOn(box)}>
                {view.label}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
