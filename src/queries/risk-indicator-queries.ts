/**
 * The décrochage risk index as an indicator of the selector (`indicator-queries.ts`): the
 * choropleth, legend, cross-filter, GPU filter and result table read its score, recomputed
 * in DuckDB-WASM with the user's weights, through the values query like any indicator.
 */
import { buildRiskScoresQuery } from '../domain/risk-index-query.ts';
import { RISK_COMPONENTS, type RiskWeights } from '../domain/risk-index.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';
import { RISK_THEME } from '../domain/indicator-themes.ts';

export const RISK_INDICATOR_ID = 'risque_decrochage';

/** Its label in the indicator list and the cross-filter. */
export const RISK_LABEL = 'Indice de risque de décrochage (calcul de l’observatoire)';

/**
 * The components' raw values as published (`risque_composantes`): the browser ranks and
 * weighs these rather than recomputing them from `indicateurs` and `etablissements`, which
 * gives the same values (tests/integration/published-risk-index.test.ts) for far less work.
 */
export const PUBLISHED_RISK_COMPONENTS = 'SELECT qpv_code, composante, valeur_brute FROM risque_composantes';

/** Tables the index's values read, beside `qpv`. */
export const RISK_TABLES = ['qpv', 'risque_composantes'] as const;

/**
 * `INSEE publié en 2019–2020, DEPP 2021–2022`: each producer of the components with its years,
 * said to be release years when the components say so (the INSEE QPV files do not give the
 * year observed).
 */
function riskMillesime(): string {
  const years = new Map<string, { years: number[]; published: boolean }>();
  for (const c of RISK_COMPONENTS) {
    const producer = c.millesime.split(',')[0]!.trim();
    const found = (c.millesime.match(/\b(19|20)\d\d\b/g) ?? []).map(Number);
    const seen = years.get(producer) ?? { years: [], published: true };
    years.set(producer, { years: [...seen.years, ...found], published: seen.published && c.millesime.includes('publiées en') });
  }
  return [...years]
    .map(([producer, { years: ys, published }]) => {
      const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
      return ys.length === 0 ? producer : `${producer} ${published ? 'publié en ' : ''}${lo === hi ? lo : `${lo}–${hi}`}`;
    })
    .join(', ');
}

const MILLESIME = riskMillesime();
const LATEST_YEAR = Math.max(...RISK_COMPONENTS.flatMap((c) => (c.millesime.match(/\b(19|20)\d\d\b/g) ?? []).map(Number)));

/**
 * The index's row of the indicator list, with the columns of `buildIndicatorListQuery`: a
 * score from 0 to 100 (`indice`), higher = more exposed; `annee` is its latest component's.
 */
export function riskIndicatorListRow(): string {
  return `SELECT ${sqlString(RISK_INDICATOR_ID)} AS indicateur, ${sqlString(RISK_LABEL)} AS libelle,
       'indice' AS unite, 'hausse_defavorable' AS sens, ${sqlString(RISK_THEME)} AS theme, ${sqlString(MILLESIME)} AS millesime, ${sqlNumber(LATEST_YEAR)} AS annee`;
}

/**
 * The score of every QPV under `weights`, as (code, valeur, statut): `valeur` null and
 * statut 'nd' for a QPV missing a weighted component (never 0), or absent from the index.
 * Without the rank ranges: the map needs only the score (the fiche asks for them).
 * @throws RangeError for invalid weights (see `checkRiskWeights`).
 */
export function buildRiskIndicatorValuesQuery(weights: RiskWeights): string {
  return `
SELECT q.code, r.score AS valeur, coalesce(r.statut, 'nd') AS statut
FROM qpv q LEFT JOIN (${buildRiskScoresQuery(weights, PUBLISHED_RISK_COMPONENTS, false)}) r ON r.qpv_code = q.code
ORDER BY q.code`;
}
