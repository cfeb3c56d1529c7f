import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';
import { buildIndicatorListQuery, buildQpvIndicatorValuesQuery } from '../../src/queries/indicator-queries.ts';
import { connectToPublishedData } from '../support/published-data.ts';

// Run on the committed public/data, loaded as the app loads it.
let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());
const run = async (sql: string) => tableRows(await db.query(sql));

describe('indicator queries, run on the published tables', () => {
  it('lists the risk index, then the 41 QPV indicators with label, unit, direction and year', async () => {
    const list = await run(buildIndicatorListQuery());
    expect(list).toHaveLength(42);
    expect(list[0]!.indicateur).toBe('risque_decrochage');
    expect(list.find((o) => o.indicateur === 'tp60')).toMatchObject({ libelle: expect.stringContaining('pauvreté'), unite: '%', sens: 'hausse_defavorable', annee: 2019 });
  });

  it('gives one row per QPV: values where published, nd elsewhere (the 6 Ille-et-Vilaine QPV)', async () => {
    const rows = await run(buildQpvIndicatorValuesQuery('tp60', DEFAULT_RISK_WEIGHTS));
    expect(rows).toHaveLength(111);
    expect(rows.find((r) => r.code === 'QP009001')).toEqual({ code: 'QP009001', valeur: 40.2, statut: 'ok' });
    expect(rows.filter((r) => r.statut === 'nd').map((r) => r.code)).toEqual(['QP035001', 'QP035002', 'QP035003', 'QP035004', 'QP035005', 'QP035006']);
  });

  it(`hides counts of people under ${SECRET_THRESHOLD} (secret statistique), never rates`, async () => {
    const [meta] = await run("SELECT type_valeur FROM indicateurs_meta WHERE indicateur = 'abcde_f'");
    expect(meta!.type_valeur).toBe('effectif');
    // Published hidden by the pipeline, and one raw count (data the pipeline did not filter) for the app's own rule.
    const hidden = await run("SELECT territoire_code AS code FROM indicateurs WHERE indicateur = 'abcde_f' AND statut = 'secret' AND valeur IS NULL");
    expect(hidden.length).toBeGreaterThan(0);
    await db.exec("CREATE TEMP TABLE indicateurs_backup AS SELECT * FROM indicateurs; UPDATE indicateurs SET valeur = 4 WHERE indicateur = 'abcde_f' AND territoire_code = 'QP031008'");
    try {
      const shown = await run(buildQpvIndicatorValuesQuery('abcde_f', DEFAULT_RISK_WEIGHTS));
      for (const code of [...hidden.map((r) => r.code), 'QP031008']) expect(shown.find((r) => r.code === code)).toMatchObject({ valeur: null, statut: 'secret' });
      expect(shown.every((r) => r.valeur === null || (r.valeur as number) >= SECRET_THRESHOLD)).toBe(true);
    } finally {
      await db.exec('DELETE FROM indicateurs; INSERT INTO indicateurs SELECT * FROM indicateurs_backup; DROP TABLE indicateurs_backup');
    }
    const rates = await run(buildQpvIndicatorValuesQuery('tp60', DEFAULT_RISK_WEIGHTS));
    expect(rates.some((r) => r.statut === 'secret')).toBe(false);
  });

  it('quotes the indicator id: a hostile id returns no value and breaks nothing', async () => {
    const rows = await run(buildQpvIndicatorValuesQuery("x'); DROP TABLE qpv; --", DEFAULT_RISK_WEIGHTS));
    expect(rows.every((r) => r.valeur === null)).toBe(true);
    expect(await run('SELECT count(*) AS n FROM qpv')).toEqual([{ n: 111 }]);
  });
});
