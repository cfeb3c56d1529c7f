import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../domain/risk-index-query.ts';
import { RISK_COMPONENTS, type RiskWeights } from '../domain/risk-index.ts';
import { SECRET_THRESHOLD, secretSqlPredicate } from '../domain/secret-statistique.ts';
import { sqlString } from '../domain/sql.ts';
import { PUBLISHED_RISK_COMPONENTS } from './risk-indicator-queries.ts';

/** Tables the risk and services sections read (published by the risk and access builders). */
export const FICHE_RISQUE_TABLES = ['qpv', 'indicateurs', 'indicateurs_meta', 'risque_composantes'] as const;
export const FICHE_SERVICES_TABLES = ['acces_services'] as const;

/**
 * Whether a component of the QPV is computed from a count under the secret statistique (or
 * published hidden): a share of counts (`part`) would give the hidden count away, so the fiche
 * says it is masked rather than not available.
 */
function componentSecretSql(code: string, threshold: number): string {
  const cases = RISK_COMPONENTS.flatMap(({ id, source }) => {
    if (source.kind !== 'part') return [];
    const counts = [source.numerateur, ...source.denominateur].map(sqlString).join(', ');
    return [
      `WHEN ${sqlString(id)} THEN EXISTS (SELECT 1 FROM indicateurs i JOIN indicateurs_meta m USING (indicateur)
        WHERE i.territoire_code = ${sqlString(code)} AND i.indicateur IN (${counts}) AND ${secretSqlPredicate('i.valeur', 'm.type_valeur', threshold, 'i.statut')})`,
    ];
  });
  return cases.length === 0 ? 'false' : `CASE c.composante ${cases.join('\n    ')} ELSE false END`;
}

/**
 * The décrochage risk index of a QPV under `weights` (score, rank, percentile, class,
 * components available), recomputed from the published components as the map does, with
 * one row per component (normalised value, weight, contribution); the score's columns
 * repeat on each row. With the default weights it is the published index.
 * @throws RangeError for invalid weights.
 */
export function buildQpvRisqueQuery(code: string, weights: RiskWeights, threshold = SECRET_THRESHOLD): string {
  return `
WITH r AS (${buildRiskScoresQuery(weights, PUBLISHED_RISK_COMPONENTS)}),
c AS (${buildRiskContributionsQuery(weights, PUBLISHED_RISK_COMPONENTS)})
SELECT r.score, r.rang, r.percentile, r.classe, r.statut, r.composantes_disponibles, r.composantes_total,
       -- The QPV ranked with it: those with a score, of its generation (QP… 2015, QN… 2024).
       (SELECT count(a.score) FROM r AS a WHERE left(a.qpv_code, 2) = left(r.qpv_code, 2)) AS qpv_classes,
       c.composante, c.valeur_brute, c.valeur_normalisee, c.poids, c.contribution,
       ${componentSecretSql(code, threshold)} AS secret
FROM r
LEFT JOIN c ON c.qpv_code = r.qpv_code
WHERE r.qpv_code = ${sqlString(code)}
ORDER BY c.contribution DESC NULLS LAST, c.composante`;
}

/** The nearest 16–25 service of each category, with the counts within 1, 3 and 5 km. */
export function buildQpvServicesQuery(code: string): string {
  return `
SELECT categorie, services_localises, distance_m, service_nom, n_1km, n_3km, n_5km
FROM acces_services
WHERE qpv_code = ${sqlString(code)}
ORDER BY distance_m NULLS LAST, categorie`;
}
