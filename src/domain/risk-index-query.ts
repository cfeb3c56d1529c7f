/**
 * The décrochage risk index in SQL, for any weights: the one computation both the pipeline
 * (default weights, published as `risque_decrochage` / `risque_composantes`) and the browser
 * (the pondérations panel, in DuckDB-WASM) run. The method is declared in `risk-index.ts`.
 */
import { buildRiskComponentValuesQuery } from './risk-component-values-query.ts';
import { checkRiskWeights, RISK_COMPONENTS, RISK_ROBUSTNESS_FACTORS, type RiskWeights } from './risk-index.ts';
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

/** Column of the pivoted normalised value of a component (ids are snake_case). */
const v = (id: string) => `v_${id}`;

/**
 * The score as a weighted mean of the normalised values, written out term by term in
 * component order: Σ wᵢ × vᵢ / (w₁ + … + wₖ). No aggregate: the same expression gives the same
 * bits on every run and in every engine build, and at factor 1 the robustness weightings give
 * exactly the published score (so the published rank lies within its range).
 * @param weights SQL expression of each weighted component's weight, in component order.
 */
function scoreSql(weights: readonly { id: string; w: string }[]): string {
  const total = `(${weights.map((c) => c.w).join(' + ')})`;
  return weights.map((c) => `${c.w} * ${v(c.id)} / ${total}`).join(' + ');
}

/**
 * CTEs up to `contributions` (one row per QPV × component: raw, normalised, weight,
 * contribution), `pivot` (one row per QPV, a column per weighted component) and `scores`
 * (one row per QPV). `components` is a query returning (qpv_code, composante, valeur_brute);
 * rows of unknown components are ignored.
 *
 * Two steps: the scored set first — the QPV with a value for every weighted component —, then
 * the percentile ranks within it, per generation: every component is ranked among the same QPV.
 */
function riskCtes(weights: RiskWeights, components: string): string {
  const checked = checkRiskWeights(weights);
  const params = RISK_COMPONENTS.map((c) => `(${sqlString(c.id)}, ${c.sens}, ${sqlNumber(checked[c.id])}::DOUBLE)`).join(', ');
  const weighted = RISK_COMPONENTS.filter((c) => checked[c.id] > 0).map((c) => ({ id: c.id, w: `${sqlNumber(checked[c.id])}::DOUBLE` }));
  const total = `(${weighted.map((c) => c.w).join(' + ')})`;
  return `
WITH input AS (${components}),
params(composante, sens, poids) AS (VALUES ${params}),
oriented AS (
  SELECT i.qpv_code, i.composante, left(i.qpv_code, 2) AS generation, i.valeur_brute::DOUBLE AS valeur_brute,
         p.sens * i.valeur_brute::DOUBLE AS v, p.poids
  FROM input i JOIN params p USING (composante)
),
per_qpv AS (
  SELECT qpv_code, count(v) FILTER (WHERE poids > 0) AS composantes_disponibles,
         count(v) FILTER (WHERE poids > 0) = ${weighted.length} AS note
  FROM oriented GROUP BY qpv_code
),
normalised AS (
  SELECT o.*, q.note, q.composantes_disponibles,
         ${percentileRank('CASE WHEN q.note THEN o.v END', 'o.composante, o.generation')} AS valeur_normalisee
  FROM oriented o JOIN per_qpv q USING (qpv_code)
),
contributions AS (
  SELECT qpv_code, generation, composante, valeur_brute, valeur_normalisee, poids,
         -- A component without weight is not in the score: no contribution, rather than 0 points.
         CASE WHEN valeur_normalisee IS NOT NULL AND poids > 0 THEN poids * valeur_normalisee / ${total} END AS contribution
  FROM normalised
),
pivoted AS MATERIALIZED (
  SELECT qpv_code, generation, note, composantes_disponibles,
         ${weighted.map((c) => `max(valeur_normalisee) FILTER (WHERE composante = ${sqlString(c.id)}) AS ${v(c.id)}`).join(',\n         ')}
  FROM normalised GROUP BY qpv_code, generation, note, composantes_disponibles
),
scores AS (
  SELECT qpv_code, generation, composantes_disponibles, ${weighted.length} AS composantes_total,
         CASE WHEN note THEN ${scoreSql(weighted)} END AS score
  FROM pivoted
)`;
}

/**
 * The best and worst rank of every scored QPV over the robustness weightings: each weighted
 * component's weight times each of `RISK_ROBUSTNESS_FACTORS`, independently (3^k weightings).
 * Exact over that finite set: every weighting is scored and ranked. The normalised values do
 * not move (the scored set depends only on which weights are > 0), so it is one cross join of
 * the weightings (one row each, a factor column per component) with the scored QPV (one row
 * each), one rank per weighting and generation: 729 × 100 rows for six components.
 */
function robustnessCtes(weights: RiskWeights): string {
  const weighted = RISK_COMPONENTS.filter((c) => weights[c.id] > 0).map((c) => ({ id: c.id, w: `(g.f_${c.id} * ${sqlNumber(weights[c.id])}::DOUBLE)` }));
  const factors = `[${RISK_ROBUSTNESS_FACTORS.map((f) => `${sqlNumber(f)}::DOUBLE`).join(', ')}]`;
  const n = RISK_ROBUSTNESS_FACTORS.length;
  // Weighting w (0 … n^k − 1) gives the j-th weighted component the factor of its j-th base-n digit.
  const columns = weighted.map((c, j) => `${factors}[((w // ${n ** j}) % ${n}) + 1] AS f_${c.id}`).join(', ');
  return `,
weightings AS (
  SELECT w, ${columns} FROM range(0, ${n ** weighted.length}) AS t(w)
),
robustness AS (
  SELECT qpv_code, min(rang) AS rang_min, max(rang) AS rang_max
  FROM (
    SELECT p.qpv_code, rank() OVER (PARTITION BY g.w, p.generation ORDER BY ${scoreSql(weighted)} DESC) AS rang
    FROM pivoted p, weightings g
    WHERE p.note
  )
  GROUP BY qpv_code
)`;
}

/**
 * One row per QPV, the columns of `risque_decrochage`: score (weighted mean of the
 * normalised components, 0–100, null = n.d.), rang (1 = most exposed, within the QPV
 * generation), rang_min and rang_max (best and worst rank when each weight is halved, kept or
 * doubled independently), percentile of the score (100 = most exposed), classe (quintile
 * 1–5), statut ('ok' / 'nd'), composantes_disponibles and composantes_total (components with
 * weight > 0).
 * @param components query returning (qpv_code, composante, valeur_brute); by default computed
 *   from the published `qpv`, `indicateurs`, `qpv_colleges` and `etablissements`.
 * @param robustness false leaves rang_min and rang_max null (the map needs only the score:
 *   3^k weightings are not worth ranking on every change of weight there).
 * @throws RangeError for invalid weights.
 */
export function buildRiskScoresQuery(weights: RiskWeights, components = buildRiskComponentValuesQuery(), robustness = true): string {
  const percentile = percentileRank('score', 'generation');
  const checked = checkRiskWeights(weights);
  return `${riskCtes(checked, components)}${robustness ? robustnessCtes(checked) : ''},
ranked AS (
  SELECT *, CASE WHEN score IS NOT NULL THEN rank() OVER (PARTITION BY generation ORDER BY score DESC NULLS LAST) END AS rang,
         ${percentile} AS percentile
  FROM scores
)
SELECT r.qpv_code, r.score, r.rang::INTEGER AS rang,
       ${robustness ? 'b.rang_min::INTEGER' : 'NULL::INTEGER'} AS rang_min, ${robustness ? 'b.rang_max::INTEGER' : 'NULL::INTEGER'} AS rang_max, r.percentile,
       CASE WHEN r.percentile IS NOT NULL THEN least(5, floor(r.percentile / 20)::INTEGER + 1) END AS classe,
       CASE WHEN r.score IS NULL THEN 'nd' ELSE 'ok' END AS statut,
       r.composantes_disponibles::INTEGER AS composantes_disponibles, r.composantes_total::INTEGER AS composantes_total
FROM ranked r${robustness ? ' LEFT JOIN robustness b USING (qpv_code)' : ''}
ORDER BY r.qpv_code`;
}

/**
 * One row per QPV and component, the columns of `risque_composantes`: valeur_brute,
 * valeur_normalisee (percentile rank among the scored QPV of its generation, 100 = most
 * exposed; null when the QPV has no score), poids (as given) and contribution (its share of
 * the score: poids × valeur_normalisee / sum of the weights; null when the QPV has no score or
 * the component no weight).
 * Contributions add up to the score.
 * @throws RangeError for invalid weights.
 */
export function buildRiskContributionsQuery(weights: RiskWeights, components = buildRiskComponentValuesQuery()): string {
  return `${riskCtes(weights, components)}
SELECT qpv_code, composante, valeur_brute, valeur_normalisee, poids, contribution
FROM contributions
ORDER BY qpv_code, composante`;
}
