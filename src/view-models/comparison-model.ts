import type { Sens } from '../domain/indicator-catalogue.ts';
import { type CoverageSqlRow, describeCoverage, type LoadedCoverage } from '../domain/loaded-coverage.ts';
import { deriveFromShown, SECRET_THRESHOLD } from '../domain/secret-statistique.ts';
import { type IdentitySqlRow, type QpvIdentity, toQpvIdentity } from './fiche-model.ts';
import { compareIndicators, type IndicatorSqlRow, type IndicatorView, toIndicatorView } from './indicator-view.ts';


/** One QPV's cell in a row of the comparison. */
export interface ComparisonCell extends IndicatorView {
  /** Best or worst of the compared QPV for this indicator, by its `sens`; null for neutral ones. */
  mark: 'meilleur' | 'moins-bon' | null;
  /** Bar length, 0–1 of the row's scale; null for a hidden or missing value. */
  bar: number | null;
}

export interface ComparisonRow {
  indicateur: string;
  libelle: string;
  unite: string;
  sens: Sens;
  theme: string;
  /** The year the values describe, or « publié en …, année observée non précisée »; several joined by « ; » when the QPV's differ. */
  millesime: string;
  /** Median of the loaded QPV (`ComparisonModel.coverage`), and its place on the row's bar scale (0–1). */
  medianeQpv: number | null;
  /** QPV with a value the median is taken over (0 when there is none). */
  medianeQpvCount: number;
  medianeBar: number | null;
  cells: ComparisonCell[];
}

export interface ComparisonModel {
  qpv: QpvIdentity[];
  rows: ComparisonRow[];
  sourceIds: string[];
  /** The QPV the medians and ranks are taken over: those of the loaded data. */
  coverage: LoadedCoverage;
}

function marks(cells: readonly IndicatorView[], sens: Sens): ComparisonCell['mark'][] {
  const values = cells.map((c) => (c.value.status === 'ok' ? c.value.value : null));
  const shown = values.filter((v): v is number => v !== null);
  if (sens === 'neutre' || shown.length < 2) return values.map(() => null);
  const [lo, hi] = [Math.min(...shown), Math.max(...shown)];
  if (lo === hi) return values.map(() => null);
  const [best, worst] = sens === 'hausse_favorable' ? [hi, lo] : [lo, hi];
  return values.map((v) => (v === best ? 'meilleur' : v === worst ? 'moins-bon' : null));
}

/**
 * 2–6 QPV side by side: one row per indicator, one cell per QPV in the order given, best and
 * worst marked, bars on a scale from 0 (or the lowest value when negative) to the largest of
 * the values and the median of the loaded QPV. Hidden counts get no mark and no bar; values of
 * different millésimes no mark and no median.
 */
export function buildComparisonModel(rows: { identity: IdentitySqlRow[]; indicators: IndicatorSqlRow[]; coverage: CoverageSqlRow[] }, codes: readonly string[], threshold = SECRET_THRESHOLD): ComparisonModel {
  const views = rows.indicators.map((r) => toIndicatorView(r, threshold));
  const present = codes.filter((code) => rows.identity.some((r) => r.code === code));
  const qpv = present.map((code) => toQpvIdentity(rows.identity.find((r) => r.code === code)!, views));
  const byIndicator = new Map<string, IndicatorView[]>();
  for (const v of views) byIndicator.set(v.indicateur, [...(byIndicator.get(v.indicateur) ?? []), v]);

  const out: ComparisonRow[] = [];
  for (const [indicateur, list] of byIndicator) {
    const cells = present.map((code) => list.find((v) => v.qpvCode === code)).filter((v): v is IndicatorView => v !== undefined);
    const first = cells[0];
    if (first === undefined) continue;
    // The millésimes of the values shown (a QPV without one takes the catalogue's): values of
    // two years are neither marked against each other nor set against one median.
    const valued = cells.filter((c) => c.value.status !== 'nd');
    const millesimes = [...new Set((valued.length > 0 ? valued : [first]).map((c) => c.millesime))];
    const oneYear = millesimes.length === 1;
    const reference = oneYear ? (valued[0] ?? first).references.qpv : null;
    const median = reference?.median ?? null;
    const extent = [...cells.flatMap((c) => (c.value.status === 'ok' ? [c.value.value] : [])), ...(median === null ? [] : [median])];
    const lo = Math.min(0, ...extent);
    const hi = Math.max(0, ...extent);
    const scale = (v: number) => (hi === lo ? 0 : (v - lo) / (hi - lo));
    const rowMarks = oneYear ? marks(cells, first.sens) : cells.map(() => null);
    out.push({
      indicateur,
      libelle: first.libelle,
      unite: first.unite,
      sens: first.sens,
      theme: first.theme,
      millesime: millesimes.join(' ; '),
      medianeQpv: median,
      medianeQpvCount: reference?.qpvCount ?? 0,
      medianeBar: median === null ? null : scale(median),
      cells: cells.map((c, i) => ({ ...c, mark: rowMarks[i] ?? null, bar: deriveFromShown([c.value], scale) })),
    });
  }
  out.sort(compareIndicators);
  return { qpv, rows: out, coverage: describeCoverage(rows.coverage), sourceIds: [...new Set([...qpv.map((q) => q.sourceId), ...views.flatMap((v) => (v.sourceId === '' ? [] : [v.sourceId]))])] };
}
