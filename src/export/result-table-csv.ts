import type { QpvFacts } from '../domain/cross-filter-compute.ts';
import { epLabel } from '../domain/education-prioritaire.ts';
import { SECRET_THRESHOLD, secretNote, showPublished } from '../domain/secret-statistique.ts';
import { indicatorValueTables } from '../queries/indicator-queries.ts';
import { type CsvCell, shownCsvCell } from './csv-fr.ts';

/** Tables the result table reads, named in its CSV's sources line (the indicator's own besides). */
const RESULT_TABLES = ['qpv', 'etablissements', 'acces_services', 'actions'];

/** The indicator of the value column. */
export interface ResultIndicator {
  indicateur: string;
  libelle: string;
  unite: string;
  /** The year the values describe, or « publié en …, année observée non précisée » (`indicateurs_meta.millesime`). */
  millesime?: string;
}

/**
 * The result table of the cross-filter as a CSV table (`exportTableCsv`): one line per QPV,
 * the indicator's value through the secret statistique (`< 11`, `masqué`, `n.d.`), and the
 * note when a value of the file is hidden.
 */
export function resultTableCsv(rows: readonly QpvFacts[], indicator: ResultIndicator | null, threshold = SECRET_THRESHOLD): { header: string[]; rows: CsvCell[][]; tables: string[]; note?: string } {
  // The value column's unit and millésime, so that the file says which year its values describe.
  const unit = `${indicator?.unite ? ` (${indicator.unite})` : ''}${indicator?.millesime ? ` — ${indicator.millesime}` : ''}`;
  const values = rows.map((r) => showPublished(r.valeur, r.statut));
  return {
    header: ['Code QPV', 'QPV', 'Commune', 'Département', `${indicator?.libelle ?? 'Valeur'}${unit}`, 'Distance au service 16–25 ans le plus proche (m)', 'Éducation prioritaire'],
    rows: rows.map((r, i) => [r.code, r.nom, r.commune_nom, r.departement_code, shownCsvCell(values[i]!, threshold), r.distance_m === null ? 'n.d.' : Math.round(r.distance_m), epLabel(r.ep)]),
    tables: [...RESULT_TABLES, ...indicatorValueTables(indicator?.indicateur ?? '')],
    ...(values.some((v) => v.status === 'secret') ? { note: secretNote(threshold) } : {}),
  };
}
