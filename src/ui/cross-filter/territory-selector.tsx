import { memo, useId } from 'react';
import type { BBox } from '../../../geo/index.ts';
import type { Territoire, TerritoireNiveau } from '../../domain/cross-filter.ts';
import type { TerritoryOption } from '../../queries/cross-filter-queries.ts';

export interface TerritorySelectorProps {
  options: readonly TerritoryOption[];
  value: Territoire | null;
  onChange(territoire: Territoire | null, bbox: BBox | null): void;
}

const LEVELS: { niveau: TerritoireNiveau; label: string; all: string }[] = [
  { niveau: 'region', label: 'Région', all: 'Toutes' },
  { niveau: 'departement', label: 'Département', all: 'Tous' },
  { niveau: 'commune', label: 'Commune', all: 'Toutes' },
  { niveau: 'cite', label: 'Cité éducative', all: 'Toutes' },
];

const bboxOf = (o: TerritoryOption | undefined): BBox | null => (o && o.xmin !== null ? [o.xmin, o.ymin!, o.xmax!, o.ymax!] : null);

/**
 * Région → département → commune → Cité: each list is narrowed by the levels above it; the
 * filter is the most precise level chosen, and the map fits it. Only territories holding a
 * QPV are offered (the filter is over QPV), with their QPV count.
 */
export const TerritorySelector = memo(function TerritorySelector({ options, value, onChange }: TerritorySelectorProps) {
  const id = useId();
  const find = (niveau: TerritoireNiveau, code: string | null | undefined) => options.find((o) => o.niveau === niveau && o.code === code);
  const current = value === null ? undefined : find(value.niveau, value.code);
  // The chosen territory's ancestors, to show the whole path in the lists above it.
  const path: Partial<Record<TerritoireNiveau, string>> = {};
  if (current) {
    path[current.niveau] = current.code;
    if (current.niveau !== 'region' && current.region_code) path.region = current.region_code;
    if ((current.niveau === 'commune' || current.niveau === 'cite') && current.departement_code) path.departement = current.departement_code;
  }
  const choices = (niveau: TerritoireNiveau) =>
    options.filter((o) => o.niveau === niveau && (niveau === 'region' || !path.region || o.region_code === path.region) && (niveau === 'region' || niveau === 'departement' || !path.departement || o.departement_code === path.departement));

  const choose = (niveau: TerritoireNiveau, code: string) => {
    if (code !== '') return onChange({ niveau, code }, bboxOf(find(niveau, code)));
    // « Tous » at a level: back to the level above, if one was chosen.
    const above = niveau === 'commune' || niveau === 'cite' ? (path.departement ? 'departement' : 'region') : niveau === 'departement' ? 'region' : null;
    const code2 = above && path[above];
    onChange(above && code2 ? { niveau: above, code: code2 } : null, bboxOf(above && code2 ? find(above, code2) : undefined));
  };

  return (
    <fieldset className="territory-selector fr-fieldset" aria-label="Territoire">
      {LEVELS.map(({ niveau, label, all }) => (
        <div key={niveau} className="territory-selector__level">
          <label className="fr-label fr-text--xs" htmlFor={`${id}-${niveau}`}>
            {label}
          </label>
          <select id={`${id}-${niveau}`} className="fr-select fr-select--sm" value={path[niveau] ?? ''} onChange={(e) => choose(niveau, e.target.value)} data-testid={`territoire-${niveau}`}>
            <option value="">{all}</option>
            {choices(niveau).map((o) => (
              <option key={o.code} value={o.code}>
                {o.nom}
                {niveau === 'departement' || niveau === 'region' ? ` (${o.code})` : ''} · {o.qpv} QPV
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
});
