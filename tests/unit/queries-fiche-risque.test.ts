import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COMPONENTS } from '../../src/domain/risk-index.ts';
import { SERVICES_16_25 } from '../../src/domain/services-16-25.ts';
import { buildQpvCollegesQuery, buildQpvRisqueQuery, buildQpvServicesQuery, buildScoredCoverageQuery } from '../../src/queries/fiche-risque-queries.ts';
import { coverageLabel, type CoverageSqlRow, describeCoverage } from '../../src/domain/loaded-coverage.ts';
import { buildCollegesView, buildRisqueView, buildServicesView, type CollegeSqlRow, rankText, type RisqueSqlRow, type ServiceSqlRow } from '../../src/view-models/fiche-risque-model.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());
const run = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];

describe('fiche QPV: risk index and 16–25 services, on the published tables', () => {
  it('gives the published score, rank and class, and components whose points add up to the score', async () => {
    const view = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery('QP066007', DEFAULT_RISK_WEIGHTS)))!;
    const [published] = await run<{ score: number; rang: number; classe: number }>("SELECT score, rang, classe FROM risque_decrochage WHERE qpv_code = 'QP066007'");
    expect(view).toMatchObject({ score: published!.score, rang: published!.rang, classe: { classe: published!.classe } });
    expect(view.composantes.map((c) => c.id).sort()).toEqual(RISK_COMPONENTS.map((c) => c.id).sort());
    expect(view.composantes.reduce((sum, c) => sum + (c.contribution ?? 0), 0)).toBeCloseTo(published!.score, 6);
    // Largest contribution first, components without value last.
    const points = view.composantes.map((c) => c.contribution ?? -1);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    const [ranked] = await run<{ n: number }>("SELECT count(score) AS n FROM risque_decrochage r JOIN qpv q ON q.code = r.qpv_code WHERE q.generation = '2015'");
    expect(view.qpvClasses).toBe(ranked!.n);
  });

  it('names the QPV a rank is taken among, from the data: the scored ones of its generation', async () => {
    const label = (weights: typeof DEFAULT_RISK_WEIGHTS) => run<CoverageSqlRow>(buildScoredCoverageQuery('QP034002', weights)).then((rows) => coverageLabel(describeCoverage(rows), 'notés'));
    const [scored] = await run<{ n: number }>("SELECT count(score) AS n FROM risque_decrochage WHERE qpv_code LIKE 'QP%'");
    // INSEE gives no indicator for the Ille-et-Vilaine QPV: none of them is scored with the default weights.
    expect(await label(DEFAULT_RISK_WEIGHTS)).toBe(`les ${scored!.n} QPV notés des données chargées : Occitanie`);
    // With the collèges alone, every loaded QPV is scored, Ille-et-Vilaine's too.
    const collegesOnly = { ...Object.fromEntries(RISK_COMPONENTS.map((c) => [c.id, 0])), ips_colleges: 1, dnb_colleges: 1 } as typeof DEFAULT_RISK_WEIGHTS;
    expect(await label(collegesOnly)).toBe('les 111 QPV notés des données chargées : Occitanie, Ille-et-Vilaine');
  });

  it('gives the rank with its published range when each weight varies from half to double', async () => {
    const view = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery('QP034002', DEFAULT_RISK_WEIGHTS)))!;
    const [published] = await run<{ rang: number; rang_min: number; rang_max: number }>("SELECT rang, rang_min, rang_max FROM risque_decrochage WHERE qpv_code = 'QP034002'");
    expect(view).toMatchObject({ rang: published!.rang, rangMin: published!.rang_min, rangMax: published!.rang_max });
    expect(published!.rang_min).toBeLessThan(published!.rang_max);
    // Over the finite grid the range is computed on: each of the six weights × ½, 1 or 2.
    expect(rankText(view)).toBe(`${published!.rang}ᵉ sur ${view.qpvClasses} — entre ${published!.rang_min}ᵉ et ${published!.rang_max}ᵉ sur les 729 pondérations où chaque poids est multiplié par ½, 1 ou 2`);
    // Other weights, another range, recomputed in the browser's SQL.
    const doubled = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery('QP034002', { ...DEFAULT_RISK_WEIGHTS, ips_colleges: 3, dnb_colleges: 3 })))!;
    expect([doubled.rangMin, doubled.rangMax]).not.toEqual([published!.rang_min, published!.rang_max]);
    expect(doubled.rangMin!).toBeLessThanOrEqual(doubled.rang!);
    expect(doubled.rang!).toBeLessThanOrEqual(doubled.rangMax!);
  });

  it('lists the collèges of the school context, nearest first, with distance and weight', async () => {
    const colleges = buildCollegesView(await run<CollegeSqlRow>(buildQpvCollegesQuery('QP034002')));
    const published = await run<{ uai: string; distance_m: number; poids: number }>("SELECT uai, distance_m, poids FROM qpv_colleges WHERE qpv_code = 'QP034002' ORDER BY rang");
    expect(colleges.map((c) => c.uai)).toEqual(published.map((p) => p.uai));
    expect(colleges.length).toBeGreaterThan(0);
    for (const [i, c] of colleges.entries()) {
      expect(c.distanceText).toMatch(published[i]!.distance_m === 0 ? /^dans le QPV$/ : /^[\d  ,]+ (m|km)$/);
      expect(c.poidsText).toMatch(/^[\d,]+ %$/);
      expect(c.ips).not.toBeNull();
      expect(c.dnb).not.toBeNull();
    }
    expect(published.reduce((a, p) => a + p.poids, 0)).toBeCloseTo(1, 12);
  });

  it('lists every 16–25 category, nearest first, those the data does not locate said so', async () => {
    const services = buildServicesView(await run<ServiceSqlRow>(buildQpvServicesQuery('QP066007')), 3000);
    expect(services.map((s) => s.categorie).sort()).toEqual(SERVICES_16_25.map((s) => s.id).sort());
    const [nearest] = await run<{ categorie: string; distance_m: number }>("SELECT categorie, distance_m FROM acces_services WHERE qpv_code = 'QP066007' ORDER BY distance_m NULLS LAST LIMIT 1");
    expect(services[0]!.categorie).toBe(nearest!.categorie);
    expect(services[0]!.distanceText).toMatch(/^[\d ,]+ (m|km)$/);
    expect(services.find((s) => s.categorie === 'mission_locale')!.distanceText).toBe('aucun lieu localisé dans les données');
  });
});
