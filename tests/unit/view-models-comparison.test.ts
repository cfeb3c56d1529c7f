import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildQpvIdentityQuery, buildQpvIndicatorsQuery, buildQpvRiskIndicatorQuery } from '../../src/queries/fiche-qpv-queries.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { buildComparisonModel, type ComparisonModel } from '../../src/view-models/comparison-model.ts';
import type { IdentitySqlRow } from '../../src/view-models/fiche-model.ts';
import type { IndicatorSqlRow } from '../../src/view-models/indicator-view.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { toCsvFr } from '../../src/export/csv-fr.ts';
import { comparisonCsvDocument } from '../../src/export/indicator-csv.ts';
import { coverageMedianLabel } from '../../src/domain/loaded-coverage.ts';
import type { CoverageSqlRow } from '../../src/domain/loaded-coverage.ts';
import { buildLoadedCoverageQuery } from '../../src/queries/loaded-coverage-query.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

async function compare(codes: string[]): Promise<ComparisonModel> {
  const rows = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
  return buildComparisonModel(
    { identity: await rows<IdentitySqlRow>(buildQpvIdentityQuery(codes)), indicators: await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery(codes)), coverage: await rows<CoverageSqlRow>(buildLoadedCoverageQuery()) },
    codes,
  );
}

describe('comparison view model, on the published data', () => {
  it('keeps the QPV in the order given, one row per indicator', async () => {
    const model = await compare(['QP034004', 'QP066007', 'QP031001']);
    expect(model.qpv.map((q) => q.code)).toEqual(['QP034004', 'QP066007', 'QP031001']);
    expect(model.rows).toHaveLength(41);
    for (const row of model.rows) expect(row.cells.map((c) => c.qpvCode)).toEqual(['QP034004', 'QP066007', 'QP031001']);
    expect(model.sourceIds).toEqual(expect.arrayContaining(['qpv-occitanie-2015', 'qpv-occitanie-2015-indicateurs']));
  });

  it('puts the risk index first, the most exposed QPV marked the least favourable', async () => {
    const codes = ['QP034004', 'QP066007', 'QP031001'];
    const rows = async <T,>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
    const indicators = [...(await rows<IndicatorSqlRow>(buildQpvRiskIndicatorQuery(codes, DEFAULT_RISK_WEIGHTS))), ...(await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery(codes)))];
    const model = buildComparisonModel({ identity: await rows<IdentitySqlRow>(buildQpvIdentityQuery(codes)), indicators, coverage: await rows<CoverageSqlRow>(buildLoadedCoverageQuery()) }, codes);
    expect(model.rows).toHaveLength(42);
    const risk = model.rows[0]!;
    expect(risk).toMatchObject({ indicateur: 'risque_decrochage', theme: 'risque' });
    const scores = risk.cells.map((c) => (c.value.status === 'ok' ? c.value.value : Number.NaN));
    expect(risk.cells.find((c) => c.mark === 'moins-bon')!.value).toEqual({ status: 'ok', value: Math.max(...scores) });
    expect(model.sourceIds).not.toContain('');
  });

  it('marks the best and the worst by the indicator’s sens, never a neutral one', async () => {
    const model = await compare(['QP034004', 'QP066007', 'QP031001']);
    const check = (id: string, best: 'min' | 'max') => {
      const row = model.rows.find((r) => r.indicateur === id)!;
      const values = row.cells.map((c) => (c.value.status === 'ok' ? c.value.value : Number.NaN));
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      expect(row.cells.find((c) => c.mark === 'meilleur')!.value).toEqual({ status: 'ok', value: best === 'min' ? lo : hi });
      expect(row.cells.find((c) => c.mark === 'moins-bon')!.value).toEqual({ status: 'ok', value: best === 'min' ? hi : lo });
    };
    check('tp60', 'min');
    check('tx_tot_empl', 'max');
    expect(model.rows.find((r) => r.indicateur === 'pop_mun')!.cells.every((c) => c.mark === null)).toBe(true);
  });

  it('puts every bar and the median tick on one scale from 0 to the row’s largest figure', async () => {
    const model = await compare(['QP034004', 'QP066007', 'QP031001']);
    for (const row of model.rows) {
      const figures = [...row.cells.flatMap((c) => (c.value.status === 'ok' ? [c.value.value] : [])), ...(row.medianeQpv === null ? [] : [row.medianeQpv])];
      const max = Math.max(0, ...figures);
      for (const cell of row.cells) if (cell.value.status === 'ok') expect(cell.bar).toBeCloseTo(max === 0 ? 0 : cell.value.value / max, 9);
      if (row.medianeQpv !== null && max > 0) expect(row.medianeBar).toBeCloseTo(row.medianeQpv / max, 9);
    }
  });

  it('shows a QPV without indicators as n.d., with no bar and no mark', async () => {
    const model = await compare(['QP035002', 'QP066007']);
    const tp60 = model.rows.find((r) => r.indicateur === 'tp60')!;
    expect(tp60.cells.map((c) => [c.text, c.bar, c.mark])).toEqual([
      ['n.d.', null, null],
      [tp60.cells[1]!.text, tp60.cells[1]!.bar, null],
    ]);
  });

  it('takes the median over every loaded QPV with a value, and names that set, not France, on screen and in the CSV', async () => {
    const model = await compare(['QP034004', 'QP066007']);
    const [{ n, tp60 }] = tableRows(
      await db.query("SELECT (SELECT count(*) FROM qpv) AS n, median(valeur) AS tp60 FROM indicateurs WHERE niveau = 'qpv' AND indicateur = 'tp60' AND valeur IS NOT NULL"),
    ) as [{ n: number; tp60: number }];
    expect(model.rows.find((r) => r.indicateur === 'tp60')!.medianeQpv).toBeCloseTo(tp60, 9);
    expect(model.coverage.qpv).toBe(n);
    const label = coverageMedianLabel(model.coverage);
    expect(label).toBe(`Médiane des ${n} QPV des données chargées : Occitanie, Ille-et-Vilaine`);
    const [header] = toCsvFr(comparisonCsvDocument(model, [], new Date('2026-12-07T12:00:00Z'))).split('\r\n');
    expect(header!.split(';')).toContain(label);
    expect(header).not.toMatch(/tous les QPV|France|national/i);
  });
});
