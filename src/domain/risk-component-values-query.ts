/**
 * The raw values of the risk index components (`risk-index.ts`), computed in SQL from the
 * published tables `qpv`, `indicateurs` and `etablissements` alone, so that the browser can
 * rebuild the index from what it has loaded. Run by the pipeline too.
 */
import { RISK_COMPONENTS, type RiskSource } from './risk-index.ts';
import { secretSqlPredicate } from './secret-statistique.ts';
import { sqlString } from './sql.ts';

const list = (ids: readonly string[]) => ids.map(sqlString).join(', ');

/** Indicators every component reads from `indicateurs`. */
function indicatorsRead(): string[] {
  const ids = RISK_COMPONENTS.flatMap(({ source }): string[] => {
    if (source.kind === 'indicateur') return [source.indicateur];
    if (source.kind === 'part') return [source.numerateur, ...source.denominateur];
    return [];
  });
  return [...new Set(ids)];
}

/** SELECT qpv_code, valeur_brute of one component. */
function componentSql(source: RiskSource): string {
  switch (source.kind) {
    case 'indicateur':
      return `SELECT qpv_code, valeur AS valeur_brute FROM latest WHERE indicateur = ${sqlString(source.indicateur)}`;
    case 'part': {
      // A share needs every count of its denominator; a zero denominator has no share; and a
      // share of counts under the secret statistique would give them away: it has none either.
      const denominator = `indicateur IN (${list(source.denominateur)})`;
      const inputs = `indicateur IN (${list([source.numerateur, ...source.denominateur])})`;
      return `SELECT qpv_code,
    CASE WHEN coalesce(bool_or(${secretSqlPredicate('valeur', 'type_valeur')}) FILTER (WHERE ${inputs}), FALSE) THEN NULL
         WHEN count(valeur) FILTER (WHERE ${denominator}) = ${source.denominateur.length}
         THEN 100 * max(valeur) FILTER (WHERE indicateur = ${sqlString(source.numerateur)}) / nullif(sum(valeur) FILTER (WHERE ${denominator}), 0) END AS valeur_brute
  FROM latest GROUP BY qpv_code`;
    }
    case 'college':
      // Summed in UAI order: the same bits on every run, whatever order the rows come in.
      return `SELECT qpv_code, list_avg(list(${source.colonne} ORDER BY uai)) AS valeur_brute FROM colleges GROUP BY qpv_code`;
  }
}

/**
 * One row per QPV of `qpv` and component: (qpv_code, composante, valeur_brute DOUBLE), the
 * value null when the component cannot be computed for that QPV (indicator not published,
 * no public collège nearby…). Indicators are taken at their latest year.
 *
 * A collège is near a QPV when it lies in it (`qpv_code`) or within 300 m of it (`qpv_300m`,
 * which lists the containing QPV too); private collèges are left out: they recruit beyond the
 * quartier and say little about its children.
 */
export function buildRiskComponentValuesQuery(): string {
  const components = RISK_COMPONENTS.map(({ id, source }) => `SELECT ${sqlString(id)} AS composante, * FROM (${componentSql(source)})`);
  return `
WITH latest AS (
  SELECT i.territoire_code AS qpv_code, i.indicateur, i.valeur::DOUBLE AS valeur, m.type_valeur
  FROM indicateurs i JOIN indicateurs_meta m USING (indicateur)
  WHERE i.niveau = 'qpv' AND i.indicateur IN (${list(indicatorsRead())})
  QUALIFY annee = max(annee) OVER (PARTITION BY indicateur)
), colleges AS (
  SELECT DISTINCT e.uai, t.qpv_code, e.ips::DOUBLE AS ips, e.dnb_taux_reussite::DOUBLE AS dnb_taux_reussite
  FROM etablissements e, unnest(string_split(concat_ws(',', e.qpv_code, e.qpv_300m), ',')) AS t(qpv_code)
  WHERE e.type = 'college' AND e.secteur = 'public' AND t.qpv_code <> ''
), valeurs AS (
  ${components.join('\n  UNION ALL\n  ')}
)
SELECT q.code AS qpv_code, c.composante, v.valeur_brute::DOUBLE AS valeur_brute
FROM qpv q
CROSS JOIN (VALUES ${RISK_COMPONENTS.map((c) => `(${sqlString(c.id)})`).join(', ')}) AS c(composante)
LEFT JOIN valeurs v ON v.qpv_code = q.code AND v.composante = c.composante
ORDER BY q.code, c.composante`;
}
