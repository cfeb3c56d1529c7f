import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../../src/state/url-state.ts';

const state = { indicator: 'tx_tot_empl', classification: 'jenks' as const, classCount: 6, selectedQpv: 'QP066007', visibleLayers: ['qpv'] as const };

describe('URL state', () => {
  it('round-trips through the hash and keeps MapLibre’s carte parameter as written', () => {
    const hash = writeUrlState('#carte=12.5/42.7/2.9', state);
    expect(hash).toBe('#carte=12.5/42.7/2.9&indicateur=tx_tot_empl&classes=jenks-6&qpv=QP066007&couches=qpv');
    expect(readUrlState(hash)).toEqual(state);
  });

  it('drops the QPV parameter when nothing is selected', () => {
    expect(writeUrlState('#carte=5/46/2&qpv=QP066007', { ...state, selectedQpv: null })).toBe('#carte=5/46/2&indicateur=tx_tot_empl&classes=jenks-6&couches=qpv');
  });

  it('ignores malformed or hostile parameters, keeping the valid ones', () => {
    expect(readUrlState('#indicateur=<script>&classes=jenks-12&qpv=QP066007')).toEqual({ selectedQpv: 'QP066007' });
    expect(readUrlState('#classes=magic-5')).toEqual({});
    expect(readUrlState('#classes=egales-3')).toEqual({ classification: 'egales', classCount: 3 });
    expect(readUrlState('')).toEqual({});
    expect(readUrlState('#couches=etablissements,qpv')).toEqual({ visibleLayers: ['qpv', 'etablissements'] });
    expect(readUrlState('#couches=')).toEqual({ visibleLayers: [] });
    expect(readUrlState('#couches=qpv,bombe')).toEqual({});
  });
});
