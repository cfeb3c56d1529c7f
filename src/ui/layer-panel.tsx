import { type ReactNode, useId } from 'react';
import { tableRows } from '../domain/connector.ts';
import { isFiltered } from '../domain/cross-filter.ts';
import { perimetreLabel } from '../domain/cite-perimetre.ts';
import { EP_STATUTS, type EpStatut, isEpReseau } from '../domain/education-prioritaire.ts';
import { LIEU_CATEGORIES } from '../domain/lieu-categories.ts';
import { RESEAU_BUFFER_METERS } from '../domain/reseau-emprise.ts';
import { useSql } from '../db/use-sql.ts';
import { EP_SYMBOLS, epSymbolOf } from '../map/etablissement-layers.ts';
import { LIEU_COLOURS, OBJECT_SYMBOLS } from '../map/object-layers.ts';
import type { EtablissementPoint } from '../map/etablissement-points.ts';
import { LAYER_DRAWINGS } from '../map/layer-drawings.ts';
import { type LayerId, MAP_LAYER, MAP_LAYERS } from '../domain/map-layers.ts';
import { useAppStore } from '../state/store.ts';
import { formatCount } from './format.ts';
import { ReseauEmpriseMethode } from './reseau-emprise-methode.tsx';

const LIEUX_BY_CATEGORY = 'SELECT categorie, count(*)::INTEGER AS n FROM lieux GROUP BY categorie';
const CITES_BY_PERIMETRE = 'SELECT perimetre, count(*)::INTEGER AS n FROM cites GROUP BY perimetre';

/** Layer toggles, each with its count and legend. */
export function LayerPanel({ qpvCount, etablissements, error }: { qpvCount: number; etablissements: readonly EtablissementPoint[]; error: string | null }) {
  const visible = useAppStore((s) => s.visibleLayers);
  const toggle = useAppStore((s) => s.toggleLayer);
  const tableCounts = useAppStore((s) => s.tableCounts);
  const filtered = useAppStore((s) => isFiltered(s.filters));
  const lieux = useSql(LIEUX_BY_CATEGORY, (t) => new Map(tableRows(t).map((r) => [String(r.categorie), Number(r.n)])), ['lieux']);
  const cites = useSql(CITES_BY_PERIMETRE, (t) => new Map(tableRows(t).map((r) => [String(r.perimetre), Number(r.n)])), ['cites']);
  const citesOf = (...kinds: string[]) => (cites.data ? ` · ${formatCount(kinds.reduce((n, k) => n + (cites.data!.get(k) ?? 0), 0))}` : '');
  const id = useId();
  const byEp: Record<EpStatut, number> = { 'REP+': 0, REP: 0, hors_ep: 0, inconnu: 0 };
  for (const e of etablissements) byEp[epSymbolOf(e.ep)] += 1;
  // What the map drew, known before the database; the other layers count their table's rows.
  const drawn: Partial<Record<LayerId, number>> = { qpv: qpvCount, etablissements: etablissements.length };
  const count = (layer: LayerId): number | null => drawn[layer] ?? tableCounts.find((t) => t.table === MAP_LAYER[layer].table)?.rows ?? null;

  const checkbox = (layer: LayerId, legend: ReactNode, legendTestId?: string) => {
    const n = count(layer);
    return (
      <div key={layer} className="layer-panel__layer">
        <div className="fr-checkbox-group fr-checkbox-group--sm">
          <input type="checkbox" id={`${id}-${layer}`} checked={visible.includes(layer)} onChange={() => toggle(layer)} data-layer={layer} />
          <label className="fr-label" htmlFor={`${id}-${layer}`}>
            {MAP_LAYER[layer].label} {n !== null && `(${formatCount(n)})`}
          </label>
        </div>
        {legend && visible.includes(layer) && (
          <ul className="layer-panel__legend fr-text--xs" data-testid={legendTestId}>
            {legend}
          </ul>
        )}
      </div>
    );
  };
  const symbol = (url: string, label: string) => (
    <li key={label}>
      <img src={url} width={14} height={14} alt="" /> {label}
    </li>
  );

  /** Legends that say more than the drawing's lines (`panelLegend`): counts, method. */
  const legends: Partial<Record<LayerId, { legend: ReactNode; testId?: string }>> = {
    etablissements: {
      testId: 'ep-legend',
      legend: (
        <>
          {EP_STATUTS.map((k) => (
            <li key={k} data-ep={k} data-count={byEp[k]}>
              <img src={EP_SYMBOLS[k].url} width={14} height={14} alt="" /> {EP_SYMBOLS[k].label} · {formatCount(byEp[k])}
              {!isEpReseau(k) && ` (à partir du zoom ${MAP_LAYER.etablissements.detailMinZoom})`}
              {k === 'inconnu' && <span className="fr-hint-text">aucune source chargée ne le dit ; jamais compté hors EP</span>}
            </li>
          ))}
          {filtered && (
            <li>
              {Object.values(EP_SYMBOLS).map((s) => (
                <img key={s.label} src={s.paleUrl} width={14} height={14} alt="" />
              ))}{' '}
              Estompés : à plus de 300 m de tout QPV retenu par les filtres
            </li>
          )}
        </>
      ),
    },
    reseaux: {
      testId: 'reseaux-legend',
      legend: (
        <>
          {symbol(OBJECT_SYMBOLS.reseau.url, `Emprise estimée : collège et écoles rattachées + ${RESEAU_BUFFER_METERS} m, ou disque de ${RESEAU_BUFFER_METERS} m autour du collège seul`)}
          <li>
            <ReseauEmpriseMethode />
          </li>
        </>
      ),
    },
    cites: {
      testId: 'cites-legend',
      legend: (
        <>
          <li data-perimetre="source">
            <img src={OBJECT_SYMBOLS.cite.url} width={14} height={14} alt="" /> Périmètre donné par la source : {perimetreLabel('qpv')} ou {perimetreLabel('commune')}
            {citesOf('qpv', 'commune')}
          </li>
          <li data-perimetre="commune_approchee">
            <img src={OBJECT_SYMBOLS.citeApprochee.url} width={14} height={14} alt="" /> Tirets : {perimetreLabel('commune_approchee')}, la source ne nommant pas de QPV, ou des QPV absents des données chargées
            {citesOf('commune_approchee')}
          </li>
        </>
      ),
    },
    lieux: {
      legend: (
        <>
          {LIEU_CATEGORIES.filter((c) => (lieux.data?.get(c.id) ?? 0) > 0).map((c) => (
            <li key={c.id} data-categorie={c.id}>
              <span className="legend__dot" style={{ background: LIEU_COLOURS.get(c.id) }} aria-hidden="true" /> {c.label} · {formatCount(lieux.data!.get(c.id)!)}
            </li>
          ))}
          <li>Points agrandis : plusieurs lieux au même endroit (souvent le point du contrat de ville)</li>
        </>
      ),
    },
  };

  return (
    <fieldset className="layer-panel fr-fieldset" aria-label="Couches de la carte" data-testid="layer-panel">
      <legend className="fr-fieldset__legend fr-text--sm">Couches</legend>
      {MAP_LAYERS.map(({ id: layer }) => {
        const lines = LAYER_DRAWINGS[layer].panelLegend;
        const own: { legend: ReactNode; testId?: string } = legends[layer] ?? { legend: lines.length > 0 && lines.map((l) => symbol(l.symbol, l.text)) };
        return checkbox(layer, own.legend, own.testId);
      })}
      {error !== null && <p className="fr-error-text">Couche indisponible : {error}</p>}
    </fieldset>
  );
}
