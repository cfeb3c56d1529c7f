import { useId } from 'react';
import { EP_SYMBOLS, epSymbolOf } from '../map/etablissement-layers.ts';
import type { EtablissementPoint } from '../queries/etablissements-query.ts';
import { type LayerId, useAppStore } from '../state/store.ts';

const number = new Intl.NumberFormat('fr-FR');

/** Layer toggles, with counts and the establishments' legend. */
export function LayerPanel({ qpvCount, etablissements, error }: { qpvCount: number; etablissements: readonly EtablissementPoint[]; error: string | null }) {
  const visible = useAppStore((s) => s.visibleLayers);
  const toggle = useAppStore((s) => s.toggleLayer);
  const id = useId();
  const byEp = { 'REP+': 0, REP: 0, hors: 0 };
  for (const e of etablissements) byEp[epSymbolOf(e.ep)] += 1;

  const checkbox = (layer: LayerId, label: string) => (
    <div className="fr-checkbox-group fr-checkbox-group--sm">
      <input type="checkbox" id={`${id}-${layer}`} checked={visible.includes(layer)} onChange={() => toggle(layer)} />
      <label className="fr-label" htmlFor={`${id}-${layer}`}>
        {label}
      </label>
    </div>
  );

  return (
    <fieldset className="layer-panel fr-fieldset" aria-label="Couches de la carte" data-testid="layer-panel">
      <legend className="fr-fieldset__legend fr-text--sm">Couches</legend>
      {checkbox('qpv', `QPV (${number.format(qpvCount)})`)}
      {checkbox('etablissements', `Établissements scolaires (${number.format(etablissements.length)})`)}
      {error !== null && <p className="fr-error-text">Établissements indisponibles : {error}</p>}
      <ul className="layer-panel__legend fr-text--xs" data-testid="ep-legend">
        {(Object.keys(EP_SYMBOLS) as (keyof typeof EP_SYMBOLS)[]).map((k) => (
          <li key={k} data-ep={k} data-count={byEp[k]}>
            <img src={EP_SYMBOLS[k].url} width={14} height={14} alt="" /> {EP_SYMBOLS[k].label} · {number.format(byEp[k])}
            {k === 'hors' && ' (à partir du zoom 10)'}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
