import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COMPONENTS } from '../../src/domain/risk-index.ts';
import { SERVICES_16_25 } from '../../src/domain/services-16-25.ts';
import { buildQpvRisqueQuery, buildQpvServicesQuery } from '../../src/queries/fiche-risque-queries.ts';
import { buildRisqueView, buildServicesView, type RisqueSqlRow, type ServiceSqlRow } from '../../src/view-models/fiche-risque-model.ts';
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

  it('hides a share of job seekers computed from a count under the secret statistique, not the score', async () => {
    await db.exec("CREATE TEMP TABLE indicateurs_backup AS SELECT * FROM indicateurs; UPDATE indicateurs SET valeur = 5 WHERE indicateur = 'abc_supbac' AND territoire_code = 'QP066007'");
    try {
      const view = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery('QP066007', DEFAULT_RISK_WEIGHTS)))!;
      const share = view.composantes.find((c) => c.id === 'demandeurs_cap_bep')!;
      expect(share).toMatchObject({ valeur: { status: 'secret' }, text: 'masqué (effectif < 11)', normalisee: null, contribution: null });
      expect(view.composantes.find((c) => c.id === 'taux_pauvrete')!.valeur.status).toBe('ok');
      expect(view.score).not.toBeNull();
    } finally {
      await db.exec('DELETE FROM indicateurs; INSERT INTO indicateurs SELECT * FROM indicateurs_backup; DROP TABLE indicateurs_backup');
    }
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
