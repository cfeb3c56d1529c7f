import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../domain/risk-index-query.ts';
import { RISK_COMPONENTS, type RiskWeights } from '../domain/risk-index.ts';
import { latestQpvIndicatorsSql } from '../domain/latest-indicators.ts';
import { sqlString } from '../domain/sql.ts';
import { buildLoadedCoverageQuery, LOADED_COVERAGE_TABLES } from './loaded-coverage-query.ts';
import { PUBLISHED_RISK_COMPONENTS } from './risk-indicator-queries.ts';

/** Tables the risk and services sections read (published by the risk and access builders). */
export const FICHE_RISQUE_TABLES = ['qpv', 'risque_composantes', 'indicateurs'] as const;
/** The scored QPV's places take their names from `territoires`. */
export const FICHE_SCORED_COVERAGE_TABLES = [...FICHE_RISQUE_TABLES, ...LOADED_COVERAGE_TABLES] as const;
export const FICHE_COLLEGES_TABLES = ['qpv_colleges', 'etablissements'] as const;
export const FICHE_SERVICES_TABLES = ['acces_services'] as const;

/**
 * The décrochage risk index of a QPV under `weights` (score, rank and its range when each
 * weight varies from half to double, percentile, class, components available), recomputed
 * from the published components as the map does, with one row per component (normalised
 * value, weight, contribution, and the year an indicator's value describes when
 * `indicateurs` gives it); the score's columns repeat on each row. With the default
 * weights it is the published index.
 * @throws RangeError for invalid weights.
 */
export function buildQpvRisqueQuery(code: string, weights: RiskWeights): string {
  const indicatorComponents = RISK_COMPONENTS.flatMap(({ id, source }) => (source.kind === 'indicateur' ? [`(${sqlString(id)}, ${sqlString(source.indicateur)})`] : [])).join(', ');
  return `
WITH r AS (${buildRiskScoresQuery(weights, PUBLISHED_RISK_COMPONENTS)}),
c AS (${buildRiskContributionsQuery(weights, PUBLISHED_RISK_COMPONENTS)})
SELECT r.score, r.rang, r.rang_min, r.rang_max, r.percentile, r.classe, r.statut, r.composantes_disponibles, r.composantes_total,
       -- The QPV ranked with it: those with a score, of its generation (QP… 2015, QN… 2024).
       (SELECT count(a.score) FROM r AS a WHERE left(a.qpv_code, 2) = left(r.qpv_code, 2)) AS qpv_classes,
       c.composante, c.valeur_brute, c.valeur_normalisee, c.poids, c.contribution,
       -- The year an indicator component's value describes, when known (a long template row).
       y.annee_observee
FROM r
LEFT JOIN c ON c.qpv_code = r.qpv_code
LEFT JOIN (VALUES ${indicatorComponents}) AS k(composante, indicateur) ON k.composante = c.composante
LEFT JOIN (${latestQpvIndicatorsSql(`territoire_code = ${sqlString(code)}`)}) y ON y.indicateur = k.indicateur
WHERE r.qpv_code = ${sqlString(code)}
ORDER BY c.contribution DESC NULLS LAST, c.composante`;
}

/**
 * Where the QPV ranked with this one lie (those with a score under these weights, of its
 * generation), as rows of `describeCoverage`: a rank says what it is taken among.
 */
export function buildScoredCoverageQuery(code: string, weights: RiskWeights): string {
  const scored = `(SELECT q.* FROM qpv q JOIN (${buildRiskScoresQuery(weights, PUBLISHED_RISK_COMPONENTS, false)}) s ON s.qpv_code = q.code
    WHERE s.score IS NOT NULL AND q.generation = (SELECT generation FROM qpv WHERE code = ${sqlString(code)}))`;
  return buildLoadedCoverageQuery(scored);
}

/** The school context of the QPV (`qpv_colleges`), nearest first, with each collège's IPS, DNB rate and commune. */
export function buildQpvCollegesQuery(code: string): string {
  return `
SELECT c.uai, c.nom, c.distance_m, c.rang, c.poids, e.ips, e.dnb_taux_reussite, e.commune_nom
FROM qpv_colleges c LEFT JOIN etablissements e USING (uai)
WHERE c.qpv_code = ${sqlString(code)}
ORDER BY c.rang`;
}

/** The nearest 16–25 service of each category, with the counts within 1, 3 and 5 km. */
export function buildQpvServicesQuery(code: string): string {
  return `
SELECT categorie, services_localises, distance_m, service_nom, n_1km, n_3km, n_5km
FROM acces_services
WHERE qpv_code = ${sqlString(code)}
ORDER BY distance_m NULLS LAST, categorie`;
}
