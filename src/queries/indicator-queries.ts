import type { TableName } from '../domain/table-layouts.ts';
import type { RiskWeights } from '../domain/risk-index.ts';
import { secretSqlPredicate } from '../domain/secret-statistique.ts';
import { sqlString } from '../domain/sql.ts';
import { latestQpvIndicatorsSql, millesimeLabelSql } from '../domain/latest-indicators.ts';
import { buildRiskIndicatorValuesQuery, RISK_INDICATOR_ID, RISK_TABLES, riskIndicatorListRow } from './risk-indicator-queries.ts';
import { RISK_THEME } from '../domain/indicator-themes.ts';

/** One indicator as the selector lists it. */
export interface IndicatorOption {
  indicateur: string;
  libelle: string;
  unite: string;
  sens: 'hausse_defavorable' | 'hausse_favorable' | 'neutre';
  theme: string;
  /** The millésimes of the values shown (`millesimeLabel`), earliest first, joined by « ; » when QPV differ. */
  millesime: string;
  annee: number;
}

/** The risk index first (its own theme), then the indicators that have at least one QPV value, by theme then label. */
export function buildIndicatorListQuery(): string {
  return `
SELECT * FROM (
  ${riskIndicatorListRow()}
  UNION ALL
  SELECT m.indicateur, m.libelle, m.unite, m.sens, m.theme, string_agg(y.millesime, ' ; ' ORDER BY y.observee) AS millesime, max(y.annee) AS annee
  FROM indicateurs_meta m JOIN (
    SELECT indicateur, ${millesimeLabelSql('l')} AS millesime, min(coalesce(annee_observee, annee)) AS observee, max(annee) AS annee
    FROM (${latestQpvIndicatorsSql()}) l GROUP BY ALL
  ) y USING (indicateur)
  GROUP BY ALL
)
ORDER BY theme <> ${sqlString(RISK_THEME)}, theme, libelle`;
}

/** Tables the values query of `indicateur` reads. */
export function indicatorValueTables(indicateur: string): readonly TableName[] {
  return indicateur === RISK_INDICATOR_ID ? RISK_TABLES : ['indicateurs_meta', 'indicateurs', 'qpv'];
}

/**
 * Value of one indicator for every QPV, its latest millésime (`latestQpvIndicatorsSql`). Counts of people under the secret
 * statistique threshold come out as null with statut 'secret'; QPV without a row as 'nd'.
 * The risk index (`risque_decrochage`) is its score recomputed with `weights`.
 */
export function buildQpvIndicatorValuesQuery(indicateur: string, weights: RiskWeights): string {
  if (indicateur === RISK_INDICATOR_ID) return buildRiskIndicatorValuesQuery(weights);
  const id = sqlString(indicateur);
  const secret = secretSqlPredicate('l.valeur', 's.type_valeur');
  return `
WITH latest AS (
  ${latestQpvIndicatorsSql(`indicateur = ${id}`)}
), secret AS (
  SELECT type_valeur FROM indicateurs_meta WHERE indicateur = ${id}
)
SELECT q.code,
       CASE WHEN ${secret} THEN NULL ELSE l.valeur END AS valeur,
       CASE WHEN l.valeur IS NULL AND l.statut IS NULL THEN 'nd'
            WHEN ${secret} THEN 'secret'
            ELSE l.statut END AS statut
FROM qpv q LEFT JOIN latest l ON l.territoire_code = q.code CROSS JOIN secret s
ORDER BY q.code`;
}
