import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import {
  coverageLabel,
  coverageMedianLabel,
  coverageShortLabel,
  type CoverageSqlRow,
  departementMedianLabel,
  describeCoverage,
  regionMedianLabel,
} from '../../src/domain/loaded-coverage.ts';
import { buildLoadedCoverageQuery } from '../../src/queries/loaded-coverage-query.ts';
import { connectToPublishedData } from '../support/published-data.ts';

const coverageOf = async (db: Connector) => describeCoverage(tableRows(await db.query(buildLoadedCoverageQuery())) as unknown as CoverageSqlRow[]);
const count = async (db: Connector, sql: string) => Number(tableRows(await db.query(sql))[0]!.n);

describe('the loaded QPV, named from the published tables', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await connectToPublishedData();
  });
  afterAll(() => db.close());

  it('counts every published QPV and names Occitanie (QPV in several départements) and Ille-et-Vilaine (the only département of Bretagne with QPV)', async () => {
    const coverage = await coverageOf(db);
    expect(coverage.qpv).toBe(await count(db, 'SELECT count(*) AS n FROM qpv'));
    expect(await count(db, "SELECT count(DISTINCT departement_code) AS n FROM qpv WHERE region_code = '76'")).toBeGreaterThan(1);
    expect(await count(db, "SELECT count(DISTINCT departement_code) AS n FROM qpv WHERE region_code = '53'")).toBe(1);
    expect(coverageLabel(coverage)).toBe('les 111 QPV des données chargées : Occitanie, Ille-et-Vilaine');
    expect(coverageShortLabel(coverage)).toBe('111 QPV chargés');
    expect(coverageMedianLabel(coverage)).toBe('Médiane des 111 QPV des données chargées : Occitanie, Ille-et-Vilaine');
  });

  it('gives each département and région median the count of its loaded QPV', async () => {
    const coverage = await coverageOf(db);
    const herault = await count(db, "SELECT count(*) AS n FROM qpv WHERE departement_code = '34'");
    expect(departementMedianLabel(coverage, '34')).toBe(`Médiane des ${herault} QPV du département (Hérault)`);
    expect(herault).toBe(22);
    const occitanie = await count(db, "SELECT count(*) AS n FROM qpv WHERE region_code = '76'");
    expect(regionMedianLabel(coverage, '76')).toBe(`Médiane des ${occitanie} QPV de la région (Occitanie)`);
    expect(departementMedianLabel(coverage, '2A')).toBe('Médiane des QPV du département (2A)');
  });
});

describe('the naming rule on a small dataset', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await createNodeConnector();
    await db.exec(`
      CREATE TABLE territoires AS SELECT * FROM (VALUES
        ('region', '76', 'Occitanie'), ('region', '53', 'Bretagne'), ('region', '11', 'Île-de-France'),
        ('departement', '31', 'Haute-Garonne'), ('departement', '34', 'Hérault'), ('departement', '35', 'Ille-et-Vilaine'),
        ('departement', '93', 'Seine-Saint-Denis'), ('departement', '94', 'Val-de-Marne')
      ) t(niveau, code, nom);
      CREATE TABLE qpv (code VARCHAR, generation VARCHAR, departement_code VARCHAR, region_code VARCHAR);`);
  });
  afterAll(() => db.close());
  const load = (rows: string) => db.exec(`DELETE FROM qpv; INSERT INTO qpv VALUES ${rows}`);

  it('names a région when its QPV span two départements, a département when it is the région’s only one', async () => {
    await load(`('QP031001', '2015', '31', '76'), ('QP034001', '2015', '34', '76'), ('QP034002', '2015', '34', '76'),
                ('QP035001', '2015', '35', '53'), ('QP035002', '2015', '35', '53'), ('QP035003', '2015', '35', '53'), ('QP035004', '2015', '35', '53')`);
    const coverage = await coverageOf(db);
    // Ille-et-Vilaine has more QPV than Occitanie here: largest first.
    expect(coverageLabel(coverage)).toBe('les 7 QPV des données chargées : Ille-et-Vilaine, Occitanie');
    expect(coverage.generations).toEqual([
      {
        generation: '2015',
        qpv: 7,
        places: [
          { niveau: 'departement', code: '35', nom: 'Ille-et-Vilaine', qpv: 4 },
          { niveau: 'region', code: '76', nom: 'Occitanie', qpv: 3 },
        ],
      },
    ]);
    expect(departementMedianLabel(coverage, '34')).toBe('Médiane des 2 QPV du département (Hérault)');
    expect(regionMedianLabel(coverage, '53')).toBe('Médiane des 4 QPV de la région (Bretagne)');
  });

  it('names each generation apart when both are loaded, by its own rule', async () => {
    await load(`('QP031001', '2015', '31', '76'), ('QP034001', '2015', '34', '76'), ('QP035001', '2015', '35', '53'),
                ('QN03401A', '2024', '34', '76'), ('QN09301B', '2024', '93', '11'), ('QN09401C', '2024', '94', '11')`);
    expect(coverageLabel(await coverageOf(db))).toBe('les 6 QPV des données chargées : 3 QPV 2015 (Occitanie, Ille-et-Vilaine), 3 QPV 2024 (Île-de-France, Hérault)');
  });

  it('names by its code a place `territoires` lacks, and says when no QPV is loaded', async () => {
    await load(`('QP971001', '2015', '971', '01'), ('QP035001', '2015', '35', '53')`);
    expect(coverageLabel(await coverageOf(db))).toBe('les 2 QPV des données chargées : 971, Ille-et-Vilaine');
    await db.exec('DELETE FROM qpv');
    expect(coverageLabel(await coverageOf(db))).toBe('aucun QPV dans les données chargées');
  });
});
