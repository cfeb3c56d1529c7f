import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { NO_FILTERS } from '../../src/domain/cross-filter.ts';
import { binsOf, computeCrossFilter, type FactsShape, factsOfRows, type QpvFacts } from '../../src/domain/cross-filter-compute.ts';
import { formatShown } from '../../src/domain/format-fr.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { secretNote, showPublished, showValue } from '../../src/domain/secret-statistique.ts';
import { shownCsvCell, toCsvFr } from '../../src/export/csv-fr.ts';
import { resultTableCsv } from '../../src/export/result-table-csv.ts';
import { DIMENSIONS } from '../../src/queries/cross-filter-dimensions.ts';
import { buildQpvFactsQuery, CROSS_FILTER_SETUP } from '../../src/queries/cross-filter-queries.ts';
import { rangeColumns } from '../../src/view-models/dimension-options.ts';
import { buildFicheObjetQuery } from '../../src/queries/fiche-objet-queries.ts';
import { buildQpvEtablissementsQuery, buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../../src/queries/fiche-qpv-queries.ts';
import { buildTerritoryQpvQuery } from '../../src/queries/territory-queries.ts';
import { buildLoadedCoverageQuery } from '../../src/queries/loaded-coverage-query.ts';
import type { CoverageSqlRow } from '../../src/domain/loaded-coverage.ts';
import { buildFicheModel, type EtablissementSqlRow, type IdentitySqlRow } from '../../src/view-models/fiche-model.ts';
import { ficheObjetFields } from '../../src/view-models/fiche-objet-fields.ts';
import type { IndicatorSqlRow } from '../../src/view-models/indicator-view.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/**
 * Every view and export of a value the published data hides (`statut` 'secret', the pupils'
 * `effectifs_statut`) writes `< 11` with the note, never the raw count nor the word « secret »
 * alone: the school's fiche, the QPV fiche, the cross-filter result table and its CSV, the
 * territory summary's query. Read from the published data, as the app loads it.
 */
let db: Connector;
const rows = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
const EXPORTED_AT = new Date('2026-11-23T12:00:00Z');
const csvLines = (csv: string) => csv.split('\r\n').map((line) => line.split(';'));

beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

describe('the labels of hidden values', () => {
  it('write « < 11 » under the threshold, « masqué » for the secondary secret, with one note for both', () => {
    expect(formatShown(showPublished(null, 'secret'), 'personnes')).toBe('< 11');
    expect(formatShown(showPublished(null, 'secret_secondaire'), 'personnes')).toBe('masqué');
    expect(shownCsvCell(showPublished(null, 'secret_secondaire'))).toBe('masqué');
    expect(formatShown(showPublished(null, 'nd'), 'personnes')).toBe('n.d.');
    expect(showValue(40, 'effectif', 'secret_secondaire')).toEqual({ status: 'secret', secondaire: true });
    expect(secretNote()).toContain('inférieurs à 11 affichés « < 11 »');
    expect(secretNote()).toContain('« masqué »');
  });
});

describe('the fiche of a school with fewer than 11 pupils', () => {
  it('shows « < 11 » pupils and the note, from the published data', async () => {
    const [school] = await rows<{ uai: string }>("SELECT uai FROM etablissements WHERE effectifs_statut = 'secret' ORDER BY uai LIMIT 1");
    const [row] = await rows<Record<string, unknown>>(buildFicheObjetQuery({ kind: 'etablissement', id: school!.uai }));
    const { fields, hasSecret } = ficheObjetFields(row!);
    expect(Object.fromEntries(fields)).toMatchObject({ Élèves: '< 11' });
    expect(hasSecret).toBe(true);
    expect(fields.map(([f]) => f)).not.toContain('eleves_statut');
  });

  it('keeps the app’s own rule for a count under 11 from unsuppressed data, and shows 11 and more', async () => {
    const [row] = await rows<Record<string, unknown>>(buildFicheObjetQuery({ kind: 'etablissement', id: (await rows<{ uai: string }>("SELECT uai FROM etablissements WHERE effectifs >= 11 ORDER BY uai LIMIT 1"))[0]!.uai }));
    expect(ficheObjetFields({ ...row, Élèves: 7, eleves_statut: 'ok' })).toMatchObject({ fields: expect.arrayContaining([['Élèves', '< 11']]), hasSecret: true });
    expect(ficheObjetFields({ ...row, Élèves: 11, eleves_statut: 'ok' })).toMatchObject({ fields: expect.arrayContaining([['Élèves', 11]]), hasSecret: false });
    expect(ficheObjetFields({ ...row, Élèves: null, eleves_statut: 'nd' }).fields.map(([f]) => f)).not.toContain('Élèves');
  });
});

describe('the fiche of a QPV', () => {
  const fiche = async (code: string) =>
    buildFicheModel({
      identity: await rows<IdentitySqlRow>(buildQpvIdentityQuery([code])),
      indicators: await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery([code])),
      etablissements: await rows<EtablissementSqlRow>(buildQpvEtablissementsQuery(code)),
      programmes: [],
      actions: [],
      coverage: await rows<CoverageSqlRow>(buildLoadedCoverageQuery()),
    })!;

  it('shows its hidden job seekers as « < 11 », with no rank or centile, and says the note is due', async () => {
    const [{ code }] = (await rows<{ code: string }>("SELECT territoire_code AS code FROM indicateurs WHERE indicateur = 'abcde' AND statut = 'secret' ORDER BY 1 LIMIT 1")) as [{ code: string }];
    const model = await fiche(code);
    const abcde = model.indicators.find((i) => i.indicateur === 'abcde')!;
    expect(abcde).toMatchObject({ text: '< 11', rang: null, centile: null });
    expect(model.hasSecret).toBe(true);
  });

  it('shows a school near the QPV with fewer than 11 pupils as « < 11 élèves »', async () => {
    // The Collège privé Nazareth, within 300 m of QP034014 (Montpellier), has 9 pupils in the sources.
    const model = await fiche('QP034014');
    expect(model.etablissements.find((e) => e.uai === '0341726S')).toMatchObject({ effectifs: { status: 'secret' }, effectifsText: '< 11' });
    expect(model.hasSecret).toBe(true);
  });
});

describe('the cross-filter result table and its CSV', () => {
  /** Job seekers, a count of people: the INSEE dimension of the registry. */
  const SHAPE: FactsShape = { ranges: ['i_abcde'], categories: [] };
  let facts: QpvFacts[];
  beforeAll(async () => {
    for (const statement of CROSS_FILTER_SETUP) await db.exec(statement);
    facts = factsOfRows(await rows<Record<string, unknown>>(buildQpvFactsQuery(SHAPE, { indicator: 'tp60', weights: DEFAULT_RISK_WEIGHTS }, null, '')), SHAPE);
  });

  it('writes « < 11 » for each QPV whose job seekers are hidden, never « secret » nor the count, and the note', async () => {
    const hidden = await rows<{ code: string }>("SELECT territoire_code AS code FROM indicateurs WHERE indicateur = 'abcde' AND statut = 'secret' ORDER BY 1");
    expect(hidden.length).toBeGreaterThan(0);
    const [{ millesime }] = (await rows<{ millesime: string }>("SELECT millesime FROM indicateurs_meta WHERE indicateur = 'abcde'")) as [{ millesime: string }];
    const [header, ...lines] = csvLines(toCsvFr({ ...resultTableCsv(facts, rangeColumns(SHAPE, null)), sources: [], exportedAt: EXPORTED_AT }));
    // The value column says which year its values describe, as the published metadata does.
    const column = header!.indexOf(`Demandeurs d’emploi (catégories A à E) (personnes) — ${millesime}`);
    expect(column).toBeGreaterThan(0);
    const valueOf = (code: string) => lines.find((l) => l[0] === code)![column];
    for (const { code } of hidden) expect(valueOf(code)).toBe('< 11');
    expect(lines.some((l) => l[column] === 'secret')).toBe(false);
    expect(lines.at(-2)!.join(';')).toContain(secretNote());
    // The table's cells are the same text.
    for (const { code } of hidden) expect(formatShown(showPublished(...valueAndStatut(facts, code)), 'personnes')).toBe('< 11');
  });

  it('counts the QPV hidden by the secret apart among those without a value, under the histogram', () => {
    const hidden = facts.filter((f) => f.statuts[0] === 'secret').length;
    expect(hidden).toBeGreaterThan(0);
    expect(computeCrossFilter(facts, SHAPE, NO_FILTERS, binsOf(facts, SHAPE, DIMENSIONS)).histograms[0]).toMatchObject({ nd: facts.filter((f) => f.values[0] === null).length, secret: hidden });
  });

  it('has no note when no value of the file is hidden', () => {
    expect(resultTableCsv(facts.filter((f) => f.statuts[0] === 'ok'), rangeColumns(SHAPE, null)).note).toBeUndefined();
  });
});

describe('the territory summary', () => {
  it('marks a QPV whose population is hidden, and gives no figure for it', async () => {
    await db.exec("UPDATE indicateurs SET valeur = NULL, statut = 'secret' WHERE indicateur = 'pop_mun' AND territoire_code = 'QP031008'");
    const qpv = await rows<{ code: string; population: number | null; population_secret: boolean }>(buildTerritoryQpvQuery({ niveau: 'commune', code: '31555' }));
    expect(qpv.find((q) => q.code === 'QP031008')).toMatchObject({ population: null, population_secret: true });
    expect(qpv.filter((q) => q.code !== 'QP031008').every((q) => q.population_secret === false && q.population! >= 11)).toBe(true);
  });
});

function valueAndStatut(facts: readonly QpvFacts[], code: string): [number | null, string] {
  const f = facts.find((r) => r.code === code)!;
  return [f.values[0]!, f.statuts[0]!];
}

