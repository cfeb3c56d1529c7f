import { foldText, foldTextSql as normSql } from '../domain/fold-text.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';

/** One search hit: a QPV or a territory, with the box to zoom to. */
export interface SearchHit {
  kind: 'qpv' | 'region' | 'departement' | 'commune' | 'academie' | 'contrat_de_ville';
  code: string;
  nom: string;
  detail: string;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/**
 * Folds case, accents and punctuation, the same way as the SQL below, so that
 * « saint etienne » finds « Saint-Étienne » and « beziers » finds « Béziers ».
 */
export const normaliseSearchText = foldText;

/**
 * QPV, communes, départements, régions, académies and contrats de ville whose name contains the text or whose code
 * starts with it. Exact code, exact name, then name prefix come first; QPV before territories.
 * Returns null when the text is too short to search.
 */
export function buildSearchQuery(text: string, limit = 10): string | null {
  const q = normaliseSearchText(text);
  if (q.length < 2) return null;
  const code = q.replaceAll(' ', '');
  // The IGN file names communes without their article (« Havre », « Mans »): « le havre » must
  // still find « Havre ».
  const bare = q.replace(/^(le|la|les|l) (?=\S)/, '');
  return `
WITH candidates AS (
  SELECT 'qpv' AS kind, 0 AS kind_order, code, nom,
         'QPV · ' || commune_nom || ' (' || departement_code || ')' AS detail, xmin, ymin, xmax, ymax
  FROM qpv
  UNION ALL
  SELECT niveau, CASE niveau WHEN 'commune' THEN 1 WHEN 'departement' THEN 2 WHEN 'region' THEN 3 WHEN 'contrat_de_ville' THEN 4 ELSE 5 END, code, nom,
         CASE niveau WHEN 'commune' THEN 'Commune (' || departement_code || ')'
                     WHEN 'contrat_de_ville' THEN 'Contrat de ville (' || departement_code || ')'
                     WHEN 'departement' THEN 'Département' WHEN 'region' THEN 'Région' ELSE 'Académie' END,
         xmin, ymin, xmax, ymax
  FROM territoires
), scored AS (
  SELECT *, ${normSql('nom')} AS norm_nom, lower(code) AS norm_code FROM candidates
)
SELECT kind, code, nom, detail, xmin, ymin, xmax, ymax
FROM scored
WHERE contains(norm_nom, ${sqlString(q)}) OR contains(norm_nom, ${sqlString(bare)}) OR starts_with(norm_code, ${sqlString(code)})
ORDER BY
  CASE WHEN norm_code = ${sqlString(code)} THEN 0
       WHEN norm_nom IN (${sqlString(q)}, ${sqlString(bare)}) THEN 1
       WHEN starts_with(norm_nom, ${sqlString(q)}) OR starts_with(norm_nom, ${sqlString(bare)}) THEN 2
       WHEN starts_with(norm_code, ${sqlString(code)}) THEN 3
       ELSE 4 END,
  kind_order, length(nom), nom, code
LIMIT ${sqlNumber(limit)}`;
}
