import type { QpvFacts } from '../domain/cross-filter-compute.ts';
import { epLabel } from '../domain/education-prioritaire.ts';
import { SECRET_THRESHOLD, secretNote, showPublished } from '../domain/secret-statistique.ts';
import type { RangeColumn } from '../view-models/dimension-options.ts';
import { type CsvCell, shownCsvCell } from './csv-fr.ts';

/** Tables every result table reads, named in its CSV's sources line (each column's own besides). */
const RESULT_TABLES = ['qpv', 'etablissements'];

/** A column's header: its label, unit and millésime, so that the file says which year its values describe. */
const header = (c: RangeColumn) => `${c.label}${c.unit ? ` (${c.unit})` : ''}${c.millesime ? ` — ${c.millesime}` : ''}`;

/**
 * The result table of the cross-filter as a CSV table (`exportTableCsv`): one line per QPV,
 * one column per range dimension of the table, each value through the secret statistique
 * (`< 11`, `masqué`, `n.d.`), and the note when a value of the file is hidden.
 */
export function resultTableCsv(rows: readonly QpvFacts[], columns: readonly RangeColumn[], threshold = SECRET_THRESHOLD): { header: string[]; rows: CsvCell[][]; tables: string[]; note?: string } {
  const shown = rows.map((r) => columns.map((c) => showPublished(r.values[c.index], r.statuts[c.index] ?? null)));
  // Distances to the metre: their decimals are noise.
  const cell = (c: RangeColumn, s: (typeof shown)[number][number]) => (s.status === 'ok' && c.unit === 'm' ? Math.round(s.value) : shownCsvCell(s, threshold));
  return {
    header: ['Code QPV', 'QPV', 'Commune', 'Département', ...columns.map(header), 'Éducation prioritaire'],
    rows: rows.map((r, i) => [r.code, r.nom, r.commune_nom, r.departement_code, ...columns.map((c, j) => cell(c, shown[i]![j]!)), epLabel(r.ep)]),
    tables: [...new Set([...RESULT_TABLES, ...columns.flatMap((c) => c.tables)])],
    ...(shown.some((line) => line.some((s) => s.status === 'secret')) ? { note: secretNote(threshold) } : {}),
  };
}
