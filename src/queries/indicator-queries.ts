import { SECRET_THRESHOLD, SECRET_TYPES } from '../domain/secret-statistique.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';

/** One indicator as the selector lists it. */
export interface IndicatorOption {
  indicateur: string;
  libelle: string;
  unite: string;
  sens: 'hausse_defavorable' | 'hausse_favorable' | 'neutre';
  theme: string;
  millesime: string;
  annee: number;
}

/** Indicators that have at least one QPV value, by theme then label. */
export function buildIndicatorListQuery(): string {
  return `
SELECT m.indicateur, m.libelle, m.unite, m.sens, m.theme, m.millesime, max(i.annee) AS annee
FROM indicateurs_meta m JOIN indicateurs i USING (indicateur)
WHERE i.niveau = 'qpv'
GROUP BY ALL
ORDER BY m.theme, m.libelle`;
}

/**
 * Value of one indicator for every QPV, latest year. Counts of people under the secret
 * statistique threshold come out as null with statut 'secret'; QPV without a row as 'nd'.
 */
export function buildQpvIndicatorValuesQuery(indicateur: string): string {
  const id = sqlString(indicateur);
  const secretTypes = SECRET_TYPES.map(sqlString).join(', ');
  return `
WITH latest AS (
  SELECT territoire_code, valeur, statut FROM indicateurs
  WHERE indicateur = ${id} AND niveau = 'qpv'
    AND annee = (SELECT max(annee) FROM indicateurs WHERE indicateur = ${id} AND niveau = 'qpv')
), secret AS (
  SELECT type_valeur IN (${secretTypes}) AS applies FROM indicateurs_meta WHERE indicateur = ${id}
)
SELECT q.code,
       CASE WHEN s.applies AND l.valeur < ${sqlNumber(SECRET_THRESHOLD)} THEN NULL ELSE l.valeur END AS valeur,
       CASE WHEN l.valeur IS NULL AND l.statut IS NULL THEN 'nd'
            WHEN s.applies AND l.valeur < ${sqlNumber(SECRET_THRESHOLD)} THEN 'secret'
            ELSE l.statut END AS statut
FROM qpv q LEFT JOIN latest l ON l.territoire_code = q.code CROSS JOIN secret s
ORDER BY q.code`;
}
