import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildQpvEtablissementsQuery, buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../../src/queries/fiche-qpv-queries.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());
const run = async (sql: string) => tableRows(await db.query(sql));

describe('fiche QPV queries, run on the published tables', () => {
  it('names the QPV, its commune, département and région', async () => {
    expect(await run(buildQpvIdentityQuery('QP066007'))).toEqual([
      expect.objectContaining({ code: 'QP066007', nom: 'Bas-Vernet Nouveau QPV', communes_libelle: 'Perpignan', departement_nom: 'Pyrénées-Orientales', region_nom: 'Occitanie' }),
    ]);
  });

  it('gives every indicator with the all-QPV median and a rank where 1 is the worst', async () => {
    const rows = await run(buildQpvIndicatorsQuery('QP066007'));
    expect(rows).toHaveLength(41);
    const tp60 = rows.find((r) => r.indicateur === 'tp60')!;
    const [expected] = await run(`
      SELECT (SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007') AS valeur,
             median(valeur) AS mediane, 1 + count(*) FILTER (WHERE valeur > (SELECT valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code = 'QP066007')) AS rang
      FROM indicateurs WHERE indicateur = 'tp60'`);
    expect(tp60).toMatchObject({ valeur: expected!.valeur, mediane_qpv: expected!.mediane, rang: expected!.rang, qpv_avec_valeur: 105 });
    // Higher employment is better: rank 1 is the lowest rate.
    const empl = await run("SELECT territoire_code FROM indicateurs WHERE indicateur = 'tx_tot_empl' ORDER BY valeur ASC LIMIT 1");
    const worst = await run(buildQpvIndicatorsQuery(String(empl[0]!.territoire_code)));
    expect(worst.find((r) => r.indicateur === 'tx_tot_empl')!.rang).toBe(1);
    expect(rows.find((r) => r.indicateur === 'pop_mun')!.rang).toBeNull();
  });

  it('lists the establishments in the QPV and within 300 m', async () => {
    const rows = await run(buildQpvEtablissementsQuery('QP066007'));
    const expected = await run("SELECT count(*) AS n FROM etablissements WHERE qpv_code = 'QP066007' OR qpv_300m LIKE '%QP066007%'");
    expect(rows).toHaveLength(Number(expected[0]!.n));
    expect(rows.length).toBeGreaterThan(0);
  });
});
