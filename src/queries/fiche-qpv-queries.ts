import { SECRET_THRESHOLD, SECRET_TYPES } from '../domain/secret-statistique.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';

/** Who a QPV is: name, communes, département, région. */
export function buildQpvIdentityQuery(code: string): string {
  return `
SELECT q.code, q.nom, q.generation, q.commune_code, q.communes_libelle, q.departement_code,
       d.nom AS departement_nom, q.region_code, r.nom AS region_nom
FROM qpv q
LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = q.departement_code
LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = q.region_code
WHERE q.code = ${sqlString(code)}`;
}

/**
 * Every indicator of a QPV with the median of all QPV that have it and the QPV's rank
 * (1 = the worst for the population, by `sens`). Counts of people under the secret
 * statistique threshold are nulled and take no rank.
 */
export function buildQpvIndicatorsQuery(code: string): string {
  const secret = `(m.type_valeur IN (${SECRET_TYPES.map(sqlString).join(', ')}) AND i.valeur < ${sqlNumber(SECRET_THRESHOLD)})`;
  return `
WITH shown AS (
  SELECT i.territoire_code, i.indicateur, i.annee, m.libelle, m.unite, m.sens, m.theme,
         CASE WHEN ${secret} THEN NULL ELSE i.valeur END AS valeur,
         CASE WHEN ${secret} THEN 'secret' ELSE i.statut END AS statut
  FROM indicateurs i JOIN indicateurs_meta m USING (indicateur)
  WHERE i.niveau = 'qpv'
), ranked AS (
  SELECT *,
         median(valeur) OVER (PARTITION BY indicateur) AS mediane_qpv,
         count(valeur) OVER (PARTITION BY indicateur) AS qpv_avec_valeur,
         CASE WHEN valeur IS NULL THEN NULL
              WHEN sens = 'hausse_favorable' THEN rank() OVER (PARTITION BY indicateur ORDER BY valeur ASC NULLS LAST)
              ELSE rank() OVER (PARTITION BY indicateur ORDER BY valeur DESC NULLS LAST) END AS rang
  FROM shown
)
SELECT indicateur, libelle, unite, sens, theme, annee, valeur, statut, mediane_qpv, qpv_avec_valeur,
       CASE WHEN sens = 'neutre' THEN NULL ELSE rang END AS rang
FROM ranked
WHERE territoire_code = ${sqlString(code)}
ORDER BY theme, libelle`;
}

/** Establishments in the QPV or within 300 m, éducation prioritaire first. */
export function buildQpvEtablissementsQuery(code: string): string {
  return `
SELECT uai, nom, type, secteur, ep, ips, dnb_taux_reussite, qpv_code = ${sqlString(code)} AS dans_le_qpv
FROM etablissements
WHERE qpv_code = ${sqlString(code)} OR list_contains(string_split(qpv_300m, ','), ${sqlString(code)})
ORDER BY CASE ep WHEN 'REP+' THEN 0 WHEN 'REP' THEN 1 ELSE 2 END, dans_le_qpv DESC, nom`;
}
