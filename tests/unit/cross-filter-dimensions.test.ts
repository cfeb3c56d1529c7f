import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { activeCategories, activeRanges, type DimensionRegistry, NO_FILTERS, type RangeDimension, readFilterParams, registryOf, setRange, writeFilterParams } from '../../src/domain/cross-filter.ts';
import { binsOf, computeCrossFilter, type FactsShape, factsOfRows } from '../../src/domain/cross-filter-compute.ts';
import { formatValue } from '../../src/domain/format-fr.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { formatUrlNumber, type RejectedParam } from '../../src/domain/url-grammar.ts';
import { gpuFilterProps } from '../../src/map/qpv-layers.ts';
import { gpuRangeIds, gpuValuesOf } from '../../src/map/use-qpv-filter.ts';
import { DIMENSION_DECLARATIONS, DIMENSIONS } from '../../src/queries/cross-filter-dimensions.ts';
import { buildQpvFactsQuery, CROSS_FILTER_SETUP } from '../../src/queries/cross-filter-queries.ts';
import { INDICATOR_IDS } from '../../src/domain/indicator-catalogue.ts';
import { SERVICES_16_25 } from '../../src/domain/services-16-25.ts';
import { pickerGroups } from '../../src/view-models/dimension-options.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
const CONTEXT = { indicator: 'tp60', weights: DEFAULT_RISK_WEIGHTS };
const rows = async <T>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
const codes = async (sql: string) => (await rows<{ code: string }>(sql)).map((r) => r.code).sort();

/** The cross-filter as the app runs it: a link's parameters → facts → matches. */
async function matchesOfLink(hash: string, registry: DimensionRegistry = DIMENSIONS) {
  const rejected: RejectedParam[] = [];
  const filters = readFilterParams(new URLSearchParams(hash), registry, rejected);
  expect(rejected).toEqual([]);
  const shape: FactsShape = { ranges: activeRanges(filters, registry), categories: activeCategories(filters, registry) };
  const facts = factsOfRows(tableRows(await db.query(buildQpvFactsQuery(shape, CONTEXT, filters.territoire, filters.texte, registry))), shape);
  const result = computeCrossFilter(facts, shape, filters, binsOf(facts, shape, registry), { gpuRanges: 4 });
  return { filters, shape, facts, result, codes: result.matches.map((m) => m.code).sort() };
}

/** The Gard: 18 QPV, most of them over 3 km from a CIO. */
const DEPARTEMENT = '30';
/** Actions as a Cité of the Gard would import them (the published ones are all elsewhere): one « famille » placed in a QPV, one « école » placed by its commune. */
let familleQpv: string;

beforeAll(async () => {
  db = await connectToPublishedData();
  const [first] = await rows<{ code: string; commune_code: string }>(`
    SELECT q.code, q.commune_code FROM qpv q JOIN risque_decrochage r ON r.qpv_code = q.code JOIN acces_services s ON s.qpv_code = q.code AND s.categorie = 'cio'
    WHERE q.departement_code = '${DEPARTEMENT}' AND s.distance_m >= 3000 ORDER BY r.score DESC, q.code LIMIT 1`);
  familleQpv = first!.code;
  const template = (await rows<{ id: string }>('SELECT id FROM actions ORDER BY id LIMIT 1'))[0]!.id;
  await db.exec(`INSERT INTO actions SELECT * REPLACE ('essai-famille' AS id, '${familleQpv}' AS qpv_code, '${first!.commune_code}' AS commune_code, 'famille' AS spheres) FROM actions WHERE id = '${template}'`);
  await db.exec(`INSERT INTO actions SELECT * REPLACE ('essai-ecole' AS id, NULL AS qpv_code, '${first!.commune_code}' AS commune_code, 'ecole' AS spheres) FROM actions WHERE id = '${template}'`);
  for (const statement of CROSS_FILTER_SETUP) await db.exec(statement);
});
afterAll(() => db.close());

describe('the dimension registry', () => {
  it('offers every INSEE indicator, the risk index, IPS and DNB, each 16–25 service, partner posts and actions per sphère', () => {
    const ids = [...DIMENSIONS.keys()];
    for (const id of INDICATOR_IDS) expect(ids).toContain(`i_${id}`);
    for (const s of SERVICES_16_25) expect(ids).toContain(`d_${s.id}`);
    expect(ids).toEqual(expect.arrayContaining(['valeur', 'risque', 'ips', 'dnb', 'distance', 'postes', 'actions', 'actions_famille', 'actions_tiers_lieux', 'ep', 'spheres', 'axes', 'financement']));
  });

  it('gives each QPV at most one value per dimension, from QPV that exist, with a known statut', { timeout: 120_000 }, async () => {
    const qpv = new Set(await codes('SELECT code FROM qpv'));
    for (const d of DIMENSION_DECLARATIONS) {
      const found = await rows<{ code: string; statut?: string | null }>(d.values(CONTEXT));
      expect(new Set(found.map((r) => r.code)).size, d.id).toBe(found.length);
      for (const r of found) expect(qpv.has(r.code), `${d.id} ${r.code}`).toBe(true);
      if (d.kind === 'range') for (const r of found) expect([null, 'ok', 'nd', 'secret', 'secret_secondaire'], d.id).toContain(r.statut ?? null);
    }
    // All at once, as one facts query: one row per QPV.
    const all: FactsShape = { ranges: DIMENSION_DECLARATIONS.filter((d) => d.kind === 'range').map((d) => d.id), categories: DIMENSION_DECLARATIONS.filter((d) => d.kind === 'category').map((d) => d.id) };
    const facts = factsOfRows(tableRows(await db.query(buildQpvFactsQuery(all, CONTEXT, null, ''))), all);
    expect(facts.length).toBe(qpv.size);
  });

  it('counts the actions of a sphère per QPV as the actions table says, 0 when there is none', async () => {
    const { facts, shape } = await matchesOfLink('dims=actions_famille');
    const i = shape.ranges.indexOf('actions_famille');
    const expected = new Map(
      (
        await rows<{ code: string; n: number }>(`
      SELECT q.code, count(DISTINCT a.id)::INTEGER AS n FROM qpv q LEFT JOIN actions a
        ON list_contains(string_split(a.spheres, '|'), 'famille')
       AND (list_contains(string_split(a.qpv_code, '|'), q.code) OR (a.qpv_code IS NULL AND list_contains(string_split(a.commune_code, '|'), q.commune_code)))
      GROUP BY q.code`)
      ).map((r) => [r.code, r.n]),
    );
    for (const f of facts) expect(f.values[i], f.code).toBe(expected.get(f.code));
    expect(facts.some((f) => f.values[i] === 0) && facts.some((f) => f.values[i]! > 0)).toBe(true);
  });

  it('answers the question of DESIGN.md §2 from one link: top third of risk in a département, no CIO within 3 km, no action « famille »', async () => {
    const departement = DEPARTEMENT;
    // Top third of the département's scored QPV, by the published score (default weights).
    const [{ q }] = (await rows<{ q: number }>(`SELECT quantile_cont(r.score, 2 / 3) AS q FROM risque_decrochage r JOIN qpv ON qpv.code = r.qpv_code WHERE qpv.departement_code = '${departement}' AND r.score IS NOT NULL`)) as [{ q: number }];
    const threshold = Math.floor(q * 1e4) / 1e4;
    const hash = `territoire=departement:${departement}&f_risque=${formatUrlNumber(threshold)}~100&f_d_cio=3000~100000&f_actions_famille=0~0`;
    const { codes: found, filters } = await matchesOfLink(hash);
    expect(filters.charts.dims).toEqual(expect.arrayContaining(['d_cio', 'actions_famille']));
    const expected = await codes(`
      SELECT q.code FROM qpv q
      JOIN risque_decrochage r ON r.qpv_code = q.code
      JOIN acces_services s ON s.qpv_code = q.code AND s.categorie = 'cio'
      WHERE q.departement_code = '${departement}' AND r.score >= ${threshold} AND s.distance_m >= 3000
        AND NOT EXISTS (SELECT 1 FROM actions a WHERE list_contains(string_split(a.spheres, '|'), 'famille')
          AND (list_contains(string_split(a.qpv_code, '|'), q.code) OR (a.qpv_code IS NULL AND list_contains(string_split(a.commune_code, '|'), q.commune_code))))`);
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
    // The QPV with a « famille » action is the riskiest far from a CIO: the absence filter leaves it out.
    expect(found).not.toContain(familleQpv);
    expect((await matchesOfLink(hash.replace('&f_actions_famille=0~0', ''))).codes).toContain(familleQpv);
    // Written back, the link is the same question.
    const params = new URLSearchParams();
    writeFilterParams(params, filters);
    expect((await matchesOfLink(params.toString())).codes).toEqual(found);
  });

  it('a dimension declared only here appears in the picker, the URL, the SQL, the counts and the GPU filter', async () => {
    const longueur: RangeDimension = {
      kind: 'range',
      id: 'test_longueur_nom',
      label: 'Longueur du nom du QPV',
      group: 'Essai',
      tables: ['qpv'],
      unit: 'caractères',
      millesime: 'sans objet',
      sens: 'neutre',
      format: (v) => formatValue(v, ''),
      values: () => 'SELECT code, length(nom)::DOUBLE AS valeur, NULL AS statut FROM qpv',
    };
    const registry = registryOf([...DIMENSION_DECLARATIONS, longueur]);
    expect(pickerGroups(NO_FILTERS.charts.dims, [], registry).find(([group]) => group === 'Essai')?.[1].map((d) => d.id)).toEqual(['test_longueur_nom']);
    const { filters, shape, facts, result, codes: found } = await matchesOfLink('dims=test_longueur_nom,ep&nuage=&f_test_longueur_nom=10~14', registry);
    expect(filters.ranges).toEqual({ test_longueur_nom: [10, 14] });
    const params = new URLSearchParams();
    writeFilterParams(params, filters);
    expect(params.get('f_test_longueur_nom')).toBe('10~14');
    expect(found).toEqual(await codes('SELECT code FROM qpv WHERE length(nom) BETWEEN 10 AND 14'));
    expect(result.histograms[0]!.counts.reduce((a, b) => a + b, 0)).toBe(facts.length);
    // On the GPU: its values in the first slot, its brush as that slot's range.
    const ids = gpuRangeIds(shape);
    expect(ids).toEqual(['test_longueur_nom']);
    const values = gpuValuesOf(facts, ids);
    const props = gpuFilterProps({ active: true, values, valuesKey: '1', others: null, othersKey: '', ranges: [filters.ranges.test_longueur_nom!] }, (d: { code: string }) => d.code);
    const one = facts[0]!;
    expect(props.getFilterValue(one, { index: 0 })[0]).toBe(one.nom.length);
    expect(props.filterRange[0]).toEqual([10, 14]);
  });

  it('refuses a link naming a dimension that does not exist, and keeps the rest', () => {
    const rejected: RejectedParam[] = [];
    const filters = readFilterParams(new URLSearchParams('f_inconnue=1~2&f_risque=50~100&dims=risque,nimporte'), DIMENSIONS, rejected);
    expect(rejected.map((r) => r.param).sort()).toEqual(['dims', 'f_inconnue']);
    expect(filters.ranges).toEqual({ risque: [50, 100] });
    // The default scatter plot shows it: its brush is there.
    expect(activeRanges(filters, DIMENSIONS)).toContain('risque');
  });

  it('refuses a scatter plot of a category or of one dimension twice, with a notice', () => {
    for (const nuage of ['ep,distance', 'risque,risque', 'risque']) {
      const rejected: RejectedParam[] = [];
      expect(readFilterParams(new URLSearchParams(`nuage=${nuage}`), DIMENSIONS, rejected).charts.nuage, nuage).toEqual(NO_FILTERS.charts.nuage);
      expect(rejected.map((r) => r.param), nuage).toEqual(['nuage']);
    }
  });

  it('shows four histograms at most: a longer link loses the last ranges, with a notice', () => {
    const rejected: RejectedParam[] = [];
    const filters = readFilterParams(new URLSearchParams('dims=ep&nuage=&f_risque=1~2&f_ips=1~2&f_dnb=1~2&f_postes=1~2&f_actions=0~0'), DIMENSIONS, rejected);
    expect(filters.charts.dims).toEqual(['ep', 'risque', 'ips', 'dnb', 'postes']);
    expect(Object.keys(filters.ranges)).toEqual(['risque', 'ips', 'dnb', 'postes']);
    expect(rejected.map((r) => r.param)).toEqual(['f_actions']);
  });
});

describe('a brushed range', () => {
  it('is kept at the URL precision, rounded outward: the values at its edges stay in', () => {
    const [lo, hi] = [32.57575757575758, 94.71426637373737];
    const range = setRange(NO_FILTERS, 'risque', [lo, hi]).ranges.risque!;
    expect(range[0]).toBeLessThanOrEqual(lo);
    expect(range[1]).toBeGreaterThanOrEqual(hi);
    for (const bound of range) expect(formatUrlNumber(bound)).toBe(String(bound));
    expect(range).toEqual([32.575757, 94.714267]);
    // Already at that precision: unchanged.
    expect(setRange(NO_FILTERS, 'valeur', [0.5, 3000]).ranges.valeur).toEqual([0.5, 3000]);
    expect(setRange(NO_FILTERS, 'valeur', [-12.345678901, -0.00012345678901]).ranges.valeur).toEqual([-12.345679, -0.00012345678]);
  });
});

