import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/cross-filter.ts';
import { formatUrlNumber, UrlNumber } from '../../src/domain/url-grammar.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { rejectedParamNotice } from '../../src/state/url-notices.ts';
import { parseUrlState, readUrlState, writeUrlState } from '../../src/state/url-state.ts';

// Links as an auditor forges them: each value must be refused whole (the default stays), and
// the refusal listed so that the app can say so.

describe('the number grammar of the URL', () => {
  it.each(['0', '12', '-3', '+4', '20.5', '-0.25', '007'])('reads the decimal %j', (text) => {
    expect(UrlNumber.parse(text)).toBe(Number(text));
  });

  it.each(['', ' ', ' 5', '5 ', '0x10', '0b1', '0o7', '1e3', '1E3', '.5', '5.', 'Infinity', '-Infinity', 'NaN', '1_000', '1,5', '٣', '１'])('refuses %j', (text) => {
    expect(UrlNumber.safeParse(text).success).toBe(false);
  });

  it.each([
    ['f_valeur=~', 'f_valeur'],
    ['f_valeur=0x10~0x20', 'f_valeur'],
    ['f_valeur=1e1~2e1', 'f_valeur'],
    ['f_valeur=%205~6', 'f_valeur'],
    ['f_valeur=5~', 'f_valeur'],
    ['f_distance=~1000', 'f_distance'],
    ['f_distance=0~Infinity', 'f_distance'],
    ['f_distance=-Infinity~0', 'f_distance'],
  ])('ignores the range %j and says which parameter', (hash, param) => {
    const { state, rejected } = parseUrlState(`#${hash}&qpv=QP066007`);
    expect(state.filters).toEqual(NO_FILTERS);
    expect(state.selectedQpv).toBe('QP066007');
    expect(rejected.map((r) => [r.param, r.reason])).toEqual([[param, 'malformed']]);
  });

  it.each(['zone_blanche=0x5', 'zone_blanche=5e0', 'zone_blanche=%205', 'zone_blanche=', 'poids=taux_pauvrete:0x2', 'poids=taux_pauvrete:2e0', 'poids=taux_pauvrete:%202'])('ignores %j', (hash) => {
    const state = readUrlState(`#${hash}`);
    expect(state.zoneBlancheKm).toBeUndefined();
    expect(state.riskWeights).toBeUndefined();
  });

  it('still reads well-formed numbers and writes them back in the same grammar, never with an exponent', () => {
    expect(readUrlState('#f_valeur=-2.5~%2B30&f_distance=0~1500&zone_blanche=5&poids=taux_pauvrete:2.5')).toMatchObject({
      filters: { ...NO_FILTERS, ranges: { valeur: [-2.5, 30], distance: [0, 1500] } },
      zoneBlancheKm: 5,
      riskWeights: { ...DEFAULT_RISK_WEIGHTS, taux_pauvrete: 2.5 },
    });
    expect([1e-7, 1.5e21, -0, 12.3456789012, -3].map(formatUrlNumber)).toEqual(['0.0000001', '1500000000000000000000', '0', '12.345679', '-3']);
    for (const n of [1e-7, 1.5e21, 12.345679, -3]) expect(UrlNumber.parse(formatUrlNumber(n))).toBe(n);
  });

  it('refuses MapLibre’s carte= when it is not three to five decimals', () => {
    for (const carte of ['0x10/46/2', '5/46', '5/46/2/0/0/0', '5/46/Infinity', 'abc']) {
      expect(parseUrlState(`#carte=${carte}`).rejected, carte).toEqual([{ param: 'carte', value: carte, reason: 'malformed' }]);
    }
    expect(parseUrlState('#carte=12.5/42.7/2.9').rejected).toEqual([]);
  });
});

describe('control characters in the URL', () => {
  it.each([
    ['territoire=commune:%00', 'territoire'],
    ['territoire=cite:Cit%C3%A9%0A', 'territoire'],
    ['objet=etablissement:0310001A%00', 'objet'],
    ['objet=cite:a%1Fb', 'objet'],
    ['f_texte=Mirail%7F', 'f_texte'],
    ['f_texte=%C2%85', 'f_texte'],
    ['f_texte=%C2%9F', 'f_texte'],
    ['indicateur=tp60%00', 'indicateur'],
    ['qpv=QP066007%09', 'qpv'],
    ['f_ep=REP%00', 'f_ep'],
  ])('refuses %j whole', (hash, param) => {
    const { state, rejected } = parseUrlState(`#${hash}`);
    expect(state).toEqual({ filters: NO_FILTERS });
    expect(rejected).toEqual([{ param, value: expect.any(String), reason: 'control-character' }]);
  });

  it('keeps characters that are not controls (accents, guillemets, U+00A0)', () => {
    expect(readUrlState('#territoire=cite:Cit%C3%A9%C2%A0%C2%AB%20Soleil%20%C2%BB').filters?.territoire).toEqual({ niveau: 'cite', code: 'Cité\u00a0« Soleil »' });
  });
});

describe('the notices of refused parameters', () => {
  it('name the parameter, quote a malformed value and never a control character', () => {
    const rejected = parseUrlState('#f_valeur=0x10~5&objet=etablissement:%00&indicateur=%3Cscript%3Ealert(1)%3C%2Fscript%3E').rejected;
    expect(rejected.map(rejectedParamNotice)).toEqual([
      'Le paramètre « f_valeur » du lien (« 0x10~5 ») est illisible : il est ignoré.',
      'Le paramètre « indicateur » du lien (« <script>alert(1)</script> ») est illisible : il est ignoré.',
      'Le paramètre « objet » du lien contient un caractère de contrôle : il est ignoré.',
    ]);
    const long = rejectedParamNotice({ param: 'f_texte', value: 'x'.repeat(500), reason: 'malformed' });
    expect(long.length).toBeLessThan(140);
  });

  it('a refused parameter leaves the URL when the state is written back', () => {
    const hash = '#f_valeur=~&territoire=commune:%00&carte=5/46/2';
    const state = { ...readUrlState(hash) } as Parameters<typeof writeUrlState>[1];
    expect(writeUrlState(hash, { ...FULL_DEFAULTS, ...state })).not.toMatch(/f_valeur|territoire/);
  });
});

const FULL_DEFAULTS: Parameters<typeof writeUrlState>[1] = {
  indicator: 'tp60',
  classification: 'quantiles',
  classCount: 5,
  selectedQpv: null,
  selectedObject: null,
  visibleLayers: ['qpv'],
  filters: NO_FILTERS,
  panel: null,
  tab: 'indicateur',
  view: 'carte',
  comparison: [],
  riskWeights: DEFAULT_RISK_WEIGHTS,
  zoneBlancheKm: 3,
  workbenchSql: null,
};
