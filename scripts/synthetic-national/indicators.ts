import { loadRegistry, sourcePath } from '../../data-pipeline/registry.ts';
import { readCsv } from '../../data-pipeline/read/read-csv.ts';
import { INDICATOR_CATALOGUE, isIndicatorId } from '../../src/domain/indicator-catalogue.ts';
import { csvText } from './csv-text.ts';
import type { Random } from './random.ts';
import type { SyntheticQpv } from './qpv.ts';

/**
 * INSEE indicators of the synthetic QPV, in the layout of the shipped file
 * (`qpv-indicateurs-insee`: one row per QPV, one column per indicator, `,`): each QPV takes the
 * row of the real QPV its outline copies (or, for the 6 of Ille-et-Vilaine, which the INSEE file
 * of Occitanie lacks, one of Occitanie's), every value times its own factor in [0.85, 1.15];
 * shares stay within 0–100 %, counts whole, empty cells (n.d.) empty. The additive groups the
 * secret statistique protects still add up: job seekers = women + men, and `pop_com_qp` is the
 * sum of `pop_mun` over the QPV of the same commune (`nom_commune`), as INSEE publishes them.
 */
export async function indicatorsCsv(qpv: readonly SyntheticQpv[], random: Random): Promise<string> {
  const source = (await loadRegistry()).find((s) => s.id === 'qpv-occitanie-2015-indicateurs')!;
  const real = await readCsv(sourcePath(source), source.file, { delimiter: ',' });
  const templates = new Map(real.rows.map((r) => [r.values.code_qp!, r.values]));
  const fallback = real.rows.map((r) => r.values);
  const rows = qpv.map((q, i) => {
    const template = templates.get(q.templateCode) ?? fallback[i % fallback.length]!;
    const row: Record<string, string> = { code_qp: q.code, nom_qp: q.nom, nom_commune: `${q.commune.nom} (${q.commune.code})` };
    for (const column of real.header) {
      if (column in row) continue;
      row[column] = jitter(column, template[column] ?? '', random);
    }
    if (row.abcde_f !== '' && row.abcde_h !== '') row.abcde = String(Number(row.abcde_f) + Number(row.abcde_h));
    return row;
  });
  addCommuneTotals(rows);
  return csvText(real.header, rows, ',');
}

function jitter(column: string, cell: string, random: Random): string {
  if (cell.trim() === '') return '';
  const value = Number(cell) * random.between(0.85, 1.15);
  const entry = isIndicatorId(column) ? INDICATOR_CATALOGUE[column] : undefined;
  if (entry?.unite === '%') return String(Math.min(100, Math.round(value * 10) / 10));
  if (entry?.type_valeur === 'effectif' || entry?.type_valeur === 'nombre' || !cell.includes('.')) return String(Math.round(value));
  return String(Math.round(value * 10) / 10);
}

/** `pop_com_qp`: the QPV population of each commune; `pop_com` at least that much. */
function addCommuneTotals(rows: Record<string, string>[]): void {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.nom_commune!, (totals.get(r.nom_commune!) ?? 0) + Number(r.pop_mun || 0));
  for (const r of rows) {
    const total = totals.get(r.nom_commune!)!;
    const share = Number(r.pop_com_qp) > 0 && Number(r.pop_com) > 0 ? Number(r.pop_com) / Number(r.pop_com_qp) : 4;
    r.pop_com_qp = r.pop_mun === '' ? '' : String(total);
    r.pop_com = String(Math.max(total, Math.round(total * share)));
  }
}
