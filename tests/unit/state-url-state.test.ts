import { describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/domain/cross-filter.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { readUrlState, writeUrlState } from '../../src/state/url-state.ts';

const state = {
  indicator: 'tx_tot_empl',
  classification: 'jenks' as const,
  classCount: 6,
  selectedQpv: 'QP066007',
  selectedObject: null,
  visibleLayers: ['qpv'] as const,
  filters: NO_FILTERS,
  panel: null,
  tab: 'indicateur' as const,
  view: 'carte' as const,
  comparison: [] as readonly string[],
  riskWeights: DEFAULT_RISK_WEIGHTS,
  zoneBlancheKm: 3,
  workbenchSql: null,
};

describe('URL state', () => {
  it('round-trips through the hash and keeps MapLibre’s carte parameter as written', () => {
    const hash = writeUrlState('#carte=12.5/42.7/2.9', state);
    expect(hash).toBe('#carte=12.5/42.7/2.9&indicateur=tx_tot_empl&classes=jenks-6&qpv=QP066007&couches=qpv');
    expect(readUrlState(hash)).toEqual({ ...state, selectedObject: undefined, panel: undefined, view: undefined, comparison: undefined, tab: undefined, riskWeights: undefined, zoneBlancheKm: undefined, workbenchSql: undefined });
  });

  it('drops the QPV parameter when nothing is selected', () => {
    expect(writeUrlState('#carte=5/46/2&qpv=QP066007', { ...state, selectedQpv: null })).toBe('#carte=5/46/2&indicateur=tx_tot_empl&classes=jenks-6&couches=qpv');
  });

  it('round-trips every filter, an open fiche and an open panel', () => {
    const filters: Filters = {
      ranges: { valeur: [20.5, 37.25], distance: [0, 1500], i_tp60: [40, 60], actions_famille: [0, 0] },
      categories: { ep: ['REP+', 'hors_ep', 'inconnu'], spheres: ['famille', 'tiers-lieux'], axes: ['role-ecole'], financement: ['non-finance'] },
      territoire: { niveau: 'cite', code: 'Cité éducative de Toulouse' },
      texte: 'Mirail',
      charts: { dims: ['valeur', 'distance', 'i_tp60', 'ep', 'spheres', 'axes', 'financement', 'actions_famille'], nuage: ['ips', 'd_cio'] },
    };
    const full = { ...state, selectedQpv: null, selectedObject: { kind: 'etablissement' as const, id: '0310001A' }, filters, panel: 'donnees' as const };
    const hash = writeUrlState('#carte=5/46/2', full);
    expect(hash).toContain('f_valeur=20.5~37.25');
    expect(hash).toContain('f_actions_famille=0~0');
    expect(hash).toContain('nuage=ips,d_cio');
    expect(hash).toContain('territoire=cite:Cit%C3%A9');
    expect(readUrlState(hash)).toEqual({ ...full, selectedQpv: undefined, view: undefined, comparison: undefined, tab: undefined, riskWeights: undefined, zoneBlancheKm: undefined, workbenchSql: undefined });
    expect(writeUrlState(hash, state)).toBe('#carte=5/46/2&indicateur=tx_tot_empl&classes=jenks-6&couches=qpv&qpv=QP066007');
  });

  it('ignores malformed or hostile parameters, keeping the valid ones', () => {
    const only = (partial: object) => ({ filters: NO_FILTERS, ...partial });
    expect(readUrlState('#indicateur=<script>&classes=jenks-12&qpv=QP066007')).toEqual(only({ selectedQpv: 'QP066007' }));
    expect(readUrlState('#classes=magic-5')).toEqual(only({}));
    expect(readUrlState('#classes=egales-3')).toEqual(only({ classification: 'egales', classCount: 3 }));
    expect(readUrlState('')).toEqual(only({}));
    expect(readUrlState('#couches=etablissements,qpv')).toEqual(only({ visibleLayers: ['qpv', 'etablissements'] }));
    expect(readUrlState('#couches=')).toEqual(only({ visibleLayers: [] }));
    expect(readUrlState('#couches=qpv,bombe')).toEqual(only({}));
    expect(readUrlState('#objet=bombe:1&panneau=cuisine')).toEqual(only({}));
    expect(readUrlState('#f_valeur=30~10&f_ep=REP,ZEP&f_distance=a~b&territoire=pays:FR')).toEqual(only({}));
    expect(readUrlState('#f_valeur=10~30&f_ep=REP').filters).toEqual({ ...NO_FILTERS, ranges: { valeur: [10, 30] }, categories: { ep: ['REP'] } });
    expect(readUrlState('#dims=valeur,bombe&nuage=risque,risque&f_bombe=1~2')).toEqual(only({}));
  });

  it('reads the « hors » of URLs written before the four EP statuses as hors EP, never as inconnu', () => {
    expect(readUrlState('#f_ep=REP,hors').filters?.categories.ep).toEqual(['REP', 'hors_ep']);
    expect(readUrlState('#f_ep=hors,hors_ep').filters?.categories.ep).toEqual(['hors_ep']);
    expect(writeUrlState('#carte=5/46/2', { ...state, filters: readUrlState('#f_ep=hors').filters! })).toContain('f_ep=hors_ep');
  });
});
