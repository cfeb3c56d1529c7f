/**
 * The raw values of the risk index components (`risk-index.ts`), computed in SQL from the
 * published tables `qpv`, `indicateurs`, `qpv_colleges` and `etablissements` alone, so that
 * the browser can rebuild the index from what it has loaded. Run by the pipeline too.
 */
import { RISK_COMPONENTS, type RiskSource } from './risk-index.ts';
import { sqlString } from './sql.ts';
import { latestQpvIndicatorsSql } from './latest-indicators.ts';

const list = (ids: readonly string[]) => ids.map(sqlString).join(', ');

/** Indicators every component reads from `indicateurs`. */
function indicatorsRead(): string[] {
  return [...new Set(RISK_COMPONENTS.flatMap(({ source }) => (source.kind === 'indicateur' ? [source.indicateur] : [])))];
}

/** SELECT qpv_code, valeur_brute of one component. */
function componentSql(source: RiskSource): string {
  switch (source.kind) {
    case 'indicateur':
      return `SELECT qpv_code, valeur AS valeur_brute FROM latest WHERE indicateur = ${sqlString(source.indicateur)}`;
    case 'college':
      // The weights of a QPV's collèges sum to 1: the weighted mean is their weighted sum,
      // added in rank order so that every run gives the same bits.
      return `SELECT qpv_code, list_sum(list(poids * ${source.colonne} ORDER BY rang)) AS valeur_brute FROM colleges GROUP BY qpv_code`;
  }
}

/**
 * One row per QPV of `qpv` and component: (qpv_code, composante, valeur_brute DOUBLE), the
 * value null when the component cannot be computed for that QPV (indicator not published, no
 * collège in its school context). Indicators are taken at each QPV's latest millésime
 * (`latestQpvIndicatorsSql`).
 *
 * The collège components average the IPS and DNB rate of the QPV's school context
 * (`qpv_colleges`: its nearest public collèges having both, distance-weighted; see
 * `RISK_COLLEGES`), with the weights published there.
 */
export function buildRiskComponentValuesQuery(): string {
  const components = RISK_COMPONENTS.map(({ id, source }) => `SELECT ${sqlString(id)} AS composante, * FROM (${componentSql(source)})`);
  return `
WITH latest AS (
  SELECT i.territoire_code AS qpv_code, i.indicateur, i.valeur::DOUBLE AS valeur
  FROM (${latestQpvIndicatorsSql(`indicateur IN (${list(indicatorsRead())})`)}) i
), colleges AS (
  SELECT c.qpv_code, c.rang, c.poids::DOUBLE AS poids, e.ips::DOUBLE AS ips, e.dnb_taux_reussite::DOUBLE AS dnb_taux_reussite
  FROM qpv_colleges c JOIN etablissements e USING (uai)
), valeurs AS (
  ${components.join('\n  UNION ALL\n  ')}
)
SELECT q.code AS qpv_code, c.composante, v.valeur_brute::DOUBLE AS valeur_brute
FROM qpv q
CROSS JOIN (VALUES ${RISK_COMPONENTS.map((c) => `(${sqlString(c.id)})`).join(', ')}) AS c(composante)
LEFT JOIN valeurs v ON v.qpv_code = q.code AND v.composante = c.composante
ORDER BY q.code, c.composante`;
}
