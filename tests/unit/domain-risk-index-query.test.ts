import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildRiskComponentValuesQuery } from '../../src/domain/risk-component-values-query.ts';
import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COMPONENTS, RISK_MIN_COMPONENTS, type RiskComponentId, type RiskWeights } from '../../src/domain/risk-index.ts';
import { sqlNumber, sqlString } from '../../src/domain/sql.ts';

/*
 * The risk SQL run on a small realistic set against an independent TypeScript computation
 * (counting instead of window functions). Fixture schema: the columns of the published
 * `qpv`, `indicateurs` and `etablissements` the SQL reads.
 *
 * Values of the QP… rows are the published ones of nine Occitanie QPV (INSEE 2019/2020,
 * their real collèges with IPS 2022 and DNB 2021); QP011005 has too few components (its
 * job-seeker counts are 0, its precarious-employment rate unpublished, no collège nearby).
 * The two QN… rows are invented 2024-generation QPV: ranked apart from the 2015 ones.
 */
type Values = Partial<Record<'tp60' | 'brev' | 'tx_tot_empl' | 'tx_tot_eprec' | 'abc_capbep' | 'abc_bac' | 'abc_supbac', number | null>>;
const INDICATEURS: Record<string, Values> = {
  QP009001: { tp60: 40.2, brev: 55.6, tx_tot_empl: 50.7, tx_tot_eprec: 23.9, abc_capbep: 96, abc_bac: 43, abc_supbac: 68 },
  QP011005: { tp60: 52.2, brev: 68, tx_tot_empl: 29.3, tx_tot_eprec: null, abc_capbep: 0, abc_bac: 0, abc_supbac: 0 },
  QP030001: { tp60: 46.6, brev: 62.5, tx_tot_empl: 36.6, tx_tot_eprec: 24.2, abc_capbep: 1172, abc_bac: 541, abc_supbac: 363 },
  QP031003: { tp60: 37.2, brev: 53.1, tx_tot_empl: 51.6, tx_tot_eprec: 24.5, abc_capbep: 120, abc_bac: 67, abc_supbac: 44 },
  QP031007: { tp60: 48.5, brev: 69.1, tx_tot_empl: 38.1, tx_tot_eprec: 25.7, abc_capbep: 1803, abc_bac: 1415, abc_supbac: 1233 },
  QP034001: { tp60: 56.3, brev: 70.2, tx_tot_empl: 35.9, tx_tot_eprec: 26.2, abc_capbep: 1689, abc_bac: 811, abc_supbac: 627 },
  QP066001: { tp60: 36, brev: 50.2, tx_tot_empl: 49.7, tx_tot_eprec: 24.8, abc_capbep: 102, abc_bac: 74, abc_supbac: 43 },
  QP066007: { tp60: 40.9, brev: 56.3, tx_tot_empl: 42, tx_tot_eprec: 19.3, abc_capbep: 203, abc_bac: 96, abc_supbac: 87 },
  QP081005: { tp60: 36.7, brev: 52.5, tx_tot_empl: 54.8, tx_tot_eprec: 27.7, abc_capbep: 129, abc_bac: 73, abc_supbac: 67 },
  // Invented: tied poverty rates (mean rank), a missing bac count (no share).
  // Invented: 7 job seekers above the bac, under the secret statistique: no share of CAP-BEP.
  QN03101A: { tp60: 45, brev: 60, tx_tot_empl: 40, tx_tot_eprec: 25, abc_capbep: 100, abc_bac: 50, abc_supbac: 7 },
  QN03102B: { tp60: 45, brev: 65, tx_tot_empl: 45, tx_tot_eprec: 20, abc_capbep: 80, abc_bac: null, abc_supbac: 20 },
};
const YEAR: Record<string, number> = { tp60: 2019, brev: 2019, tx_tot_empl: 2020, tx_tot_eprec: 2020, abc_capbep: 2020, abc_bac: 2020, abc_supbac: 2020 };

interface College {
  uai: string;
  secteur: 'public' | 'prive';
  qpv_code: string | null;
  qpv_300m: string | null;
  ips: number | null;
  dnb: number | null;
}
const COLLEGES: College[] = [
  { uai: '0090038T', secteur: 'prive', qpv_code: 'QP009001', qpv_300m: 'QP009001', ips: 103.6, dnb: 95 },
  { uai: '0300922P', secteur: 'prive', qpv_code: 'QP030001', qpv_300m: 'QP030001', ips: 116, dnb: 93.9 },
  { uai: '0300947S', secteur: 'public', qpv_code: null, qpv_300m: 'QP030001', ips: 78.8, dnb: 74.2 },
  { uai: '0301013N', secteur: 'public', qpv_code: 'QP030001', qpv_300m: 'QP030001', ips: 72.6, dnb: 76.1 },
  { uai: '0301014P', secteur: 'public', qpv_code: 'QP030001', qpv_300m: 'QP030001', ips: 86.5, dnb: 78 },
  { uai: '0310083X', secteur: 'public', qpv_code: null, qpv_300m: 'QP031003', ips: 93.2, dnb: 75.2 },
  { uai: '0310086A', secteur: 'public', qpv_code: null, qpv_300m: 'QP031007', ips: 71.9, dnb: 74.5 },
  { uai: '0311630D', secteur: 'public', qpv_code: 'QP031007', qpv_300m: 'QP031007', ips: 74.6, dnb: 79.3 },
  { uai: '0311718Z', secteur: 'public', qpv_code: null, qpv_300m: 'QP031007', ips: 87.1, dnb: 87.9 },
  { uai: '0311851U', secteur: 'public', qpv_code: 'QP031003', qpv_300m: 'QP031003', ips: 96.2, dnb: 86.9 },
  { uai: '0313080E', secteur: 'public', qpv_code: null, qpv_300m: 'QP031007', ips: 92.6, dnb: null },
  { uai: '0340118U', secteur: 'public', qpv_code: 'QP034001', qpv_300m: 'QP034001', ips: 70.9, dnb: 64.6 },
  { uai: '0340836Z', secteur: 'public', qpv_code: 'QP034001', qpv_300m: 'QP034001', ips: 67.7, dnb: 76.4 },
  { uai: '0340869K', secteur: 'prive', qpv_code: 'QP034001', qpv_300m: 'QP034001', ips: 126, dnb: 98.3 },
  { uai: '0342132H', secteur: 'public', qpv_code: null, qpv_300m: 'QP034001', ips: 81.3, dnb: 73.9 },
  { uai: '0810960D', secteur: 'public', qpv_code: 'QP081005', qpv_300m: 'QP081005', ips: 108.6, dnb: 83.5 },
  // Invented: one collège near both 2024 QPV (so n = 2 for them), another near one only.
  { uai: '0319999X', secteur: 'public', qpv_code: 'QN03101A', qpv_300m: 'QN03101A,QN03102B', ips: 80, dnb: 70 },
  { uai: '0319998W', secteur: 'public', qpv_code: null, qpv_300m: 'QN03102B', ips: 90, dnb: null },
];
const CODES = Object.keys(INDICATEURS).sort();

// ---------------------------------------------------------------- independent computation

type Raw = Map<string, Map<RiskComponentId, number | null>>;
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Raw component values from the fixture, as methodologie.md defines them. */
function rawValues(): Raw {
  const raw: Raw = new Map();
  for (const code of CODES) {
    const v = INDICATEURS[code]!;
    const near = COLLEGES.filter((c) => c.secteur === 'public' && (c.qpv_code === code || (c.qpv_300m ?? '').split(',').includes(code)));
    const values = new Map<RiskComponentId, number | null>();
    for (const c of RISK_COMPONENTS) {
      const s = c.source;
      if (s.kind === 'indicateur') values.set(c.id, v[s.indicateur as keyof Values] ?? null);
      else if (s.kind === 'part') {
        const parts = s.denominateur.map((d) => v[d as keyof Values] ?? null);
        const total = parts.every((p) => p !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : 0;
        // A share of counts of people, one of them under the secret statistique, would reveal it.
        const secret = [s.numerateur, ...s.denominateur].some((d) => (v[d as keyof Values] ?? Infinity) < SECRET_THRESHOLD);
        values.set(c.id, total > 0 && !secret ? (100 * v[s.numerateur as keyof Values]!) / total : null);
      } else values.set(c.id, mean(near.flatMap((n) => (s.colonne === 'ips' ? n.ips : n.dnb) ?? [])));
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
  percentile: number | null;
  classe: number | null;
  disponibles: number;
  normalised: Map<RiskComponentId, number | null>;
  contributions: Map<RiskComponentId, number | null>;
}

function expected(raw: Raw, weights: RiskWeights): Map<string, Expected> {
  const generation = (code: string) => code.slice(0, 2);
  const weighted = RISK_COMPONENTS.filter((c) => weights[c.id] > 0);
  const required = Math.min(RISK_MIN_COMPONENTS, weighted.length);
  const out = new Map<string, Expected>();
  for (const code of CODES) {
    const normalised = new Map<RiskComponentId, number | null>();
    for (const c of RISK_COMPONENTS) {
      const x = raw.get(code)!.get(c.id);
      const peers = CODES.filter((o) => generation(o) === generation(code)).flatMap((o) => raw.get(o)!.get(c.id) ?? []);
      normalised.set(c.id, x === null || x === undefined ? null : percentile(c.sens * x, peers.map((p) => c.sens * p)));
    }
    const available = weighted.filter((c) => normalised.get(c.id) !== null);
    const totalWeight = available.reduce((a, c) => a + weights[c.id], 0);
    const scored = available.length >= required;
    const contributions = new Map(RISK_COMPONENTS.map((c) => [c.id, scored && normalised.get(c.id) !== null ? (weights[c.id] * normalised.get(c.id)!) / totalWeight : null]));
    const score = scored ? available.reduce((a, c) => a + contributions.get(c.id)!, 0) : null;
    out.set(code, { score, rang: null, percentile: null, classe: null, disponibles: available.length, normalised, contributions });
  }
  for (const [code, e] of out) {
    if (e.score === null) continue;
    const peers = [...out].filter(([o, p]) => o.slice(0, 2) === code.slice(0, 2) && p.score !== null).map(([, p]) => p.score!);
    e.rang = 1 + peers.filter((s) => s > e.score!).length;
    e.percentile = percentile(e.score, peers);
    e.classe = Math.min(5, Math.floor(e.percentile / 20) + 1);
  }
  return out;
}

// ---------------------------------------------------------------- DuckDB

let db: Connector;
beforeAll(async () => {
  db = await createNodeConnector();
  const text = (v: string | null) => (v === null ? 'NULL' : sqlString(v));
  const num = (v: number | null | undefined) => (v === null || v === undefined ? 'NULL' : `${sqlNumber(v)}::DOUBLE`);
  await db.exec(`CREATE TABLE qpv AS SELECT * FROM (VALUES ${CODES.map((c) => `(${sqlString(c)})`).join(', ')}) t(code)`);
  const indicateurs = CODES.flatMap((code) => Object.entries(INDICATEURS[code]!).map(([id, v]) => `(${sqlString(code)}, 'qpv', ${sqlString(id)}, ${YEAR[id]}, ${num(v)})`));
  // An older year and another niveau, both to be ignored.
  indicateurs.push("('QP009001', 'qpv', 'tp60', 2016, 99::DOUBLE)", "('31555', 'commune', 'tp60', 2019, 12::DOUBLE)");
  await db.exec(`CREATE TABLE indicateurs AS SELECT * FROM (VALUES ${indicateurs.join(', ')}) t(territoire_code, niveau, indicateur, annee, valeur)`);
  const types = Object.keys(YEAR).map((id) => `(${sqlString(id)}, ${sqlString(id.startsWith('abc_') ? 'effectif' : 'taux')})`);
  await db.exec(`CREATE TABLE indicateurs_meta AS SELECT * FROM (VALUES ${types.join(', ')}) t(indicateur, type_valeur)`);
  const etablissements = COLLEGES.map((c) => `(${sqlString(c.uai)}, 'college', ${sqlString(c.secteur)}, ${text(c.qpv_code)}, ${text(c.qpv_300m)}, ${num(c.ips)}, ${num(c.dnb)})`);
  // A lycée near a QPV, to be ignored.
  etablissements.push("('0310024H', 'lycee', 'public', 'QP031007', 'QP031007', NULL::DOUBLE, NULL::DOUBLE)");
  await db.exec(`CREATE TABLE etablissements AS SELECT * FROM (VALUES ${etablissements.join(', ')}) t(uai, type, secteur, qpv_code, qpv_300m, ips, dnb_taux_reussite)`);
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
    if (e.score === null) expect(s, at).toMatchObject({ score: null, rang: null, percentile: null, classe: null, statut: 'nd' });
    else {
      expect(s.score as number, at).toBeCloseTo(e.score, 9);
      expect(s.percentile as number, at).toBeCloseTo(e.percentile!, 9);
      expect(s, at).toMatchObject({ rang: e.rang, classe: e.classe, statut: 'ok' });
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

  it('takes the latest year, leaves private collèges out and counts collèges within 300 m', async () => {
    const value = async (code: string, id: string) => (await run(`SELECT valeur_brute AS v FROM (${buildRiskComponentValuesQuery()}) WHERE qpv_code = '${code}' AND composante = '${id}'`))[0]!.v;
    expect(await value('QP009001', 'taux_pauvrete')).toBe(40.2);
    // QP009001 has only a private collège: no IPS; QP034001: the mean of its three public ones.
    expect(await value('QP009001', 'ips_colleges')).toBeNull();
    expect(await value('QP034001', 'ips_colleges')).toBeCloseTo((70.9 + 67.7 + 81.3) / 3, 12);
    // A share needs every count, and a non-zero total.
    expect(await value('QN03102B', 'demandeurs_cap_bep')).toBeNull();
    expect(await value('QP011005', 'demandeurs_cap_bep')).toBeNull();
    expect(await value('QP031003', 'demandeurs_cap_bep')).toBeCloseTo((100 * 120) / (120 + 67 + 44), 12);
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

  it('gives a QPV with too few components a null score (n.d.), never 0, and leaves it out of the ranks', async () => {
    const scores = await run(buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    const nd = scores.find((s) => s.qpv_code === 'QP011005')!;
    expect(nd).toEqual({ qpv_code: 'QP011005', score: null, rang: null, percentile: null, classe: null, statut: 'nd', composantes_disponibles: 3, composantes_total: 7 });
    const ranks = scores.filter((s) => (s.qpv_code as string).startsWith('QP') && s.statut === 'ok').map((s) => s.rang);
    expect(ranks.sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const contributions = await run(`SELECT contribution FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) WHERE qpv_code = 'QP011005'`);
    expect(contributions.every((c) => c.contribution === null)).toBe(true);
  });

  it('ranks each QPV generation apart; the 2024 ones tie on poverty at the mean rank', async () => {
    const scores = await run(buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    expect(scores.filter((s) => (s.qpv_code as string).startsWith('QN')).map((s) => s.rang).sort()).toEqual([1, 2]);
    const poverty = await run(`SELECT valeur_normalisee AS v FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) WHERE qpv_code LIKE 'QN%' AND composante = 'taux_pauvrete'`);
    expect(poverty).toEqual([{ v: 50 }, { v: 50 }]);
  });

  it('asks only for the weighted components when fewer than the minimum carry a weight', async () => {
    const scores = await run(buildRiskScoresQuery(only(['ips_colleges', 'dnb_colleges'])));
    // QP009001 (private collège only) and QP066001 (none) have no collège component.
    expect(scores.filter((s) => s.statut === 'nd').map((s) => s.qpv_code)).toEqual(['QP009001', 'QP011005', 'QP066001', 'QP066007']);
    expect(scores.find((s) => s.qpv_code === 'QP031007')).toMatchObject({ statut: 'ok', composantes_disponibles: 2, composantes_total: 2 });
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
