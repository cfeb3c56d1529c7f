import { EP_RESEAU_SQL } from '../domain/education-prioritaire.ts';
import { ETABLISSEMENT_KIND_LABELS } from '../domain/etablissement-nature.ts';
import { foldText, foldTextSql as normSql } from '../domain/fold-text.ts';
import { MAP_LAYERS, type SearchableKind } from '../domain/map-layers.ts';
import { sqlNumber, sqlString } from '../domain/sql.ts';

/** The layers whose objects the search finds (`search` in `domain/map-layers.ts`), with their order among hits. */
const SEARCHED_LAYERS = MAP_LAYERS.flatMap((l) => (l.search === null ? [] : [{ ...l.object, table: l.table, order: l.search.order, kind: l.object.kind as SearchableKind }]));

/** The kinds of hit that have a fiche of their own (`SelectedObject`), rather than a territory. */
export const OBJECT_HIT_KINDS = SEARCHED_LAYERS.map((l) => l.kind) as readonly SearchableKind[];

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
export const scoredSql = (candidates: string) => `SELECT *, ${normSql('searched')} AS norm_nom, lower(code) AS norm_code FROM (${candidates})`;

/** What a search text is matched with: folded, its code form (no spaces), without a leading article, its words. */
export interface SearchTerms {
  q: string;
  code: string;
  bare: string;
  words: string[];
}

/** The terms of `text`; null when it is too short to search. */
export function searchTerms(text: string): SearchTerms | null {
  const q = normaliseSearchText(text);
  if (q.length < 2) return null;
  // A leading article the name may lack: the communes the COG gives no article back (renamed
  // since 2018) keep the IGN's bare name, and QPV names rarely carry one (« le mirail »).
  return { q, code: q.replaceAll(' ', ''), bare: q.replace(/^(le|la|les|l) (?=\S)/, ''), words: q.split(' ') };
}

/**
 * The hits among `scored` (`scoredSql`) whose searched text contains the text, or each of its
 * words, or whose code starts with it: exact code, exact name, name prefix, code prefix, the
 * text anywhere, then its words; within a rank, by kind, shorter names first. Null when the
 * text is too short to search. `searchPlaces` (place-search.ts) ranks the same way in JS.
 */
export function searchSql(scored: string, text: string, limit: number): string | null {
  const terms = searchTerms(text);
  if (terms === null) return null;
  const [qs, bs, cs] = [terms.q, terms.bare, terms.code].map(sqlString);
  // Every word somewhere: « jaures toulouse » finds « École maternelle Jean Jaurès » in Toulouse.
  const allWords = terms.words.length > 1 ? terms.words.map((w) => `contains(norm_nom, ${sqlString(w)})`).join(' AND ') : 'false';
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

/** `etablissementKindLabel(type, secteur)` in SQL. */
const KIND_LABEL_SQL = `CASE ${Object.entries(ETABLISSEMENT_KIND_LABELS)
  .flatMap(([type, labels]) => [`WHEN type = ${sqlString(type)} AND secteur = 'prive' THEN ${sqlString(labels.prive)}`, `WHEN type = ${sqlString(type)} THEN ${sqlString(labels.public)}`])
  .join(' ')} ELSE type END`;

/** Tables the objects' search is built from. */
export const OBJECT_SEARCH_TABLES = SEARCHED_LAYERS.map((l) => l.table);

/** What a searched kind of object gives the search, as SQL expressions over its layer's table. */
interface SearchedColumns {
  /** The text matched (folded once, when `search_objets` is built). */
  searched: string;
  /** The hit's second line. */
  detail: string;
  /** The box the map zooms to: xmin, ymin, xmax, ymax. */
  box: readonly [string, string, string, string];
}

const POINT_BOX = ['lon', 'lat', 'lon', 'lat'] as const;

/**
 * What each searched kind of object contributes to the search, given its French label. A
 * layer declaring `search` (domain/map-layers.ts) without an entry here fails the typecheck.
 */
const SEARCHED_COLUMNS: Readonly<Record<SearchableKind, (label: string) => SearchedColumns>> = {
  etablissement: () => ({
    searched: `nom || ' ' || commune_nom`,
    detail: `${KIND_LABEL_SQL} || CASE WHEN ep IN ${EP_RESEAU_SQL} THEN ' ' || ep WHEN ep = 'hors_ep' THEN '' ELSE ' · EP inconnue' END || ' · ' || commune_nom || ' (' || departement_code || ')'`,
    box: POINT_BOX,
  }),
  cite: (label) => ({
    searched: `nom || ' ' || communes_noms`,
    detail: `${sqlString(`${label} · `)} || replace(communes_noms, '|', ', ')`,
    box: ['coalesce(xmin, lon)', 'coalesce(ymin, lat)', 'coalesce(xmax, lon)', 'coalesce(ymax, lat)'],
  }),
  pre: (label) => ({ searched: `nom || ' ' || communes_noms`, detail: `${sqlString(`${label} · `)} || replace(communes_noms, '|', ', ')`, box: POINT_BOX }),
};

/** The rows of one searched layer, with the columns `scoredSql` expects. */
function searchedRowsSql({ kind, order, key, table, label }: (typeof SEARCHED_LAYERS)[number]): string {
  const { searched, detail, box } = SEARCHED_COLUMNS[kind](label);
  const [xmin, ymin, xmax, ymax] = box;
  return `
  SELECT ${sqlString(kind)} AS kind, ${sqlNumber(order)} AS kind_order, ${key} AS code, nom, ${searched} AS searched,
         ${detail} AS detail,
         ${xmin} AS xmin, ${ymin} AS ymin, ${xmax} AS xmax, ${ymax} AS ymax
  FROM ${table} WHERE lon IS NOT NULL`;
}

/**
 * Builds `search_objets` once the tables are loaded: the Cités, PRE and schools with their
 * folded searched text (a school's name and commune, « jean moulin nimes »), so that a
 * keystroke folds nothing.
 */
export const OBJECT_SEARCH_SETUP = `CREATE OR REPLACE TABLE search_objets AS ${scoredSql(SEARCHED_LAYERS.map(searchedRowsSql).join('\n  UNION ALL'))}`;

/** The Cités éducatives, PRE and schools (by name and commune, or by UAI) matching the text, ranked as `searchPlaces` ranks the QPV and territories. Reads `search_objets`. */
export function buildObjectSearchQuery(text: string, limit = 10): string | null {
  return searchSql('SELECT * FROM search_objets', text, limit);
}

/** Hits of both searches in one list, in the order each query gives its own, at most `limit`. */
export function rankSearchHits(hits: readonly SearchHit[], limit = 10): SearchHit[] {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...hits].sort((x, y) => x.rank - y.rank || x.kind_order - y.kind_order || x.nom.length - y.nom.length || byText(x.nom, y.nom) || byText(x.code, y.code)).slice(0, limit);
}
