import { QPV_PERIMETRE } from '../domain/cite-perimetre.ts';
import { SECRET_THRESHOLD, secretSqlPredicate } from '../domain/secret-statistique.ts';
import { epOrderSql } from '../domain/education-prioritaire.ts';
import { sqlString } from '../domain/sql.ts';
import { latestQpvIndicatorsSql, millesimeLabelSql } from '../domain/latest-indicators.ts';
import { buildRiskScoresQuery } from '../domain/risk-index-query.ts';
import { isDefaultRiskWeights, type RiskWeights } from '../domain/risk-index.ts';
import { PUBLISHED_RISK_COMPONENTS, RISK_INDICATOR_ID, riskIndicatorListRow } from './risk-indicator-queries.ts';

const codeList = (codes: readonly string[]) => `[${codes.map(sqlString).join(', ')}]`;

/** Who the QPV are: name, communes, département, région, generation, in the order asked. */
export function buildQpvIdentityQuery(codes: readonly string[]): string {
  return `
SELECT q.code, q.nom, q.generation, q.commune_code, q.communes_libelle, q.departement_code,
       d.nom AS departement_nom, q.region_code, r.nom AS region_nom, q.source_id
FROM qpv q
LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = q.departement_code
LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = q.region_code
WHERE list_contains(${codeList(codes)}, q.code)
ORDER BY list_position(${codeList(codes)}, q.code)`;
}

/**
 * Rows of `IndicatorSqlRow` for each QPV asked and each indicator of `meta` (the columns of
 * `indicateurs_meta`), from `shown`: (code, indicateur, annee, millesime, source_id,
 * departement_code, region_code, valeur, statut), one row per QPV with a value, hidden values already nulled.
 * References, among the QPV whose value has the same millésime (values of two years are not
 * ranked together): the median of the QPV of its département, of its région and of every
 * loaded QPV; its rank (1 = the worst for the population, by `sens`; none for a neutral
 * indicator) and its centile (share of QPV with a lower value, 0–100). Every (QPV, indicator)
 * pair has a row, 'nd' when the QPV has no value, under the catalogue's millésime.
 */
function qpvIndicatorRows(codes: readonly string[], shown: string, meta: string): string {
  return `
WITH shown AS (${shown}),
ranked AS (
  SELECT *,
         CASE WHEN valeur IS NOT NULL THEN rank() OVER (PARTITION BY indicateur, millesime ORDER BY valeur ASC NULLS LAST) END AS rang_croissant,
         CASE WHEN valeur IS NOT NULL THEN rank() OVER (PARTITION BY indicateur, millesime ORDER BY valeur DESC NULLS LAST) END AS rang_decroissant
  FROM shown
), ensemble AS (
  SELECT indicateur, millesime, max(annee) AS annee, median(valeur) AS mediane_qpv, count(valeur) AS qpv_avec_valeur FROM shown GROUP BY ALL
), departementale AS (
  SELECT indicateur, millesime, departement_code, median(valeur) AS mediane_departement, count(valeur) AS qpv_departement FROM shown GROUP BY ALL
), regionale AS (
  SELECT indicateur, millesime, region_code, median(valeur) AS mediane_region, count(valeur) AS qpv_region FROM shown GROUP BY ALL
), rows AS (
  SELECT q.code, q.departement_code, q.region_code, m.*, coalesce(s.millesime, m.millesime) AS millesime_valeur
  FROM qpv q CROSS JOIN (${meta}) m
  LEFT JOIN shown s ON s.code = q.code AND s.indicateur = m.indicateur
  WHERE list_contains(${codeList(codes)}, q.code)
)
SELECT q.code AS qpv_code, q.indicateur, q.libelle, q.unite, q.type_valeur, q.sens, q.theme, coalesce(s.source_id, q.source_id) AS source_id, q.millesime_valeur AS millesime,
       coalesce(s.annee, n.annee) AS annee, s.valeur, coalesce(s.statut, 'nd') AS statut,
       d.mediane_departement, coalesce(d.qpv_departement, 0) AS qpv_departement,
       r.mediane_region, coalesce(r.qpv_region, 0) AS qpv_region,
       n.mediane_qpv, coalesce(n.qpv_avec_valeur, 0) AS qpv_avec_valeur,
       CASE q.sens WHEN 'hausse_favorable' THEN s.rang_croissant WHEN 'hausse_defavorable' THEN s.rang_decroissant END AS rang,
       CASE WHEN s.valeur IS NOT NULL AND n.qpv_avec_valeur > 1
            THEN round(100 * (s.rang_croissant - 1) / (n.qpv_avec_valeur - 1)) END AS centile
FROM rows q
LEFT JOIN ranked s ON s.code = q.code AND s.indicateur = q.indicateur
LEFT JOIN ensemble n ON n.indicateur = q.indicateur AND n.millesime = q.millesime_valeur
LEFT JOIN departementale d ON d.indicateur = q.indicateur AND d.millesime = q.millesime_valeur AND d.departement_code = q.departement_code
LEFT JOIN regionale r ON r.indicateur = q.indicateur AND r.millesime = q.millesime_valeur AND r.region_code = q.region_code
ORDER BY list_position(${codeList(codes)}, q.code), q.theme, q.libelle`;
}

/**
 * Every published indicator (its latest millésime, `latestQpvIndicatorsSql`) for each QPV asked, with its references (see
 * `qpvIndicatorRows`). Counts of people under the secret statistique are nulled first, so
 * that they take no part in medians, ranks or centiles.
 */
export function buildQpvIndicatorsQuery(codes: readonly string[], threshold = SECRET_THRESHOLD): string {
  const secret = secretSqlPredicate('l.valeur', 'm.type_valeur', threshold);
  const shown = `
  SELECT l.territoire_code AS code, l.indicateur, l.annee, ${millesimeLabelSql('l')} AS millesime, l.source_id, q.departement_code, q.region_code,
         CASE WHEN ${secret} THEN NULL ELSE l.valeur END AS valeur,
         CASE WHEN ${secret} THEN 'secret' ELSE l.statut END AS statut
  FROM (${latestQpvIndicatorsSql()}) l
  JOIN indicateurs_meta m USING (indicateur) JOIN qpv q ON q.code = l.territoire_code`;
  return qpvIndicatorRows(codes, shown, 'SELECT * FROM indicateurs_meta');
}

/**
 * The décrochage risk index under `weights` as one more indicator row per QPV asked, with the
 * same references as the published ones (`qpvIndicatorRows`): medians and rank among all the
 * QPV with a score. Its sources are those of the tables it reads (`RISK_TABLES`), not one id.
 * @throws RangeError for invalid weights.
 */
export function buildQpvRiskIndicatorQuery(codes: readonly string[], weights: RiskWeights): string {
  const shown = `
  SELECT r.qpv_code AS code, ${sqlString(RISK_INDICATOR_ID)} AS indicateur, l.annee, l.millesime, '' AS source_id, q.departement_code, q.region_code, r.score AS valeur, r.statut
  FROM (${buildRiskScoresQuery(weights, PUBLISHED_RISK_COMPONENTS, false)}) r JOIN qpv q ON q.code = r.qpv_code, (${riskIndicatorListRow()}) l`;
  // Weights of the user's own make the row say so, on screen, in print and in the CSV.
  const libelle = isDefaultRiskWeights(weights) ? 'libelle' : `libelle || ${sqlString(' — avec vos pondérations')}`;
  const meta = `SELECT indicateur, ${libelle} AS libelle, unite, 'indice' AS type_valeur, sens, theme, '' AS source_id, millesime FROM (${riskIndicatorListRow()})`;
  return qpvIndicatorRows(codes, shown, meta);
}

/** Establishments in the QPV or within 300 m, éducation prioritaire first. */
export function buildQpvEtablissementsQuery(code: string): string {
  return `
SELECT uai, nom, type, secteur, ep, effectifs, effectifs_statut, ips, ips_annee, dnb_taux_reussite, dnb_session, source_id,
       coalesce(qpv_code = ${sqlString(code)}, false) AS dans_le_qpv
FROM etablissements
WHERE qpv_code = ${sqlString(code)} OR list_contains(string_split(qpv_300m, ','), ${sqlString(code)})
ORDER BY ${epOrderSql('ep')}, dans_le_qpv DESC, nom`;
}

/**
 * Cités éducatives and PRE whose perimeter holds the QPV: its code among the Cité's QPV when
 * the perimeter is made of them, else its commune among the communes of the perimeter (a
 * perimeter `perimetre` says is approached or the whole commune).
 */
export function buildQpvProgrammesQuery(code: string): string {
  return `
WITH q AS (SELECT code, commune_code FROM qpv WHERE code = ${sqlString(code)})
SELECT 'cite' AS programme, c.nom, c.porteur, c.annee_labellisation, c.source_id, c.perimetre
FROM cites c, q
WHERE CASE WHEN c.perimetre = ${sqlString(QPV_PERIMETRE)} THEN list_contains(string_split(c.qpv_codes, '|'), q.code)
           ELSE list_contains(string_split(c.communes, '|'), q.commune_code) END
UNION ALL
SELECT 'pre', p.nom, p.porteur, NULL, p.source_id, p.perimetre
FROM pre p, q
WHERE list_contains(string_split(p.communes, '|'), q.commune_code)
ORDER BY programme, nom`;
}

/**
 * Actions of the QPV, one row per action and sphère: those naming the QPV, and those of its
 * commune that name no QPV (`rattachement` says which).
 */
export function buildQpvActionsQuery(code: string): string {
  return `
WITH q AS (SELECT code, commune_code FROM qpv WHERE code = ${sqlString(code)}),
matched AS (
  SELECT a.*, CASE WHEN list_contains(string_split(a.qpv_code, '|'), q.code) THEN 'qpv' ELSE 'commune' END AS rattachement
  FROM actions a, q
  WHERE list_contains(string_split(a.qpv_code, '|'), q.code)
     OR (a.qpv_code IS NULL AND list_contains(string_split(a.commune_code, '|'), q.commune_code))
)
SELECT unnest(string_split(spheres, '|')) AS sphere, id, titre, porteur, financement, tranches, annee_debut, annee_fin, rattachement, source_id
FROM matched
ORDER BY sphere, titre`;
}
