/**
 * Which `indicateurs` rows the app shows, and how it names their millésime, in SQL: shared by
 * the fiche, the map, the cross-filter, the territory view and the risk index (browser and
 * pipeline).
 */
import { MILLESIME_UNSPECIFIED } from './indicator-catalogue.ts';
import { sqlString } from './sql.ts';

/**
 * `millesimeLabel` of an `indicateurs` row (alias `row`) in SQL: the year it describes
 * (`annee_observee`), else its edition (`annee`) said to be one.
 */
export function millesimeLabelSql(row: string): string {
  return `coalesce(CAST(${row}.annee_observee AS VARCHAR), 'publié en ' || ${row}.annee || ${sqlString(MILLESIME_UNSPECIFIED)})`;
}

/** The columns of an `indicateurs` row that decide which of a QPV's rows for one indicator the app shows. */
export interface IndicatorYears {
  annee: number;
  annee_observee: number | null;
  source_id: string;
}

/** Negative when `a` is shown before `b` (`latestQpvIndicatorsSql`'s order, for the pipeline's refresh report). */
export function compareLatestFirst(a: IndicatorYears, b: IndicatorYears): number {
  return (b.annee_observee ?? b.annee) - (a.annee_observee ?? a.annee) || b.annee - a.annee || (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0);
}

/**
 * Per QPV and indicator, the row that describes the latest year (`annee_observee`, else its
 * edition `annee`, the latest it can describe), then the latest edition, then by source id so
 * that the choice never depends on the engine: a later millésime given for some QPV (the long
 * template) leaves the other QPV's values in place. `where` narrows the rows first.
 */
export function latestQpvIndicatorsSql(where = 'TRUE'): string {
  return `SELECT * FROM indicateurs WHERE niveau = 'qpv' AND (${where})
  QUALIFY row_number() OVER (PARTITION BY territoire_code, indicateur ORDER BY coalesce(annee_observee, annee) DESC, annee DESC, source_id ASC) = 1`;
}
