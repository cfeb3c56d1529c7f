import { resultTableCsv } from '../../src/export/result-table-csv.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { type CategoryDimension, type Filters, NO_FILTERS, setRange, toggleCategory } from '../../src/domain/cross-filter.ts';
import { BIN_COUNT, binOf, binsOf, computeCrossFilter, type FactsShape, factsOfRows, type QpvFacts, sortMatches } from '../../src/domain/cross-filter-compute.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { DIMENSIONS } from '../../src/queries/cross-filter-dimensions.ts';
import { buildQpvFactsQuery, buildTerritoryOptionsQuery, CROSS_FILTER_SETUP, type TerritoryOption } from '../../src/queries/cross-filter-queries.ts';
import { rangeColumns } from '../../src/view-models/dimension-options.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
let facts: QpvFacts[];

/** Today's default shape: the map's indicator, the nearest service, the four categories. */
const SHAPE: FactsShape = { ranges: ['valeur', 'distance'], categories: ['ep', 'spheres', 'axes', 'financement'] };
const CONTEXT = { indicator: 'tp60', weights: DEFAULT_RISK_WEIGHTS };
const EP = DIMENSIONS.get('ep') as CategoryDimension;

const rows = async <T>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
const codes = async (sql: string) => (await rows<{ code: string }>(sql)).map((r) => r.code).sort();
const queryFacts = async (shape: FactsShape, territoire: Filters['territoire'] = null, texte = '') => factsOfRows(tableRows(await db.query(buildQpvFactsQuery(shape, CONTEXT, territoire, texte))), shape);
const matchCodes = (filters: Filters, from = facts, shape = SHAPE) => computeCrossFilter(from, shape, filters, binsOf(from, shape, DIMENSIONS)).matches.map((m) => m.code).sort();
const valeur = (f: QpvFacts) => f.values[0]!;

/** Independent SQL of each filter, straight from the published tables. */
const TP60 = `SELECT territoire_code AS code, valeur FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv'
  AND annee = (SELECT max(annee) FROM indicateurs WHERE indicateur = 'tp60' AND niveau = 'qpv')`;
const NEAREST = 'SELECT qpv_code AS code, min(distance_m) AS d FROM acces_services GROUP BY qpv_code';
const EP_NEAR = (ep: string) => `SELECT DISTINCT unnest(string_split(concat_ws(',', qpv_code, qpv_300m), ',')) AS code FROM etablissements WHERE ep = '${ep}'`;

beforeAll(async () => {
  db = await connectToPublishedData();
  for (const statement of CROSS_FILTER_SETUP) await db.exec(statement);
  facts = await queryFacts(SHAPE);
});
afterAll(() => db.close());

describe('cross-filter facts and counts on the published data', () => {
  it('has one row per QPV, with the indicator value the choropleth shows', async () => {
    expect(facts.length).toBe((await rows('SELECT code FROM qpv')).length);
    const tp60 = new Map((await rows<{ code: string; valeur: number }>(TP60)).map((r) => [r.code, r.valeur]));
    for (const f of facts) expect(valeur(f)).toBe(tp60.get(f.code) ?? null);
    expect(facts.every((f) => f.in_lieu)).toBe(true);
  });

  it('without a filter, every QPV matches and each histogram counts every QPV once', () => {
    const counts = computeCrossFilter(facts, SHAPE, NO_FILTERS, binsOf(facts, SHAPE, DIMENSIONS));
    expect(counts.matches.length).toBe(facts.length);
    for (const h of counts.histograms) {
      expect(h.counts.reduce((a, b) => a + b, 0) + h.nd).toBe(facts.length);
      expect(h.counts).toHaveLength(BIN_COUNT);
    }
  });

  it('a brushed range keeps the QPV SQL finds in it, and leaves out those without a value', async () => {
    const filters = setRange(NO_FILTERS, 'valeur', [30, 45]);
    expect(matchCodes(filters)).toEqual(await codes(`SELECT code FROM (${TP60}) WHERE valeur BETWEEN 30 AND 45`));
    expect(computeCrossFilter(facts, SHAPE, filters, binsOf(facts, SHAPE, DIMENSIONS)).matches.some((m) => valeur(m) === null)).toBe(false);
  });

  it('combines ranges, éducation prioritaire and a territory as SQL does', async () => {
    const filters: Filters = setRange(toggleCategory(toggleCategory(NO_FILTERS, EP, 'REP'), EP, 'REP+'), 'distance', [0, 2000]);
    expect(matchCodes(filters)).toEqual(
      await codes(`SELECT code FROM (${NEAREST}) WHERE d BETWEEN 0 AND 2000 AND (code IN (${EP_NEAR('REP')}) OR code IN (${EP_NEAR('REP+')}))`),
    );
    const herault = await queryFacts(SHAPE, { niveau: 'departement', code: '34' });
    expect(matchCodes(setRange(NO_FILTERS, 'valeur', [40, 100]), herault)).toEqual(
      await codes(`SELECT q.code FROM qpv q JOIN (${TP60}) v USING (code) WHERE q.departement_code = '34' AND v.valeur BETWEEN 40 AND 100`),
    );
  });

  it('hors EP is a QPV whose schools nearby are all stated hors EP (or none); inconnu one with no REP/REP+ and an unknown one, never hors EP', async () => {
    const near = (ep: string) => `(${EP_NEAR(ep)})`;
    expect(matchCodes(toggleCategory(NO_FILTERS, EP, 'hors_ep'))).toEqual(
      await codes(`SELECT code FROM qpv WHERE code NOT IN ${near('REP')} AND code NOT IN ${near('REP+')} AND code NOT IN ${near('inconnu')}`),
    );
    expect(matchCodes(toggleCategory(NO_FILTERS, EP, 'inconnu'))).toEqual(
      await codes(`SELECT code FROM qpv WHERE code NOT IN ${near('REP')} AND code NOT IN ${near('REP+')} AND code IN ${near('inconnu')}`),
    );
    // Every QPV in exactly one of the four.
    const counts = computeCrossFilter(facts, SHAPE, NO_FILTERS, binsOf(facts, SHAPE, DIMENSIONS)).categories[0]!;
    expect(['REP+', 'REP', 'hors_ep', 'inconnu'].reduce((n, id) => n + (counts.get(id) ?? 0), 0)).toBe(facts.length);
  });

  it('writes the four statuses and every range column in the result table CSV as the table shows them', () => {
    const base = facts[0]!;
    const columns = rangeColumns(SHAPE, { label: 'Taux de pauvreté', unit: '%', millesime: '2019' });
    const csv = resultTableCsv((['REP+', 'REP', 'hors_ep', 'inconnu'] as const).map((ep) => ({ ...base, ep })), columns);
    expect(csv.header).toEqual(['Code QPV', 'QPV', 'Commune', 'Département', 'Taux de pauvreté (%) — 2019', 'Distance au service 16–25 ans le plus proche (m) — lieux des données chargées', 'Éducation prioritaire']);
    expect(csv.rows.map((r) => r.at(-1))).toEqual(['REP+', 'REP', 'hors EP', 'inconnu']);
    expect(csv.tables).toEqual(expect.arrayContaining(['qpv', 'indicateurs', 'acces_services']));
  });

  it('finds QPV by folded name, commune or code', async () => {
    const found = await queryFacts(SHAPE, null, 'MIRAIL');
    expect(found.filter((f) => f.in_lieu).map((f) => f.nom)).toEqual(expect.arrayContaining([expect.stringMatching(/Mirail/i)]));
    const byCode = await queryFacts(SHAPE, null, 'qp031');
    expect(byCode.filter((f) => f.in_lieu).every((f) => f.code.startsWith('QP031'))).toBe(true);
  });

  it('each chart counts under the other filters only (a chart never filters itself)', () => {
    const bins = binsOf(facts, SHAPE, DIMENSIONS);
    const repPlus: Filters = toggleCategory(NO_FILTERS, EP, 'REP+');
    const both: Filters = setRange(repPlus, 'valeur', [45, 60]);
    const withBoth = computeCrossFilter(facts, SHAPE, both, bins, { gpuRanges: 2 });
    expect(withBoth.histograms[0]!.counts).toEqual(computeCrossFilter(facts, SHAPE, repPlus, bins).histograms[0]!.counts);
    expect(withBoth.categories[0]).toEqual(computeCrossFilter(facts, SHAPE, setRange(NO_FILTERS, 'valeur', [45, 60]), bins).categories[0]);
    expect(withBoth.matches.length).toBe(withBoth.categories[0]!.get('REP+') ?? 0);
    // The GPU tests its ranges; the rest comes as the packed set, whatever the brushes.
    expect([...withBoth.gpuPass].sort()).toEqual(computeCrossFilter(facts, SHAPE, repPlus, bins).matches.map((m) => m.code).sort());
    const twoBrushes = computeCrossFilter(facts, SHAPE, setRange(both, 'distance', [0, 10]), bins, { gpuRanges: 2 });
    expect(twoBrushes.gpuPass).toEqual(withBoth.gpuPass);
  });

  it('bins values at the edges into the first and last bin', () => {
    const bins = { min: 10, max: 30, count: 20 };
    expect(binOf(10, bins)).toBe(0);
    expect(binOf(30, bins)).toBe(19);
    expect(binOf(10.999, bins)).toBe(0);
    expect(binOf(11, bins)).toBe(1);
  });

  it('sorts with missing values last and ties by code', () => {
    const sorted = sortMatches(facts, SHAPE, { column: 'valeur', descending: true });
    const values = sorted.map(valeur);
    const firstNull = values.findIndex((v) => v === null);
    expect(firstNull === -1 || values.slice(firstNull).every((v) => v === null)).toBe(true);
    const known = values.filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const byName = sortMatches(facts, SHAPE, { column: 'nom', descending: false }).map((f) => f.nom);
    expect(byName).toEqual([...byName].sort(new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare));
  });

  it('offers the territories holding QPV, and every Cité', async () => {
    const options = await rows<TerritoryOption>(buildTerritoryOptionsQuery());
    const departements = options.filter((o) => o.niveau === 'departement').map((o) => o.code).sort();
    expect(departements).toEqual((await rows<{ d: string }>('SELECT DISTINCT departement_code AS d FROM qpv ORDER BY d')).map((r) => r.d));
    expect(options.filter((o) => o.niveau === 'cite').length).toBe((await rows('SELECT nom FROM cites')).length);
    // A Cité drawn as the QPV its source names holds that QPV alone, not every QPV of its commune.
    expect(options.find((o) => o.niveau === 'cite' && o.code === 'Cité éducative de La Mosson')!.qpv).toBe(1);
    const toulouse = options.find((o) => o.niveau === 'commune' && o.code === '31555')!;
    expect(toulouse.qpv).toBe((await rows("SELECT code FROM qpv WHERE commune_code = '31555'")).length);
  });
});
