import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_WEIGHTS, isDefaultRiskWeights, RISK_COMPONENT_IDS } from '../../src/domain/risk-index.ts';
import { formatRiskWeightsParam } from '../../src/state/risk-slice.ts';
import { useAppStore } from '../../src/state/store.ts';
import { parseUrlState, readUrlState, writeUrlState } from '../../src/state/url-state.ts';
import { rejectedParamNotice } from '../../src/state/url-notices.ts';

const state = useAppStore.getState();

describe('risk weights and zone blanche radius in the URL', () => {
  it('writes nothing for the default weights and radius', () => {
    expect(writeUrlState('#carte=12/43.6/1.4', state)).not.toMatch(/poids=|zone_blanche=/);
    expect(formatRiskWeightsParam(DEFAULT_RISK_WEIGHTS)).toBeNull();
  });

  it('writes only the weights that differ from the defaults, readably, and reads them back whole', () => {
    const riskWeights = { ...DEFAULT_RISK_WEIGHTS, taux_pauvrete: 2.5, ips_colleges: 0 };
    const hash = writeUrlState('#carte=12/43.6/1.4', { ...state, riskWeights, zoneBlancheKm: 5 });
    expect(hash).toContain('poids=taux_pauvrete:2.5,ips_colleges:0');
    expect(hash).toContain('zone_blanche=5');
    expect(readUrlState(hash)).toMatchObject({ riskWeights, zoneBlancheKm: 5 });
    // Back to the defaults: the parameters go.
    expect(writeUrlState(hash, state)).not.toMatch(/poids=|zone_blanche=/);
  });

  it('ignores a malformed weights parameter whole, keeping the other parameters', () => {
    const zero = RISK_COMPONENT_IDS.map((id) => `${id}:0`).join(',');
    for (const poids of ['tp60:2', 'taux_pauvrete:3.5', 'taux_pauvrete:0.3', 'taux_pauvrete:-1', 'taux_pauvrete:', 'taux_pauvrete', 'taux_pauvrete:1:2', 'taux_pauvrete:1,taux_pauvrete:2', zero, '<script>']) {
      const read = readUrlState(`#poids=${encodeURIComponent(poids)}&qpv=QP066007`);
      expect(read.riskWeights, poids).toBeUndefined();
      expect(read.selectedQpv).toBe('QP066007');
    }
    expect(readUrlState('#zone_blanche=4').zoneBlancheKm).toBeUndefined();
    expect(readUrlState('#zone_blanche=abc').zoneBlancheKm).toBeUndefined();
    expect(readUrlState('#zone_blanche=10').zoneBlancheKm).toBe(10);
  });
});

describe('a link written before a component left the index', () => {
  it('keeps its other weights and says which component is ignored', () => {
    const { state, rejected } = parseUrlState('#poids=demandeurs_cap_bep:2,taux_pauvrete:2.5&qpv=QP066007');
    expect(state.riskWeights).toEqual({ ...DEFAULT_RISK_WEIGHTS, taux_pauvrete: 2.5 });
    expect(rejected.map(rejectedParamNotice)).toEqual([
      'La composante « demandeurs_cap_bep » du lien a été retirée de l’indice de risque (voir la méthode) : son poids est ignoré, les autres poids du lien s’appliquent.',
    ]);
    // Alone, it leaves the defaults and the same notice; with a bad pair, the rest is refused as before.
    expect(parseUrlState('#poids=demandeurs_cap_bep:0')).toMatchObject({ state: {}, rejected: [{ param: 'poids', reason: 'retired' }] });
    const bad = parseUrlState('#poids=demandeurs_cap_bep:2,tp60:2');
    expect(bad.state.riskWeights).toBeUndefined();
    expect(bad.rejected.map((r) => r.reason)).toEqual(['retired', 'malformed']);
  });
});

describe('the risk slice', () => {
  it('sets a weight, refuses to leave every weight at 0, and resets to the defaults', () => {
    const { setRiskWeight, resetRiskWeights } = useAppStore.getState();
    setRiskWeight('taux_emploi', 3);
    expect(useAppStore.getState().riskWeights).toEqual({ ...DEFAULT_RISK_WEIGHTS, taux_emploi: 3 });
    for (const id of RISK_COMPONENT_IDS) setRiskWeight(id, 0);
    const left = RISK_COMPONENT_IDS.filter((id) => useAppStore.getState().riskWeights[id] > 0);
    expect(left).toEqual([RISK_COMPONENT_IDS.at(-1)]);
    resetRiskWeights();
    expect(isDefaultRiskWeights(useAppStore.getState().riskWeights)).toBe(true);
  });
});
