import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import {
  buildQpvActionsQuery,
  buildQpvEtablissementsQuery,
  buildQpvIdentityQuery,
  buildQpvIndicatorsQuery,
  buildQpvProgrammesQuery,
  buildQpvRiskIndicatorQuery,
} from '../../src/queries/fiche-qpv-queries.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { buildRiskIndicatorValuesQuery } from '../../src/queries/risk-indicator-queries.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());
const run = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await run(sql))[0]!;

describe('fiche QPV queries, run on the published tables', () => {
  it('names the QPV, its commune, département and région, in the order asked', async () => {
    const rows = await run(buildQpvIdentityQuery(['QP066007', 'QP035002']));
    expect(rows).toEqual([
      expect.objectContaining({ code: 'QP066007', nom: 'Bas-Vernet Nouveau QPV', communes_libelle: 'Perpignan', departement_nom: 'Pyrénées-Orientales', region_nom: 'Occitanie', generation: '2015' }),
      expect.objectContaining({ code: 'QP035002', nom: 'Villejean', departement_nom: 'Ille-et-Vilaine', region_nom: 'Bretagne' }),
    ]);
    expect((await run(buildQpvIdentityQuery(['QP035002', 'QP066007']))).map((r) => r.code)).toEqual(['QP035002', 'QP066007']);
  });

  it('gives every indicator with the all-QPV median and a rank where 1 is the worst', async () => {
    const rows = await run(buildQpvIndicatorsQuery(['QP066007']));
    expect(rows).toHaveLength(41);
    const tp60 = rows.find((r) => r.indicateur === 'tp60')!;
    const expected = await one(`
      SELECT (SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007') AS valeur,
             median(valeur) AS mediane, 1 + count(*) FILTER (WHERE valeur > (SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007')) AS rang
      FROM indicateurs WHERE indicateur = 'tp60'`);
    expect(tp60).toMatchObject({ valeur: expected.valeur, mediane_qpv: expected.mediane, rang: expected.rang, qpv_avec_valeur: 105 });
    // Higher employment is better: rank 1 is the lowest rate.
    const empl = await run("SELECT territoire_code FROM indicateurs WHERE indicateur = 'tx_tot_empl' ORDER BY valeur ASC LIMIT 1");
    const worst = await run(buildQpvIndicatorsQuery([String(empl[0]!.territoire_code)]));
    expect(worst.find((r) => r.indicateur === 'tx_tot_empl')!.rang).toBe(1);
    expect(rows.find((r) => r.indicateur === 'pop_mun')!.rang).toBeNull();
  });

  it('gives the medians of the QPV of the same département and région, and the centile', async () => {
    const tp60 = (await run(buildQpvIndicatorsQuery(['QP066007']))).find((r) => r.indicateur === 'tp60')!;
    const expected = await one(`
      SELECT median(i.valeur) FILTER (WHERE q.departement_code = '66') AS dep, count(i.valeur) FILTER (WHERE q.departement_code = '66') AS n_dep,
             median(i.valeur) FILTER (WHERE q.region_code = '76') AS reg,
             count(*) FILTER (WHERE i.valeur < (SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007')) AS lower,
             count(i.valeur) AS n
      FROM indicateurs i JOIN qpv q ON q.code = i.territoire_code WHERE i.indicateur = 'tp60'`);
    expect(tp60).toMatchObject({ mediane_departement: expected.dep, qpv_departement: expected.n_dep, mediane_region: expected.reg });
    expect(expected.n_dep).toBe(10);
    expect(tp60.centile).toBe(Math.round((100 * Number(expected.lower)) / (Number(expected.n) - 1)));
  });

  it('gives a QPV without published indicators a row per indicator, n.d., with the all-QPV reference', async () => {
    const rows = await run(buildQpvIndicatorsQuery(['QP035002', 'QP066007']));
    expect(rows).toHaveLength(82);
    expect(rows.slice(0, 41).every((r) => r.qpv_code === 'QP035002')).toBe(true);
    const tp60 = rows.find((r) => r.qpv_code === 'QP035002' && r.indicateur === 'tp60')!;
    expect(tp60).toMatchObject({ valeur: null, statut: 'nd', rang: null, centile: null, mediane_departement: null, qpv_departement: 0, annee: 2019 });
    expect(tp60.mediane_qpv).toBe(rows.find((r) => r.qpv_code === 'QP066007' && r.indicateur === 'tp60')!.mediane_qpv);
  });

  it('gives the risk index as one more indicator: the published score, with its median and rank among the QPV with one', async () => {
    const codes = ['QP066007', 'QP034004', 'QP031001'];
    const rows = await run(buildQpvRiskIndicatorQuery(codes, DEFAULT_RISK_WEIGHTS));
    expect(rows.map((r) => r.qpv_code)).toEqual(codes);
    const all = await one('SELECT median(score) AS mediane, count(score) AS n FROM risque_decrochage');
    for (const row of rows) {
      const published = await one(`SELECT score, (SELECT 1 + count(*) FROM risque_decrochage o WHERE o.score > r.score) AS rang FROM risque_decrochage r WHERE qpv_code = '${row.qpv_code}'`);
      expect(published.score).not.toBeNull();
      expect(row).toMatchObject({ indicateur: 'risque_decrochage', unite: 'indice', sens: 'hausse_defavorable', theme: 'risque', statut: 'ok', rang: Number(published.rang), qpv_avec_valeur: Number(all.n) });
      expect(row.valeur as number).toBeCloseTo(published.score as number, 9);
      expect(row.mediane_qpv as number).toBeCloseTo(all.mediane as number, 9);
    }
  });

  it('gives the risk index under other weights as the map colours it', async () => {
    const weights = { ...DEFAULT_RISK_WEIGHTS, [Object.keys(DEFAULT_RISK_WEIGHTS)[0]!]: 0 };
    const codes = (await run('SELECT qpv_code FROM risque_decrochage ORDER BY qpv_code LIMIT 6')).map((r) => String(r.qpv_code));
    const rows = await run(buildQpvRiskIndicatorQuery(codes, weights));
    const map = new Map((await run(buildRiskIndicatorValuesQuery(weights))).map((r) => [r.code, r]));
    for (const row of rows) expect(row).toMatchObject({ valeur: map.get(row.qpv_code)!.valeur, statut: map.get(row.qpv_code)!.statut });
    const defaults = await run(buildQpvRiskIndicatorQuery(codes, DEFAULT_RISK_WEIGHTS));
    expect(rows.some((r, i) => r.valeur !== defaults[i]!.valeur)).toBe(true);
    expect(rows[0]!.libelle).toBe(`${defaults[0]!.libelle} — avec vos pondérations`);
  });

  it('lists the establishments in the QPV and within 300 m, in the QPV flagged', async () => {
    const rows = await run(buildQpvEtablissementsQuery('QP066007'));
    const expected = await one("SELECT count(*) AS n, count(*) FILTER (WHERE qpv_code = 'QP066007') AS inside FROM etablissements WHERE qpv_code = 'QP066007' OR qpv_300m LIKE '%QP066007%'");
    expect(rows).toHaveLength(Number(expected.n));
    expect(rows.filter((r) => r.dans_le_qpv === true)).toHaveLength(Number(expected.inside));
    expect(rows.every((r) => typeof r.dans_le_qpv === 'boolean')).toBe(true);
    expect(rows[0]!.ep).toBe('REP+');
  });

  it('finds the Cité éducative whose perimeter holds the QPV, and none elsewhere', async () => {
    expect(await run(buildQpvProgrammesQuery('QP034005'))).toEqual([expect.objectContaining({ programme: 'cite', nom: 'Cité éducative de La Mosson', perimetre: 'qpv' })]);
    // La Mosson's perimeter is its QPV, not Montpellier: Celleneuve, in the same commune, is not in it.
    expect(await run(buildQpvProgrammesQuery('QP034004'))).toEqual([]);
    expect(await run(buildQpvProgrammesQuery('QP066007'))).toEqual([]);
  });

  it('lists the actions of the QPV by sphère: those of its commune when they name no QPV', async () => {
    // No action of the recueil lies in a QPV of the embedded data: the query runs and finds none…
    expect(await run(buildQpvActionsQuery('QP034004'))).toEqual([]);
    // …and finds those of a commune once a QPV is there (a QPV moved to Pau for the test).
    await db.exec("CREATE TEMP TABLE qpv_backup AS SELECT * FROM qpv; UPDATE qpv SET commune_code = '64445' WHERE code = 'QP034004'");
    try {
      const rows = await run(buildQpvActionsQuery('QP034004'));
      const pau = await run("SELECT id, spheres FROM actions WHERE list_contains(string_split(commune_code, '|'), '64445') AND qpv_code IS NULL");
      expect(pau.length).toBeGreaterThan(0);
      expect(rows.length).toBe(pau.reduce((n, a) => n + String(a.spheres).split('|').length, 0));
      expect(rows.every((r) => r.rattachement === 'commune')).toBe(true);
    } finally {
      await db.exec('DELETE FROM qpv; INSERT INTO qpv SELECT * FROM qpv_backup; DROP TABLE qpv_backup');
    }
  });
});
