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

/**
 * Per QPV and indicator, the row that describes the latest year (`annee_observee`, else its
 * edition `annee`): a later millésime given for some QPV (the long template) leaves the other
 * QPV's values in place. `where` narrows the rows first.
 */
export function latestQpvIndicatorsSql(where = 'TRUE'): string {
  return `SELECT * FROM indicateurs WHERE niveau = 'qpv' AND (${where})
  QUALIFY row_number() OVER (PARTITION BY territoire_code, indicateur ORDER BY coalesce(annee_observee, annee) DESC, annee DESC) = 1`;
}
