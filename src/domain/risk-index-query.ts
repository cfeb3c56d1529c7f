/**
 * The décrochage risk index in SQL, for any weights: the one computation both the pipeline
 * (default weights, published as `risque_decrochage` / `risque_composantes`) and the browser
 * (the pondérations panel, in DuckDB-WASM) run. The method is declared in `risk-index.ts`.
 */
import { buildRiskComponentValuesQuery } from './risk-component-values-query.ts';
import { checkRiskWeights, RISK_COMPONENTS, requiredRiskComponents, type RiskWeights } from './risk-index.ts';
import { sqlNumber, sqlString } from './sql.ts';

/** Percentile rank (0–100) of `value` in `partition`, ties at their mean rank, 50 when alone. */
function percentileRank(value: string, partition: string): string {
  const n = `count(${value}) OVER (PARTITION BY ${partition})`;
  const below = `(rank() OVER (PARTITION BY ${partition} ORDER BY ${value} ASC NULLS LAST) - 1)`;
  const equal = `count(${value}) OVER (PARTITION BY ${partition}, ${value})`;
  return `CASE WHEN ${value} IS NULL THEN NULL
       WHEN ${n} = 1 THEN 50::DOUBLE
       ELSE 100 * (${below}::DOUBLE + (${equal} - 1)::DOUBLE / 2) / (${n} - 1)::DOUBLE END`;
}

/**
 * CTEs up to `contributions` (one row per QPV × component: raw, normalised, weight,
 * contribution) and `scores` (one row per QPV). `components` is a query returning
 * (qpv_code, composante, valeur_brute); rows of unknown components are ignored.
 */
function riskCtes(weights: RiskWeights, components: string): string {
  const checked = checkRiskWeights(weights);
  const params = RISK_COMPONENTS.map((c) => `(${sqlString(c.id)}, ${c.sens}, ${sqlNumber(checked[c.id])}::DOUBLE)`).join(', ');
  const total = RISK_COMPONENTS.filter((c) => checked[c.id] > 0).length;
  return `
WITH input AS (${components}),
params(composante, sens, poids) AS (VALUES ${params}),
oriented AS (
  SELECT i.qpv_code, i.composante, left(i.qpv_code, 2) AS generation, i.valeur_brute::DOUBLE AS valeur_brute,
         p.sens * i.valeur_brute::DOUBLE AS v, p.poids
  FROM input i JOIN params p USING (composante)
),
normalised AS (
  SELECT *, ${percentileRank('v', 'composante, generation')} AS valeur_normalisee FROM oriented
),
per_qpv AS (
  SELECT qpv_code,
         count(valeur_normalisee) FILTER (WHERE poids > 0) AS composantes_disponibles,
         list_sum(list(poids ORDER BY composante) FILTER (WHERE valeur_normalisee IS NOT NULL)) AS poids_disponible
  FROM normalised GROUP BY qpv_code
),
contributions AS (
  SELECT n.qpv_code, n.generation, n.composante, n.valeur_brute, n.valeur_normalisee, n.poids,
         CASE WHEN q.composantes_disponibles >= ${requiredRiskComponents(checked)} AND n.valeur_normalisee IS NOT NULL
              THEN n.poids * n.valeur_normalisee / q.poids_disponible END AS contribution
  FROM normalised n JOIN per_qpv q USING (qpv_code)
),
scores AS (
  SELECT c.qpv_code, c.generation, q.composantes_disponibles, ${total} AS composantes_total,
         -- Summed in component order, so that every run gives the same bits (and ranks).
         list_sum(list(c.contribution ORDER BY c.composante) FILTER (WHERE c.contribution IS NOT NULL)) AS score
  FROM contributions c JOIN per_qpv q USING (qpv_code)
  GROUP BY c.qpv_code, c.generation, q.composantes_disponibles
)`;
}

/**
 * One row per QPV, the columns of `risque_decrochage`: score (weighted mean of the
 * normalised components, 0–100, null = n.d.), rang (1 = most exposed, within the QPV
 * generation), percentile of the score (100 = most exposed), classe (quintile 1–5), statut
 * ('ok' / 'nd'), composantes_disponibles and composantes_total (components with weight > 0).
 * @param components query returning (qpv_code, composante, valeur_brute); by default computed
 *   from the published `qpv`, `indicateurs` and `etablissements`.
 * @throws RangeError for invalid weights.
 */
export function buildRiskScoresQuery(weights: RiskWeights, components = buildRiskComponentValuesQuery()): string {
  const percentile = percentileRank('score', 'generation');
  return `${riskCtes(weights, components)},
ranked AS (
  SELECT *, CASE WHEN score IS NOT NULL THEN rank() OVER (PARTITION BY generation ORDER BY score DESC NULLS LAST) END AS rang,
         ${percentile} AS percentile
  FROM scores
)
SELECT qpv_code, score, rang::INTEGER AS rang, percentile,
       CASE WHEN percentile IS NOT NULL THEN least(5, floor(percentile / 20)::INTEGER + 1) END AS classe,
       CASE WHEN score IS NULL THEN 'nd' ELSE 'ok' END AS statut,
       composantes_disponibles::INTEGER AS composantes_disponibles, composantes_total::INTEGER AS composantes_total
FROM ranked
ORDER BY qpv_code`;
}

/**
 * One row per QPV and component, the columns of `risque_composantes`: valeur_brute,
 * valeur_normalisee (percentile rank, 100 = most exposed), poids (as given) and contribution
 * (its share of the score: poids × valeur_normalisee / sum of the available weights; null
 * when the QPV has no score or the component no value). Contributions add up to the score.
 * @throws RangeError for invalid weights.
 */
export function buildRiskContributionsQuery(weights: RiskWeights, components = buildRiskComponentValuesQuery()): string {
  return `${riskCtes(weights, components)}
SELECT qpv_code, composante, valeur_brute, valeur_normalisee, poids, contribution
FROM contributions
ORDER BY qpv_code, composante`;
}
