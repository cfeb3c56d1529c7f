import { useDeferredValue, useId, useState } from 'react';
import { rowsOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildObjectSearchQuery, OBJECT_HIT_KINDS, rankSearchHits, type SearchHit } from '../queries/search-query.ts';
import { useAppStore } from '../state/store.ts';
import { usePlaceSearch } from './use-place-search.ts';

export interface SearchBoxProps {
  label?: string;
  hint?: string;
  /** Kinds of hits offered (all by default). */
  kinds?: readonly SearchHit['kind'][];
  /** What choosing a hit does; by default, select it (a QPV or an object, opening its fiche) and zoom to it. */
  onChoose?: (hit: SearchHit) => void;
}

const isObjectHit = (kind: SearchHit['kind']): kind is (typeof OBJECT_HIT_KINDS)[number] => (OBJECT_HIT_KINDS as readonly string[]).includes(kind);

/**
 * Finds a QPV, a territory (commune, département, région, académie, contrat de ville), a Cité
 * éducative, a PRE or a school by name or code, and zooms to it. The objects are offered once
 * their tables are loaded, ranked with the rest.
 */
export function SearchBox({ label = 'Rechercher une commune, un QPV, une école', hint = 'Nom ou code : « Béziers », « QP066007 », « collège Jean Moulin Nîmes », « 0300025P »', kinds, onChoose }: SearchBoxProps = {}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(text);
  const focusOn = useAppStore((s) => s.focusOn);
  const selectQpv = useAppStore((s) => s.selectQpv);
  const selectObject = useAppStore((s) => s.selectObject);
  const offered = (kind: SearchHit['kind']) => kinds === undefined || kinds.includes(kind);
  const toHits = rowsOf<SearchHit>();
  // The QPV and territories answer from the published files, before DuckDB; the objects from DuckDB.
  const places = usePlaceSearch(deferred);
  const objectsSql = OBJECT_HIT_KINDS.some(offered) ? buildObjectSearchQuery(deferred) : null;
  const objects = useSql(objectsSql, toHits, ['search_objets']);
  // Only the objects found for this text: the places answer at once, the previous text's objects would mix in.
  const objectHits = objects.status === 'ready' && objects.sql === objectsSql ? objects.data : [];
  const hits = rankSearchHits([...(places.hits ?? []), ...objectHits].filter((hit) => offered(hit.kind)));
  const listId = useId();
  const inputId = useId();

  const choose = (hit: SearchHit) => {
    if (onChoose) {
      onChoose(hit);
      setText('');
      setOpen(false);
      return;
    }
    // Select first: the map leaves room for the fiche a selected QPV or object opens.
    if (isObjectHit(hit.kind)) selectObject({ kind: hit.kind, id: hit.code });
    else selectQpv(hit.kind === 'qpv' ? hit.code : null);
    focusOn([hit.xmin, hit.ymin, hit.xmax, hit.ymax]);
    setText(hit.nom);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'Enter' && hits[active]) choose(hits[active]);
    else return;
    e.preventDefault();
  };

  const expanded = open && hits.length > 0;
  return (
    <div className="search-box" role="search">
      <label className="fr-label" htmlFor={inputId}>
        {label}
        <span className="fr-hint-text">{hint}</span>
      </label>
      <input
        id={inputId}
        className="fr-input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        value={text}
        placeholder="Nom ou code"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="search-box__results" hidden={!expanded} aria-label="Résultats">
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}-${hit.code}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span className="search-box__name">{hit.nom}</span> <span className="search-box__detail">{hit.code === hit.nom ? hit.detail : `${hit.detail} · ${hit.code}`}</span>
          </li>
        ))}
      </ul>
      {open && places.hits !== null && objects.status !== 'loading' && hits.length === 0 && (
        <p className="fr-text--xs search-box__empty">Aucun résultat pour « {deferred} »</p>
      )}
      {open && places.loading && <p className="fr-text--xs search-box__empty">Chargement…</p>}
      {open && objects.status === 'loading' && objects.data === null && <p className="fr-text--xs search-box__empty">Écoles, Cités éducatives et PRE : chargement de la base…</p>}
      {open && places.hits !== null && places.error !== null && <p className="fr-error-text">Recherche incomplète : {places.error}</p>}
      {objects.error !== null && <p className="fr-error-text">Recherche des écoles, Cités éducatives et PRE impossible : {objects.error}</p>}
    </div>
  );
}
