import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../src/data/manifest.ts';
import { sourcesLine } from '../../src/export/csv-fr.ts';
import { sourcesOfTables } from '../../src/export/export-sources.ts';
import { classify } from '../../src/map/classify.ts';
import { choroplethLegend } from '../../src/map/legend-entries.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COMPONENT_IDS, type RiskWeights } from '../../src/domain/risk-index.ts';
import { buildQpvFactsQuery, CROSS_FILTER_SETUP } from '../../src/queries/cross-filter-queries.ts';
import { factsOfRows } from '../../src/domain/cross-filter-compute.ts';
import { buildQpvRisqueQuery, buildQpvServicesQuery } from '../../src/queries/fiche-risque-queries.ts';
import { buildIndicatorListQuery, buildQpvIndicatorValuesQuery, type IndicatorOption, indicatorValueTables } from '../../src/queries/indicator-queries.ts';
import { RISK_INDICATOR_ID } from '../../src/queries/risk-indicator-queries.ts';
import { buildRisqueView, buildServicesView, type RisqueSqlRow, type ServiceSqlRow } from '../../src/view-models/fiche-risque-model.ts';
import { connectToPublishedData, PUBLISHED_DIR } from '../support/published-data.ts';

// The committed public/data, loaded as the app loads it.
let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
  for (const statement of CROSS_FILTER_SETUP) await db.exec(statement);
});
afterAll(() => db.close());
const run = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];

interface ValueRow {
  code: string;
  valeur: number | null;
  statut: string;
}
const values = (weights: RiskWeights) => run<ValueRow>(buildQpvIndicatorValuesQuery(RISK_INDICATOR_ID, weights));
/** Codes by value, highest first, ties by code: the result table's default order. */
const ranking = (rows: readonly ValueRow[]) =>
  rows
    .filter((r) => r.valeur !== null)
    .sort((a, b) => b.valeur! - a.valeur! || a.code.localeCompare(b.code))
    .map((r) => r.code);

/** Socio-economic components only, poverty counted double, the collèges left out. */
const SOCIAL: RiskWeights = { ...DEFAULT_RISK_WEIGHTS, taux_pauvrete: 2, ips_colleges: 0, dnb_colleges: 0 };
/** The collèges alone: every QPV of the data reaches a collège, so every one has an index. */
const COLLEGES: RiskWeights = { ...Object.fromEntries(RISK_COMPONENT_IDS.map((id) => [id, 0])), ips_colleges: 1, dnb_colleges: 1 } as RiskWeights;

describe('the risk index as an indicator, on the published tables', () => {
  it('comes first in the indicator list, in its own theme, higher = more exposed', async () => {
    const [first, second] = await run<Record<string, unknown>>(buildIndicatorListQuery());
    expect(first).toEqual({
      indicateur: 'risque_decrochage',
      libelle: 'Indice de risque de décrochage (calcul de l’observatoire)',
      unite: 'indice',
      sens: 'hausse_defavorable',
      theme: 'risque',
      millesime: 'INSEE publié en 2019–2020, DEPP 2021–2022',
      annee: 2022,
    });
    expect(second!.theme).not.toBe('risque');
    expect(indicatorValueTables(RISK_INDICATOR_ID)).toContain('risque_composantes');
  });

  it('with the default weights, gives the published score of every QPV (to 1e-9) and n.d., not 0, where it has none', async () => {
    const rows = await values(DEFAULT_RISK_WEIGHTS);
    const published = await run<{ qpv_code: string; score: number | null; statut: string }>('SELECT qpv_code, score, statut FROM risque_decrochage');
    expect(rows).toHaveLength(await run<{ n: number }>('SELECT count(*)::INTEGER AS n FROM qpv').then(([r]) => r!.n));
    expect(published).toHaveLength(rows.length);
    for (const p of published) {
      const row = rows.find((r) => r.code === p.qpv_code)!;
      expect(row.statut).toBe(p.statut);
      if (p.score === null) expect(row.valeur).toBeNull();
      else expect(Math.abs(row.valeur! - p.score)).toBeLessThanOrEqual(1e-9);
    }
    const nd = rows.filter((r) => r.statut === 'nd');
    expect(nd.length).toBeGreaterThan(0);
    expect(nd.every((r) => r.valeur === null)).toBe(true);
  });

  it('with other weights, equals the index recomputed from indicateurs and etablissements, in another order', async () => {
    const rows = await values(SOCIAL);
    // The other path: component values computed from the published source tables, not `risque_composantes`.
    const expected = await run<{ qpv_code: string; score: number | null }>(buildRiskScoresQuery(SOCIAL));
    for (const e of expected) {
      const row = rows.find((r) => r.code === e.qpv_code)!;
      if (e.score === null) expect(row).toMatchObject({ valeur: null, statut: 'nd' });
      else expect(Math.abs(row.valeur! - e.score)).toBeLessThanOrEqual(1e-9);
    }
    expect(ranking(rows).slice(0, 10)).not.toEqual(ranking(await values(DEFAULT_RISK_WEIGHTS)).slice(0, 10));
  });

  it('leaves a QPV missing a weighted component n.d.; with the collèges alone, every QPV of the data is scored', async () => {
    const rows = await values(SOCIAL);
    const weighted = RISK_COMPONENT_IDS.filter((id) => SOCIAL[id] > 0).map((id) => `'${id}'`);
    const missing = await run<{ qpv_code: string }>(
      `SELECT DISTINCT qpv_code FROM risque_composantes WHERE composante IN (${weighted.join(', ')}) AND valeur_brute IS NULL ORDER BY qpv_code`,
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.statut === 'nd').map((r) => r.code)).toEqual(missing.map((r) => r.qpv_code));
    expect(rows.filter((r) => r.statut === 'nd').every((r) => r.valeur === null)).toBe(true);
    expect(rows.some((r) => r.valeur === 0)).toBe(false);
    expect((await values(COLLEGES)).filter((r) => r.statut === 'nd')).toEqual([]);
  });

  it('feeds the cross-filter facts with the same weighted scores', async () => {
    const shape = { ranges: ['risque', 'valeur'], categories: [] };
    const facts = factsOfRows(await run<Record<string, unknown>>(buildQpvFactsQuery(shape, { indicator: RISK_INDICATOR_ID, weights: SOCIAL }, null, '')), shape);
    const rows = await values(SOCIAL);
    // The risk dimension, and the map's indicator when it is the risk index.
    for (const i of [0, 1]) expect(facts.map((f) => ({ code: f.code, valeur: f.values[i], statut: f.statuts[i] }))).toEqual(rows);
  });

  it('refuses invalid weights with a RangeError naming the component', () => {
    expect(() => buildQpvIndicatorValuesQuery(RISK_INDICATOR_ID, { ...DEFAULT_RISK_WEIGHTS, taux_emploi: -1 })).toThrow(/taux_emploi/);
    expect(() => buildQpvIndicatorValuesQuery(RISK_INDICATOR_ID, Object.fromEntries(RISK_COMPONENT_IDS.map((id) => [id, 0])) as RiskWeights)).toThrow(RangeError);
    // Another indicator does not read the weights.
    expect(buildQpvIndicatorValuesQuery('tp60', SOCIAL)).toBe(buildQpvIndicatorValuesQuery('tp60', DEFAULT_RISK_WEIGHTS));
  });
});

describe('the fiche under the user’s weights', () => {
  it('gives the weighted score, rank and class of the map, components adding up to it, with the weights used', async () => {
    const [scores, rows] = [await run<{ qpv_code: string; score: number | null; rang: number | null; classe: number | null }>(buildRiskScoresQuery(SOCIAL)), await values(SOCIAL)];
    const top = ranking(rows)[0]!;
    const view = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery(top, SOCIAL)))!;
    const expected = scores.find((s) => s.qpv_code === top)!;
    expect(view.score).toBeCloseTo(rows.find((r) => r.code === top)!.valeur!, 9);
    expect(view).toMatchObject({ rang: 1, classe: { classe: expected.classe } });
    expect(view.composantes.reduce((sum, c) => sum + (c.contribution ?? 0), 0)).toBeCloseTo(view.score!, 9);
    expect(Object.fromEntries(view.composantes.map((c) => [c.id, c.poids]))).toEqual(SOCIAL);
    // Weight 0: the component is shown, but brings nothing.
    expect(view.composantes.find((c) => c.id === 'ips_colleges')!.contribution).toBeNull();
    expect(view.qpvClasses).toBe(scores.filter((s) => s.score !== null && s.qpv_code.startsWith(top.slice(0, 2))).length);
  });

  it('shows n.d. for a QPV the weights leave without a weighted component', async () => {
    // An Ille-et-Vilaine QPV: no INSEE indicator in the data.
    const [nd] = (await values(SOCIAL)).filter((r) => r.statut === 'nd' && r.code.startsWith('QP035'));
    const view = buildRisqueView(await run<RisqueSqlRow>(buildQpvRisqueQuery(nd!.code, SOCIAL)))!;
    expect(view).toMatchObject({ score: null, rang: null, rangMin: null, rangMax: null, classe: null, composantesDisponibles: 0, composantesTotal: 4 });
    expect(view.composantes.every((c) => c.contribution === null && c.normalisee === null)).toBe(true);
    // Its raw collège values stay visible.
    expect(view.composantes.find((c) => c.id === 'ips_colleges')!.valeur.status).toBe('ok');
  });

  it('flags a zone blanche where no place of a located category lies within the radius, n.d. where none is located', async () => {
    const rows = await run<ServiceSqlRow>(buildQpvServicesQuery('QP066007'));
    for (const km of [1, 3, 5] as const) {
      const view = buildServicesView(rows, km * 1000);
      for (const s of view) {
        const row = rows.find((r) => r.categorie === s.categorie)!;
        const within = row[`n_${km}km`];
        // Same fact, two columns: the nearest place beyond the radius ⇔ no place within it.
        expect(s.zoneBlanche).toBe(within === null ? null : within === 0);
      }
    }
    const cio = (km: number) => buildServicesView(rows, km * 1000).find((s) => s.categorie === 'cio')!;
    const distance = rows.find((r) => r.categorie === 'cio')!.distance_m!;
    expect(cio(distance / 1000 - 0.001).zoneBlanche).toBe(true);
    expect(cio(distance / 1000).zoneBlanche).toBe(false);
    expect(buildServicesView(rows, 3000).find((s) => s.categorie === 'mission_locale')!.zoneBlanche).toBeNull();
  });
});

describe('the risk index in the exports', () => {
  it('titles its legend with its producers’ millésimes, and its sources line names the DEPP', async () => {
    const options = await run<IndicatorOption>(buildIndicatorListQuery());
    const legendOf = async (option: IndicatorOption) => {
      const rows = await run<ValueRow>(buildQpvIndicatorValuesQuery(option.indicateur, DEFAULT_RISK_WEIGHTS));
      const known = rows.flatMap((r) => (r.valeur === null ? [] : [r.valeur]));
      const classes = classify(known, 'quantiles', 5);
      return choroplethLegend({ option, classes, colours: classes.counts.map(() => '#000000'), noData: { nd: rows.length - known.length, secret: 0 } })!;
    };
    const risk = options.find((o) => o.indicateur === RISK_INDICATOR_ID)!;
    expect((await legendOf(risk)).title).toBe(`${risk.libelle} — INSEE publié en 2019–2020, DEPP 2021–2022`);
    const poverty = options.find((o) => o.indicateur === 'tp60')!;
    // An INSEE indicator: the year observed, or that no document gives it — never the edition alone.
    expect((await legendOf(poverty)).title).toBe(`${poverty.libelle} — INSEE, publié en 2019, année observée non précisée`);
    const population = options.find((o) => o.indicateur === 'pop_mun')!;
    expect((await legendOf(population)).title).toBe(`${population.libelle} — INSEE, 2013`);

    const manifest = ManifestSchema.parse(JSON.parse(await readFile(path.join(PUBLISHED_DIR, 'manifest.json'), 'utf8')));
    expect(sourcesLine(sourcesOfTables(manifest, indicatorValueTables(RISK_INDICATOR_ID)))).toMatch(/DEPP/);
    expect(sourcesLine(sourcesOfTables(manifest, indicatorValueTables('tp60')))).not.toMatch(/DEPP/);
  });
});
