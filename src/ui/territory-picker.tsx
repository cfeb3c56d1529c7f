import { useId, useState } from 'react';
import { tableRows } from '../domain/connector.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { useSql } from '../db/use-sql.ts';
import { buildCiteNamesQuery } from '../queries/territory-queries.ts';
import { usePlaceSearch } from './use-place-search.ts';

const PICKABLE = new Set(['commune', 'departement', 'region']);

/**
 * Chooses the territory of the view: a Cité éducative from the registry, or a commune, a
 * département or a région found by name or code.
 */
export function TerritoryPicker({ value, onChange, label = 'Territoire' }: { value: Territoire | null; onChange: (t: Territoire) => void; label?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const cites = useSql(buildCiteNamesQuery(), tableRows, ['cites']);
  const places = usePlaceSearch(text);
  const found = (places.hits ?? []).filter((h) => PICKABLE.has(h.kind)).slice(0, 8);
  return (
    <div className="territory-picker" data-testid="territory-picker">
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={`${id}-cite`}>
          {label} : une Cité éducative
        </label>
        <select id={`${id}-cite`} className="fr-select" value={value?.niveau === 'cite' ? value.code : ''} onChange={(e) => e.target.value !== '' && onChange({ niveau: 'cite', code: e.target.value })}>
          <option value="">Choisir une Cité</option>
          {(cites.data ?? []).map((c) => (
            <option key={String(c.nom)} value={String(c.nom)}>
              {String(c.nom)}
            </option>
          ))}
        </select>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={`${id}-search`}>
          ou une commune, un département, une région
        </label>
        <input id={`${id}-search`} className="fr-input" type="search" value={text} placeholder="nom ou code INSEE" onChange={(e) => setText(e.target.value)} />
        {places.hits !== null && places.error !== null && <p className="fr-error-text">Recherche incomplète : {places.error}</p>}
        {found.length > 0 && (
          <ul className="territory-picker__hits">
            {found.map((h) => (
              <li key={`${h.kind}:${h.code}`}>
                <button
                  type="button"
                  className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline"
                  onClick={() => {
                    onChange({ niveau: h.kind as Territoire['niveau'], code: h.code });
                    setText('');
                  }}
                >
                  {h.nom} <span className="territory-picker__detail">{h.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
