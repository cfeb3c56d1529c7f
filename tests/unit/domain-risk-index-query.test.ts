import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildRiskComponentValuesQuery } from '../../src/domain/risk-component-values-query.ts';
import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { collegeWeights, DEFAULT_RISK_WEIGHTS, RISK_COMPONENTS, RISK_ROBUSTNESS_FACTORS, type RiskComponentId, type RiskWeights } from '../../src/domain/risk-index.ts';
import { sqlNumber, sqlString } from '../../src/domain/sql.ts';

/*
 * The risk SQL run on a small realistic set against an independent TypeScript computation
 * (counting instead of window functions, every robustness weighting enumerated). Fixture
 * schema: the columns of the published `qpv`, `indicateurs`, `qpv_colleges` and
 * `etablissements` the SQL reads.
 *
 * Values of the QP… rows are the published ones of nine Occitanie QPV (INSEE, published 2019
 * and 2020), with real public collèges (IPS 2022, DNB 2021) at invented distances; QP011005
 * lacks a component (its precarious-employment rate is unpublished, and no collège is within
 * reach). The two QN… rows are invented 2024-generation QPV: ranked apart from the 2015 ones.
 */
type Values = Partial<Record<'tp60' | 'brev' | 'tx_tot_empl' | 'tx_tot_eprec', number | null>>;
const INDICATEURS: Record<string, Values> = {
  QP009001: { tp60: 40.2, brev: 55.6, tx_tot_empl: 50.7, tx_tot_eprec: 23.9 },
  QP011005: { tp60: 52.2, brev: 68, tx_tot_empl: 29.3, tx_tot_eprec: null },
  QP030001: { tp60: 46.6, brev: 62.5, tx_tot_empl: 36.6, tx_tot_eprec: 24.2 },
  QP031003: { tp60: 37.2, brev: 53.1, tx_tot_empl: 51.6, tx_tot_eprec: 24.5 },
  QP031007: { tp60: 48.5, brev: 69.1, tx_tot_empl: 38.1, tx_tot_eprec: 25.7 },
  QP034001: { tp60: 56.3, brev: 70.2, tx_tot_empl: 35.9, tx_tot_eprec: 26.2 },
  QP066001: { tp60: 36, brev: 50.2, tx_tot_empl: 49.7, tx_tot_eprec: 24.8 },
  QP066007: { tp60: 40.9, brev: 56.3, tx_tot_empl: 42, tx_tot_eprec: 19.3 },
  QP081005: { tp60: 36.7, brev: 52.5, tx_tot_empl: 54.8, tx_tot_eprec: 27.7 },
  // Invented: tied poverty rates (mean rank).
  QN03101A: { tp60: 45, brev: 60, tx_tot_empl: 40, tx_tot_eprec: 25 },
  QN03102B: { tp60: 45, brev: 65, tx_tot_empl: 45, tx_tot_eprec: 20 },
};
const YEAR: Record<string, number> = { tp60: 2019, brev: 2019, tx_tot_empl: 2020, tx_tot_eprec: 2020 };

/** Public collèges with an IPS and a DNB rate. */
const COLLEGES: Record<string, { ips: number; dnb: number }> = {
  '0090012P': { ips: 98.1, dnb: 88.2 },
  '0300947S': { ips: 78.8, dnb: 74.2 },
  '0301013N': { ips: 72.6, dnb: 76.1 },
  '0301014P': { ips: 86.5, dnb: 78 },
  '0310083X': { ips: 93.2, dnb: 75.2 },
  '0310086A': { ips: 71.9, dnb: 74.5 },
  '0311630D': { ips: 74.6, dnb: 79.3 },
  '0311718Z': { ips: 87.1, dnb: 87.9 },
  '0311851U': { ips: 96.2, dnb: 86.9 },
  '0340118U': { ips: 70.9, dnb: 64.6 },
  '0340836Z': { ips: 67.7, dnb: 76.4 },
  '0342132H': { ips: 81.3, dnb: 73.9 },
  '0660011B': { ips: 84.4, dnb: 80.1 },
  '0660553S': { ips: 77.3, dnb: 71.6 },
  '0810960D': { ips: 108.6, dnb: 83.5 },
  '0319999X': { ips: 80, dnb: 70 },
  '0319998W': { ips: 90, dnb: 81 },
};
/** The school context of each QPV: collèges with their distance (metres), nearest first. */
const CONTEXT: Record<string, [string, number][]> = {
  QP009001: [['0090012P', 1840]],
  QP030001: [['0301013N', 0], ['0301014P', 0], ['0300947S', 120]],
  QP031003: [['0311851U', 0], ['0310083X', 210]],
  QP031007: [['0311630D', 0], ['0310086A', 90], ['0311718Z', 260]],
  QP034001: [['0340118U', 0], ['0340836Z', 0], ['0342132H', 180]],
  QP066001: [['0660011B', 420], ['0660553S', 950]],
  QP066007: [['0660553S', 300]],
  QP081005: [['0810960D', 0]],
  // Invented: one collège in the context of both 2024 QPV, another of one only.
  QN03101A: [['0319999X', 0]],
  QN03102B: [['0319999X', 150], ['0319998W', 700]],
};
const CODES = Object.keys(INDICATEURS).sort();

// ---------------------------------------------------------------- independent computation

type Raw = Map<string, Map<RiskComponentId, number | null>>;

/** Raw component values from the fixture, as methodologie.md defines them. */
function rawValues(): Raw {
  const raw: Raw = new Map();
  for (const code of CODES) {
    const v = INDICATEURS[code]!;
    const context = CONTEXT[code] ?? [];
    const weights = collegeWeights(context.map(([, d]) => d));
    const values = new Map<RiskComponentId, number | null>();
    for (const c of RISK_COMPONENTS) {
      const s = c.source;
      if (s.kind === 'indicateur') values.set(c.id, v[s.indicateur as keyof Values] ?? null);
      else values.set(c.id, context.length === 0 ? null : context.reduce((a, [uai], i) => a + weights[i]! * (s.colonne === 'ips' ? COLLEGES[uai]!.ips : COLLEGES[uai]!.dnb), 0));
    }
    raw.set(code, values);
  }
  return raw;
}

/** 100 × (below + (equal − 1) / 2) / (n − 1), by counting. */
function percentile(x: number, all: number[]): number {
  if (all.length === 1) return 50;
  const below = all.filter((y) => y < x).length;
  const equal = all.filter((y) => y === x).length;
  return (100 * (below + (equal - 1) / 2)) / (all.length - 1);
}

interface Expected {
  score: number | null;
  rang: number | null;
  rangMin: number | null;
  rangMax: number | null;
  percentile: number | null;
  classe: number | null;
  disponibles: number;
  normalised: Map<RiskComponentId, number | null>;
  contributions: Map<RiskComponentId, number | null>;
}

/** Every combination of the robustness factors over `n` components. */
function factorSets(n: number): number[][] {
  return n === 0 ? [[]] : factorSets(n - 1).flatMap((rest) => RISK_ROBUSTNESS_FACTORS.map((f) => [...rest, f]));
}

function expected(raw: Raw, weights: RiskWeights): Map<string, Expected> {
  const generation = (code: string) => code.slice(0, 2);
  const weighted = RISK_COMPONENTS.filter((c) => weights[c.id] > 0);
  const totalWeight = weighted.reduce((a, c) => a + weights[c.id], 0);
  const scored = new Set(CODES.filter((code) => weighted.every((c) => raw.get(code)!.get(c.id) !== null)));
  const out = new Map<string, Expected>();
  for (const code of CODES) {
    const normalised = new Map<RiskComponentId, number | null>();
    for (const c of RISK_COMPONENTS) {
      const x = raw.get(code)!.get(c.id);
      // Ranked among the scored QPV of the generation only.
      const peers = [...scored].filter((o) => generation(o) === generation(code)).flatMap((o) => raw.get(o)!.get(c.id) ?? []);
      normalised.set(c.id, !scored.has(code) || x === null || x === undefined ? null : percentile(c.sens * x, peers.map((p) => c.sens * p)));
    }
    const contributions = new Map(RISK_COMPONENTS.map((c) => [c.id, normalised.get(c.id) === null || weights[c.id] === 0 ? null : (weights[c.id] * normalised.get(c.id)!) / totalWeight]));
    const score = scored.has(code) ? weighted.reduce((a, c) => a + contributions.get(c.id)!, 0) : null;
    const disponibles = weighted.filter((c) => raw.get(code)!.get(c.id) !== null).length;
    out.set(code, { score, rang: null, rangMin: null, rangMax: null, percentile: null, classe: null, disponibles, normalised, contributions });
  }
  const sets = factorSets(weighted.length);
  for (const [code, e] of out) {
    if (e.score === null) continue;
    const peers = [...out].filter(([o, p]) => generation(o) === generation(code) && p.score !== null);
    e.rang = 1 + peers.filter(([, p]) => p.score! > e.score!).length;
    e.percentile = percentile(e.score, peers.map(([, p]) => p.score!));
    e.classe = Math.min(5, Math.floor(e.percentile / 20) + 1);
    const ranks = sets.map((factors) => {
      const scoreOf = (p: Expected) => weighted.reduce((a, c, j) => a + factors[j]! * weights[c.id] * p.normalised.get(c.id)!, 0) / weighted.reduce((a, c, j) => a + factors[j]! * weights[c.id], 0);
      return 1 + peers.filter(([, p]) => scoreOf(p) > scoreOf(e) + 1e-9).length;
    });
    [e.rangMin, e.rangMax] = [Math.min(...ranks), Math.max(...ranks)];
  }
  return out;
}

// ---------------------------------------------------------------- DuckDB

let db: Connector;
beforeAll(async () => {
  db = await createNodeConnector();
  const num = (v: number | null | undefined) => (v === null || v === undefined ? 'NULL' : `${sqlNumber(v)}::DOUBLE`);
  await db.exec(`CREATE TABLE qpv AS SELECT * FROM (VALUES ${CODES.map((c) => `(${sqlString(c)})`).join(', ')}) t(code)`);
  const indicateurs = CODES.flatMap((code) => Object.entries(INDICATEURS[code]!).map(([id, v]) => `(${sqlString(code)}, 'qpv', ${sqlString(id)}, ${YEAR[id]}, NULL::INTEGER, 'qp', ${num(v)})`));
  // An older year, an older observed year (although of a later edition) and another niveau, all to be ignored.
  indicateurs.push("('QP009001', 'qpv', 'tp60', 2016, NULL, 'qp', 99::DOUBLE)", "('QP009001', 'qpv', 'tp60', 2021, 2015, 'long', 98::DOUBLE)", "('31555', 'commune', 'tp60', 2019, NULL, 'qp', 12::DOUBLE)");
  await db.exec(`CREATE TABLE indicateurs AS SELECT * FROM (VALUES ${indicateurs.join(', ')}) t(territoire_code, niveau, indicateur, annee, annee_observee, source_id, valeur)`);
  const contexts = CODES.flatMap((code) => {
    const context = CONTEXT[code] ?? [];
    const weights = collegeWeights(context.map(([, d]) => d));
    return context.map(([uai, d], i) => `(${sqlString(code)}, ${sqlString(uai)}, ${num(d)}, ${i + 1}, ${num(weights[i])})`);
  });
  await db.exec(`CREATE TABLE qpv_colleges AS SELECT * FROM (VALUES ${contexts.join(', ')}) t(qpv_code, uai, distance_m, rang, poids)`);
  const etablissements = Object.entries(COLLEGES).map(([uai, c]) => `(${sqlString(uai)}, ${num(c.ips)}, ${num(c.dnb)})`);
  // A collège in no school context, to be ignored.
  etablissements.push(`('0310024H', 60::DOUBLE, 50::DOUBLE)`);
  await db.exec(`CREATE TABLE etablissements AS SELECT * FROM (VALUES ${etablissements.join(', ')}) t(uai, ips, dnb_taux_reussite)`);
});
afterAll(() => db.close());

const run = async (sql: string) => tableRows(await db.query(sql));
const only = (keep: RiskComponentId[]) => Object.fromEntries(RISK_COMPONENTS.map((c) => [c.id, keep.includes(c.id) ? 1 : 0])) as RiskWeights;

async function expectSqlMatches(weights: RiskWeights): Promise<void> {
  const want = expected(rawValues(), weights);
  const scores = await run(buildRiskScoresQuery(weights));
  expect(scores.map((s) => s.qpv_code)).toEqual(CODES);
  for (const s of scores) {
    const e = want.get(s.qpv_code as string)!;
    const at = `${s.qpv_code}`;
    if (e.score === null) expect(s, at).toMatchObject({ score: null, rang: null, rang_min: null, rang_max: null, percentile: null, classe: null, statut: 'nd' });
    else {
      expect(s.score as number, at).toBeCloseTo(e.score, 9);
      expect(s.percentile as number, at).toBeCloseTo(e.percentile!, 9);
      expect(s, at).toMatchObject({ rang: e.rang, rang_min: e.rangMin, rang_max: e.rangMax, classe: e.classe, statut: 'ok' });
    }
    expect(s.composantes_disponibles, at).toBe(e.disponibles);
  }
  for (const c of await run(buildRiskContributionsQuery(weights))) {
    const e = want.get(c.qpv_code as string)!;
    const id = c.composante as RiskComponentId;
    const at = `${c.qpv_code} ${id}`;
    for (const [column, value] of [['valeur_normalisee', e.normalised.get(id)], ['contribution', e.contributions.get(id)]] as const) {
      if (value === null || value === undefined) expect(c[column], `${at} ${column}`).toBeNull();
      else expect(c[column] as number, `${at} ${column}`).toBeCloseTo(value, 9);
    }
    expect(c.poids, at).toBe(weights[id]);
  }
}

describe('buildRiskComponentValuesQuery', () => {
  it('gives one row per QPV and component, with the raw values methodologie.md defines', async () => {
    const rows = await run(buildRiskComponentValuesQuery());
    expect(rows).toHaveLength(CODES.length * RISK_COMPONENTS.length);
    const raw = rawValues();
    for (const r of rows) {
      const want = raw.get(r.qpv_code as string)!.get(r.composante as RiskComponentId);
      if (want === null) expect(r.valeur_brute, `${r.qpv_code} ${r.composante}`).toBeNull();
      else expect(r.valeur_brute as number, `${r.qpv_code} ${r.composante}`).toBeCloseTo(want!, 9);
    }
  });

  it('takes the latest year and averages the school context with its published weights', async () => {
    const value = async (code: string, id: string) => (await run(`SELECT valeur_brute AS v FROM (${buildRiskComponentValuesQuery()}) WHERE qpv_code = '${code}' AND composante = '${id}'`))[0]!.v;
    expect(await value('QP009001', 'taux_pauvrete')).toBe(40.2);
    // QP011005 has no collège within reach: no IPS. QP034001: two inside (500 / 1000 each), one at 180 m (500 / 680).
    expect(await value('QP011005', 'ips_colleges')).toBeNull();
    const w = [1 / 500, 1 / 500, 1 / 680];
    const total = w.reduce((a, b) => a + b, 0);
    expect(await value('QP034001', 'ips_colleges')).toBeCloseTo((w[0]! * 70.9 + w[1]! * 67.7 + w[2]! * 81.3) / total, 12);
    expect(await value('QP081005', 'dnb_colleges')).toBeCloseTo(83.5, 12);
  });
});

describe('buildRiskScoresQuery / buildRiskContributionsQuery', () => {
  it('match an independent computation with the default weights', async () => {
    await expectSqlMatches(DEFAULT_RISK_WEIGHTS);
  });

  it('match it with other weights, zeros included', async () => {
    await expectSqlMatches({ ...DEFAULT_RISK_WEIGHTS, taux_bas_revenus: 0, ips_colleges: 3, emploi_precaire: 0.25 });
    await expectSqlMatches(only(['ips_colleges', 'dnb_colleges']));
  });

  it('gives a QPV missing a weighted component a null score (n.d.), never 0, and ranks every component among the scored QPV only', async () => {
    const scores = await run(buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    const nd = scores.find((s) => s.qpv_code === 'QP011005')!;
    expect(nd).toEqual({ qpv_code: 'QP011005', score: null, rang: null, rang_min: null, rang_max: null, percentile: null, classe: null, statut: 'nd', composantes_disponibles: 3, composantes_total: 6 });
    const ranks = scores.filter((s) => (s.qpv_code as string).startsWith('QP') && s.statut === 'ok').map((s) => s.rang);
    expect(ranks.sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const contributions = await run(`SELECT valeur_brute, valeur_normalisee, contribution FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) WHERE qpv_code = 'QP011005'`);
    // Its raw values stay visible; no normalised value, no contribution.
    expect(contributions.filter((c) => c.valeur_brute !== null)).toHaveLength(3);
    expect(contributions.every((c) => c.valeur_normalisee === null && c.contribution === null)).toBe(true);
    // The poverty rate of QP011005 (52.2 %) is ranked nowhere: the 8 scored QPV alone span 0 to 100.
    const poverty = await run(`SELECT max(valeur_normalisee) AS hi, count(valeur_normalisee) AS n FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) WHERE qpv_code LIKE 'QP%' AND composante = 'taux_pauvrete'`);
    expect(poverty).toEqual([{ hi: 100, n: 8 }]);
  });

  it('ranks each QPV generation apart; the 2024 ones tie on poverty at the mean rank', async () => {
    const scores = await run(buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    expect(scores.filter((s) => (s.qpv_code as string).startsWith('QN')).map((s) => s.rang).sort()).toEqual([1, 2]);
    const poverty = await run(`SELECT valeur_normalisee AS v FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) WHERE qpv_code LIKE 'QN%' AND composante = 'taux_pauvrete'`);
    expect(poverty).toEqual([{ v: 50 }, { v: 50 }]);
  });

  it('needs only the weighted components: a weight of 0 lets a QPV without that component be scored', async () => {
    const scores = await run(buildRiskScoresQuery(only(['ips_colleges', 'dnb_colleges'])));
    expect(scores.filter((s) => s.statut === 'nd').map((s) => s.qpv_code)).toEqual(['QP011005']);
    const withoutPrecarity = await run(buildRiskScoresQuery({ ...DEFAULT_RISK_WEIGHTS, emploi_precaire: 0, ips_colleges: 0, dnb_colleges: 0 }));
    expect(withoutPrecarity.find((s) => s.qpv_code === 'QP011005')).toMatchObject({ statut: 'ok', composantes_disponibles: 3, composantes_total: 3 });
  });

  it('keeps the rank within its range, the range within the scored QPV, and the range empty for a single weighted component', async () => {
    const scores = await run(buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    for (const s of scores.filter((r) => r.statut === 'ok')) {
      expect(Number(s.rang_min)).toBeLessThanOrEqual(Number(s.rang));
      expect(Number(s.rang)).toBeLessThanOrEqual(Number(s.rang_max));
    }
    const spread = scores.filter((r) => r.statut === 'ok').map((r) => Number(r.rang_max) - Number(r.rang_min));
    expect(Math.max(...spread)).toBeGreaterThan(0);
    for (const s of await run(buildRiskScoresQuery(only(['taux_pauvrete'])))) expect(s.rang_min).toBe(s.rang);
  });

  it('adds the contributions up to the score', async () => {
    const sums = await run(`
      SELECT s.qpv_code, s.score, sum(c.contribution) AS total
      FROM (${buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS)}) s JOIN (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) c USING (qpv_code)
      WHERE s.score IS NOT NULL GROUP BY ALL`);
    expect(sums.length).toBeGreaterThan(0);
    for (const r of sums) expect(r.total as number).toBeCloseTo(r.score as number, 9);
  });

  it('refuses invalid weights before building any SQL', () => {
    expect(() => buildRiskScoresQuery({ ...DEFAULT_RISK_WEIGHTS, taux_emploi: -0.5 })).toThrow('invalid weight -0.5 for risk component "taux_emploi"');
  });
});
