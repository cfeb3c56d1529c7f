import { EP_RESEAU_SQL } from '../domain/education-prioritaire.ts';
import { ETABLISSEMENT_KIND_LABELS } from '../domain/etablissement-nature.ts';
import { foldText, foldTextSql as normSql } from '../domain/fold-text.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';
import { OBJECT_TABLES } from './object-tables.ts';

/** The kinds of hit that have a fiche of their own (`SelectedObject`), rather than a territory. */
export const OBJECT_HIT_KINDS = ['etablissement', 'cite', 'pre'] as const;

/** One search hit: a QPV, a territory or an object with a fiche, with the box to zoom to. */
export interface SearchHit {
  kind: 'qpv' | 'region' | 'departement' | 'commune' | 'academie' | 'contrat_de_ville' | (typeof OBJECT_HIT_KINDS)[number];
  /** The code shown and searched (a UAI for a school); for a Cité or a PRE, its name (their key). */
  code: string;
  nom: string;
  detail: string;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  /** How well it matches (0 = exact code … 5 = each word somewhere), then its kind's place: the order of hits. */
  rank: number;
  kind_order: number;
}

/**
 * Folds case, accents and punctuation, the same way as the SQL below, so that
 * « saint etienne » finds « Saint-Étienne » and « beziers » finds « Béziers ».
 */
export const normaliseSearchText = foldText;

/** `candidates` (kind, kind_order, code, nom, searched text, detail, box) with the columns `searchSql` matches on. */
const scoredSql = (candidates: string) => `SELECT *, ${normSql('searched')} AS norm_nom, lower(code) AS norm_code FROM (${candidates})`;

/**
 * The hits among `scored` (`scoredSql`) whose searched text contains the text, or each of its
 * words, or whose code starts with it: exact code, exact name, name prefix, code prefix, the
 * text anywhere, then its words; within a rank, by kind, shorter names first. Null when the
 * text is too short to search.
 */
function searchSql(scored: string, text: string, limit: number): string | null {
  const q = normaliseSearchText(text);
  if (q.length < 2) return null;
  const code = q.replaceAll(' ', '');
  // A leading article the name may lack: the communes the COG gives no article back (renamed
  // since 2018) keep the IGN's bare name, and QPV names rarely carry one (« le mirail »).
  const bare = q.replace(/^(le|la|les|l) (?=\S)/, '');
  const [qs, bs, cs] = [q, bare, code].map(sqlString);
  // Every word somewhere: « jaures toulouse » finds « École maternelle Jean Jaurès » in Toulouse.
  const words = q.split(' ');
  const allWords = words.length > 1 ? words.map((w) => `contains(norm_nom, ${sqlString(w)})`).join(' AND ') : 'false';
  return `
WITH scored AS (${scored})
SELECT kind, code, nom, detail, xmin, ymin, xmax, ymax, kind_order,
  CASE WHEN norm_code = ${cs} THEN 0
       WHEN norm_nom IN (${qs}, ${bs}) THEN 1
       WHEN starts_with(norm_nom, ${qs}) OR starts_with(norm_nom, ${bs}) THEN 2
       WHEN starts_with(norm_code, ${cs}) THEN 3
       WHEN contains(norm_nom, ${qs}) OR contains(norm_nom, ${bs}) THEN 4
       ELSE 5 END AS rank
FROM scored
WHERE contains(norm_nom, ${qs}) OR contains(norm_nom, ${bs}) OR starts_with(norm_code, ${cs}) OR (${allWords})
ORDER BY rank, kind_order, length(nom), nom, code
LIMIT ${sqlNumber(limit)}`;
}

/**
 * QPV, communes, départements, régions, académies and contrats de ville whose name contains
 * the text or whose code starts with it (QPV before territories at the same rank).
 */
export function buildSearchQuery(text: string, limit = 10): string | null {
  return searchSql(
    scoredSql(`
  SELECT 'qpv' AS kind, 0 AS kind_order, code, nom, nom AS searched,
         'QPV · ' || commune_nom || ' (' || departement_code || ')' AS detail, xmin, ymin, xmax, ymax
  FROM qpv
  UNION ALL
  SELECT niveau, CASE niveau WHEN 'commune' THEN 1 WHEN 'departement' THEN 2 WHEN 'region' THEN 3 WHEN 'contrat_de_ville' THEN 4 ELSE 5 END, code, nom, nom,
         CASE niveau WHEN 'commune' THEN 'Commune (' || departement_code || ')'
                     WHEN 'contrat_de_ville' THEN 'Contrat de ville (' || departement_code || ')'
                     WHEN 'departement' THEN 'Département' WHEN 'region' THEN 'Région' ELSE 'Académie' END,
         xmin, ymin, xmax, ymax
  FROM territoires`),
    text,
    limit,
  );
}

/** `etablissementKindLabel(type, secteur)` in SQL. */
const KIND_LABEL_SQL = `CASE ${Object.entries(ETABLISSEMENT_KIND_LABELS)
  .flatMap(([type, labels]) => [`WHEN type = ${sqlString(type)} AND secteur = 'prive' THEN ${sqlString(labels.prive)}`, `WHEN type = ${sqlString(type)} THEN ${sqlString(labels.public)}`])
  .join(' ')} ELSE type END`;

/** Tables the objects' search is built from. */
export const OBJECT_SEARCH_TABLES = [OBJECT_TABLES.etablissement.table, OBJECT_TABLES.cite.table, OBJECT_TABLES.pre.table];

/**
 * Builds `search_objets` once the tables are loaded: the Cités, PRE and schools with their
 * folded searched text (a school's name and commune, « jean moulin nimes »), so that a
 * keystroke folds nothing.
 */
export const OBJECT_SEARCH_SETUP = `CREATE OR REPLACE TABLE search_objets AS ${scoredSql(`
  SELECT 'cite' AS kind, 6 AS kind_order, ${OBJECT_TABLES.cite.key} AS code, nom, nom || ' ' || communes_noms AS searched,
         'Cité éducative · ' || replace(communes_noms, '|', ', ') AS detail,
         coalesce(xmin, lon) AS xmin, coalesce(ymin, lat) AS ymin, coalesce(xmax, lon) AS xmax, coalesce(ymax, lat) AS ymax
  FROM ${OBJECT_TABLES.cite.table} WHERE lon IS NOT NULL
  UNION ALL
  SELECT 'pre', 7, ${OBJECT_TABLES.pre.key}, nom, nom || ' ' || communes_noms, 'Programme de réussite éducative · ' || replace(communes_noms, '|', ', '), lon, lat, lon, lat
  FROM ${OBJECT_TABLES.pre.table} WHERE lon IS NOT NULL
  UNION ALL
  SELECT 'etablissement', 8, ${OBJECT_TABLES.etablissement.key}, nom, nom || ' ' || commune_nom,
         ${KIND_LABEL_SQL} || CASE WHEN ep IN ${EP_RESEAU_SQL} THEN ' ' || ep WHEN ep = 'hors_ep' THEN '' ELSE ' · EP inconnue' END || ' · ' || commune_nom || ' (' || departement_code || ')',
         lon, lat, lon, lat
  FROM ${OBJECT_TABLES.etablissement.table} WHERE lon IS NOT NULL`)}`;

/** The Cités éducatives, PRE and schools (by name and commune, or by UAI) matching the text, ranked as `buildSearchQuery` ranks. Reads `search_objets`. */
export function buildObjectSearchQuery(text: string, limit = 10): string | null {
  return searchSql('SELECT * FROM search_objets', text, limit);
}

/** Hits of both searches in one list, in the order each query gives its own, at most `limit`. */
export function rankSearchHits(hits: readonly SearchHit[], limit = 10): SearchHit[] {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...hits].sort((x, y) => x.rank - y.rank || x.kind_order - y.kind_order || x.nom.length - y.nom.length || byText(x.nom, y.nom) || byText(x.code, y.code)).slice(0, limit);
}
