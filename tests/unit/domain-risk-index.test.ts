import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, isIndicatorId } from '../../src/domain/indicator-catalogue.ts';
import { checkRiskWeights, collegeWeights, DEFAULT_RISK_WEIGHTS, RISK_CLASSES, RISK_COLLEGES, RISK_COMPONENT_IDS, RISK_COMPONENTS, type RiskWeights } from '../../src/domain/risk-index.ts';

const weights = (changes: Partial<Record<string, number>>) => ({ ...DEFAULT_RISK_WEIGHTS, ...changes }) as RiskWeights;

describe('risk index definition', () => {
  it('has unique snake_case ids, a French label, a unit and a millésime for every component', () => {
    expect(new Set(RISK_COMPONENT_IDS).size).toBe(RISK_COMPONENTS.length);
    for (const c of RISK_COMPONENTS) {
      expect(c.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(c.libelle.length).toBeGreaterThan(5);
      expect(c.unite).not.toBe('');
      expect(c.millesime).toMatch(/20\d\d/);
    }
  });

  it('reads only rates of the catalogue: no count of people, so nothing under the secret statistique', () => {
    for (const { id, source } of RISK_COMPONENTS) {
      if (source.kind !== 'indicateur') continue;
      expect(isIndicatorId(source.indicateur), id).toBe(true);
      expect(INDICATOR_CATALOGUE[source.indicateur].type_valeur, id).toBe('taux');
    }
  });

  it('does not present an INSEE release year as the year observed', () => {
    for (const c of RISK_COMPONENTS.filter((c) => c.millesime.startsWith('INSEE'))) expect(c.millesime, c.id).toMatch(/publiées en 20\d\d.*année observée non précisée/);
  });

  it('orients each indicator as the catalogue says which way is worse', () => {
    for (const { id, source, sens } of RISK_COMPONENTS) {
      if (source.kind !== 'indicateur') continue;
      const catalogue = INDICATOR_CATALOGUE[source.indicateur].sens;
      expect(catalogue, id).not.toBe('neutre');
      expect(sens, id).toBe(catalogue === 'hausse_defavorable' ? 1 : -1);
    }
    // A lower IPS or DNB success rate is the higher risk.
    expect(RISK_COMPONENTS.filter((c) => c.source.kind === 'college').map((c) => c.sens)).toEqual([-1, -1]);
  });

  it('has positive default weights', () => {
    for (const c of RISK_COMPONENTS) expect(c.poids).toBeGreaterThan(0);
  });

  it('has five classes, 1 to 5, with French labels', () => {
    expect(RISK_CLASSES.map((c) => c.classe)).toEqual([1, 2, 3, 4, 5]);
    expect(RISK_CLASSES[4].libelle).toBe('Très élevé');
  });
});

describe('collegeWeights', () => {
  it('weighs collèges by 1 / (distance + offset), normalised to sum 1', () => {
    const [inside, edge, far] = collegeWeights([0, 500, 1500]);
    expect(inside! + edge! + far!).toBeCloseTo(1, 15);
    expect(inside! / edge!).toBeCloseTo((500 + RISK_COLLEGES.decalageM) / RISK_COLLEGES.decalageM, 12);
    expect(inside! / far!).toBeCloseTo(4, 12);
    expect(collegeWeights([2344])).toEqual([1]);
  });
});

describe('checkRiskWeights', () => {
  it('accepts the defaults and any non-negative weights with one above 0', () => {
    expect(checkRiskWeights(DEFAULT_RISK_WEIGHTS)).toBe(DEFAULT_RISK_WEIGHTS);
    expect(() => checkRiskWeights(weights({ taux_pauvrete: 0, ips_colleges: 2.5 }))).not.toThrow();
  });

  it('names the component and value at fault', () => {
    expect(() => checkRiskWeights(weights({ taux_pauvrete: -1 }))).toThrow('invalid weight -1 for risk component "taux_pauvrete"');
    expect(() => checkRiskWeights(weights({ taux_emploi: Number.NaN }))).toThrow('invalid weight NaN for risk component "taux_emploi"');
    expect(() => checkRiskWeights(weights({ taux_emploi: Infinity }))).toThrow(RangeError);
    expect(() => checkRiskWeights(weights({ chomage: 1 }))).toThrow('unknown risk component "chomage"');
    const { dnb_colleges: _left, ...missing } = DEFAULT_RISK_WEIGHTS;
    expect(() => checkRiskWeights(missing)).toThrow('missing weight of risk component "dnb_colleges"');
    expect(() => checkRiskWeights(Object.fromEntries(RISK_COMPONENT_IDS.map((id) => [id, 0])))).toThrow('every risk weight is 0');
  });
});
