import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { formatValue } from '../../src/domain/format-fr.ts';
import { deriveFromShown, isSecret, SECRET_THRESHOLD, secretLabel, showCount, showValue } from '../../src/domain/secret-statistique.ts';
import { toCsvFr } from '../../src/export/csv-fr.ts';
import { comparisonCsvDocument, ficheCsvDocument } from '../../src/export/indicator-csv.ts';
import { buildQpvEtablissementsQuery, buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../../src/queries/fiche-qpv-queries.ts';
import { buildComparisonModel } from '../../src/view-models/comparison-model.ts';
import type { CoverageSqlRow } from '../../src/domain/loaded-coverage.ts';
import { buildLoadedCoverageQuery } from '../../src/queries/loaded-coverage-query.ts';
import { buildFicheModel, type EtablissementSqlRow, type FicheModel, type IdentitySqlRow } from '../../src/view-models/fiche-model.ts';
import type { IndicatorSqlRow } from '../../src/view-models/indicator-view.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/**
 * Counts 0–20 through the one secret statistique rule, and through every view model and
 * export that shows counts: the published data, with the job seekers (`abcde`, a count of
 * people) of 21 QPV set to 0…20, pupils of 21 schools set to 0…20, and one population of 7.
 */
const COUNTS = Array.from({ length: 21 }, (_, k) => k);
const EXPORTED_AT = new Date('2026-11-23T12:00:00Z');
let db: Connector;
let codes: string[];
let school: { qpv: string; uais: string[] };

const rows = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];

/** The fiches of these QPV, built from two queries for all of them (schools for the first only). */
async function fiches(codes: readonly string[], threshold = SECRET_THRESHOLD): Promise<FicheModel[]> {
  const identity = await rows<IdentitySqlRow>(buildQpvIdentityQuery(codes));
  const indicators = await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery(codes, threshold));
  const etablissements = await rows<EtablissementSqlRow>(buildQpvEtablissementsQuery(codes[0]!));
  const coverage = await rows<CoverageSqlRow>(buildLoadedCoverageQuery());
  return codes.map((code, i) => {
    const model = buildFicheModel(
      { identity: identity.filter((r) => r.code === code), indicators, etablissements: i === 0 ? etablissements : [], programmes: [], actions: [], coverage },
      threshold,
    );
    if (model === null) throw new Error(`no fiche for ${code}`);
    return model;
  });
}
const fiche = async (code: string, threshold?: number) => (await fiches([code], threshold))[0]!;

const csvLines = (csv: string) => csv.split('\r\n').map((line) => line.split(';'));

beforeAll(async () => {
  db = await connectToPublishedData();
  codes = (await rows<{ code: string }>("SELECT territoire_code AS code FROM indicateurs WHERE indicateur = 'abcde' ORDER BY territoire_code LIMIT 21")).map((r) => r.code);
  // Raw counts, as before the pipeline's secret: the app's own rule is what is tested here.
  await db.exec(`UPDATE indicateurs SET statut = 'ok', valeur = list_position(${`[${codes.map((c) => `'${c}'`).join(', ')}]`}, territoire_code) - 1
                 WHERE indicateur = 'abcde' AND list_contains([${codes.map((c) => `'${c}'`).join(', ')}], territoire_code)`);
  await db.exec(`UPDATE indicateurs SET valeur = 7 WHERE indicateur = 'pop_mun' AND territoire_code = '${codes[3]}'`);
  const [withSchools] = await rows<{ qpv: string }>('SELECT qpv_code AS qpv FROM etablissements WHERE qpv_code IS NOT NULL GROUP BY ALL HAVING count(*) >= 21 ORDER BY qpv LIMIT 1');
  const uais = (await rows<{ uai: string }>(`SELECT uai FROM etablissements WHERE qpv_code = '${withSchools!.qpv}' ORDER BY uai LIMIT 21`)).map((r) => r.uai);
  school = { qpv: withSchools!.qpv, uais };
  await db.exec(`UPDATE etablissements SET effectifs_statut = 'ok', effectifs = list_position([${uais.map((u) => `'${u}'`).join(', ')}], uai) - 1 WHERE list_contains([${uais.map((u) => `'${u}'`).join(', ')}], uai)`);
});
afterAll(() => db.close());

describe('secret statistique: the rule', () => {
  it('hides counts of people under 11, and only counts of people', () => {
    for (const k of COUNTS) {
      expect(isSecret(k, 'effectif')).toBe(k < 11);
      expect(showValue(k, 'effectif')).toEqual(k < 11 ? { status: 'secret' } : { status: 'ok', value: k });
      expect(showCount(k)).toEqual(showValue(k, 'effectif'));
      // A rate or a count of places is never hidden.
      expect(showValue(k, 'taux')).toEqual({ status: 'ok', value: k });
      expect(showValue(k, 'nombre')).toEqual({ status: 'ok', value: k });
      // Derived figures (difference, ratio, bar) of a hidden count are not computed.
      expect(deriveFromShown([showCount(k), showCount(20)], (a, b) => a / b)).toBe(k < 11 ? null : k / 20);
    }
    expect(secretLabel()).toBe('< 11');
    expect(showValue(50, 'effectif', 'secret')).toEqual({ status: 'secret' });
    expect(showValue(null, 'effectif')).toEqual({ status: 'nd' });
  });

  it('takes another threshold', () => {
    expect(COUNTS.filter((k) => isSecret(k, 'effectif', 5))).toEqual([0, 1, 2, 3, 4]);
    expect(secretLabel(5)).toBe('< 5');
  });
});

describe('secret statistique in the fiche', () => {
  it('shows each count 0–20 as « < 11 » or its value; hidden ones get no rank, centile or difference', async () => {
    for (const [k, model] of (await fiches(codes)).entries()) {
      const abcde = model.indicators.find((i) => i.indicateur === 'abcde')!;
      if (k < 11) {
        expect(abcde).toMatchObject({ text: '< 11', value: { status: 'secret' }, rang: null, centile: null });
        expect(Object.values(abcde.references).map((r) => r.ecart)).toEqual([null, null, null]);
      } else {
        expect(abcde).toMatchObject({ text: formatValue(k, 'personnes'), value: { status: 'ok', value: k } });
        expect(abcde.rang).toBeGreaterThan(0);
        expect(abcde.references.qpv.ecart).toBe(k - abcde.references.qpv.median!);
      }
    }
  });

  it('leaves hidden counts out of the medians and ranks', async () => {
    const abcde = (await fiche(codes[15]!)).indicators.find((i) => i.indicateur === 'abcde')!;
    const [expected] = await rows<{ median: number; n: number; worse: number }>(`
      SELECT median(valeur) AS median, count(*) AS n, count(*) FILTER (WHERE valeur > 15) AS worse
      FROM indicateurs WHERE indicateur = 'abcde' AND valeur >= 11`);
    expect(abcde.references.qpv.median).toBe(expected!.median);
    expect(abcde.qpvClasses).toBe(expected!.n);
    expect(abcde.rang).toBe(expected!.worse + 1);
  });

  it('hides a population under 11 in the identity and pupils under 11 in the schools', async () => {
    expect((await fiche(codes[3]!)).identity.population).toMatchObject({ text: '< 11', value: { status: 'secret' } });
    const schools = (await fiche(school.qpv)).etablissements;
    for (const [k, uai] of school.uais.entries()) {
      expect(schools.find((e) => e.uai === uai)!.effectifsText).toBe(k < 11 ? '< 11' : String(k));
    }
  });

  it('follows a configured threshold, in SQL and in the view model', async () => {
    for (const [k, model] of (await fiches(codes, 5)).entries()) {
      const abcde = model.indicators.find((i) => i.indicateur === 'abcde')!;
      expect(abcde.text).toBe(k < 5 ? '< 5' : String(k));
    }
  });

  it('exports « < 11 » in the CSV, with no rank or difference for it', async () => {
    for (const [k, model] of (await fiches(codes)).entries()) {
      const [header, ...lines] = csvLines(toCsvFr(ficheCsvDocument(model, [], EXPORTED_AT)));
      const line = lines.find((l) => l[5] === 'Demandeurs d’emploi (catégories A à E)')!;
      const col = (name: string) => line[header!.indexOf(name)];
      expect(col('Valeur')).toBe(k < 11 ? '< 11' : String(k));
      expect(col('Rang (1 = le plus défavorable)') === '').toBe(k < 11);
      expect(col('Écart à la médiane des 111 QPV des données chargées : Occitanie, Ille-et-Vilaine') === '').toBe(k < 11);
      expect(col('Centile') === '').toBe(k < 11);
    }
  });
});

describe('secret statistique in the comparison', () => {
  it('shows hidden counts as « < 11 », without bar or best/worst mark, in the table and its CSV', async () => {
    const picked = [8, 9, 10, 11, 12, 20].map((k) => codes[k]!);
    const model = buildComparisonModel(
      { identity: await rows<IdentitySqlRow>(buildQpvIdentityQuery(picked)), indicators: await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery(picked)), coverage: await rows<CoverageSqlRow>(buildLoadedCoverageQuery()) },
      picked,
    );
    const row = model.rows.find((r) => r.indicateur === 'abcde')!;
    expect(row.cells.map((c) => c.text)).toEqual(['< 11', '< 11', '< 11', '11', '12', '20']);
    expect(row.cells.map((c) => c.bar === null)).toEqual([true, true, true, false, false, false]);
    // More job seekers is worse: 11 is the most favourable of the shown values, 20 the least.
    expect(row.cells.map((c) => c.mark)).toEqual([null, null, null, 'meilleur', null, 'moins-bon']);
    expect(row.cells.slice(0, 3).every((c) => c.rang === null && c.references.departement.ecart === null)).toBe(true);

    const [header, ...lines] = csvLines(toCsvFr(comparisonCsvDocument(model, [], EXPORTED_AT)));
    const line = lines.find((l) => l[1] === 'Demandeurs d’emploi (catégories A à E)')!;
    const values = model.qpv.map((q) => line[header!.indexOf(`${q.nom} (${q.code})`)]);
    expect(values).toEqual(['< 11', '< 11', '< 11', '11', '12', '20']);
    expect(model.qpv.map((q) => line[header!.indexOf(`Rang ${q.code}`)] === '')).toEqual([true, true, true, false, false, false]);
  });
});
