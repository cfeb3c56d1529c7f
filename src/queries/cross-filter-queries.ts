import type { DimensionContext, DimensionRegistry, Territoire, TerritoireNiveau } from '../domain/cross-filter.ts';
import type { TableName } from '../domain/table-layouts.ts';
import type { FactsShape } from '../domain/cross-filter-compute.ts';
import { DIMENSIONS } from './cross-filter-dimensions.ts';
import { QPV_PERIMETRE } from '../domain/cite-perimetre.ts';
import { foldText, foldTextSql } from '../domain/fold-text.ts';
import { sqlString } from '../domain/sql.ts';

/** Tables the cross-filter's own tables read (`CROSS_FILTER_SETUP`). */
export const CROSS_FILTER_SETUP_NEEDS: readonly TableName[] = ['qpv', 'etablissements', 'actions', 'cites', 'acces_services'];

/** Tables the values of dimensions `ids` read: a facts query waits for them, and only them (a table that failed disables its charts alone). */
export const dimensionTables = (ids: readonly string[], registry: DimensionRegistry = DIMENSIONS): TableName[] => [...new Set(ids.flatMap((id) => registry.get(id)?.tables ?? []))];

/**
 * Facts of each QPV the filters test, computed once (they do not depend on the filters):
 * - `cf_qpv`: éducation prioritaire status — the best status of the schools in the QPV or
 *   within 300 m of it (its *quartier vécu*): REP+, else REP, else 'inconnu' when one of them
 *   has an unknown status (it might be REP), else 'hors_ep' (every school there is stated
 *   hors EP, or there is none) —, distance to the nearest 16–25 service of any category, and
 *   the folded text the search filter matches;
 * - `cf_qpv_actions`: the sphères, axes and financements of each action placed in each QPV
 *   (an action that names no QPV counts for every QPV of its communes);
 * - `cf_qpv_territoires`: the région, département, main commune and Cités of each QPV.
 */
export const CROSS_FILTER_SETUP: readonly string[] = [
  `CREATE OR REPLACE TABLE cf_qpv AS
WITH ep AS (
  SELECT q AS code, max(CASE e.ep WHEN 'REP+' THEN 3 WHEN 'REP' THEN 2 WHEN 'hors_ep' THEN 0 ELSE 1 END) AS rang
  FROM etablissements e,
       unnest(list_distinct(string_split(concat_ws(',', e.qpv_code, e.qpv_300m), ','))) AS t(q)
  WHERE q <> ''
  GROUP BY q
), acces AS (
  SELECT qpv_code AS code, min(distance_m) AS distance_m FROM acces_services GROUP BY qpv_code
)
SELECT q.code, q.nom, q.commune_code, q.commune_nom, q.departement_code, q.region_code, q.xmin, q.ymin, q.xmax, q.ymax,
       CASE ep.rang WHEN 3 THEN 'REP+' WHEN 2 THEN 'REP' WHEN 1 THEN 'inconnu' ELSE 'hors_ep' END AS ep,
       acces.distance_m,
       ${foldTextSql("q.nom || ' ' || q.communes_libelle || ' ' || q.code")} AS texte
FROM qpv q LEFT JOIN ep USING (code) LEFT JOIN acces USING (code)`,
  qpvActionsTableSql('actions'),
  `CREATE OR REPLACE TABLE cf_qpv_territoires AS
SELECT code, 'region' AS niveau, region_code AS territoire FROM qpv
UNION ALL SELECT code, 'departement', departement_code FROM qpv
UNION ALL SELECT code, 'commune', commune_code FROM qpv
UNION ALL
SELECT DISTINCT q.code, 'cite', c.nom FROM cites c JOIN qpv q
  ON list_contains(string_split(coalesce(c.qpv_codes, ''), '|'), q.code)
  OR (c.perimetre IS DISTINCT FROM ${sqlString(QPV_PERIMETRE)} AND list_contains(string_split(c.communes, '|'), q.commune_code))`,
];

/**
 * `cf_qpv_actions` from `source`: the published `actions`, or in the browser the view that
 * adds the actions imported there (rebuilt after each import).
 */
export function qpvActionsTableSql(source: string): string {
  return `CREATE OR REPLACE TABLE cf_qpv_actions AS
WITH links AS (
  SELECT a.id, unnest(string_split(a.qpv_code, '|')) AS code FROM ${source} a WHERE a.qpv_code IS NOT NULL
  UNION
  SELECT a.id, q.code FROM ${source} a JOIN qpv q ON list_contains(string_split(a.commune_code, '|'), q.commune_code)
  WHERE a.qpv_code IS NULL
), attributes AS (
  SELECT id, 'spheres' AS dimension, unnest(string_split(spheres, '|')) AS valeur FROM ${source}
  UNION ALL SELECT id, 'axes', unnest(string_split(axes, '|')) FROM ${source} WHERE axes IS NOT NULL
  UNION ALL SELECT id, 'financement', unnest(string_split(financement, '|')) FROM ${source} WHERE financement IS NOT NULL
)
SELECT DISTINCT l.code, l.id, a.dimension, a.valeur FROM links l JOIN attributes a USING (id)`;
}

/**
 * One row per QPV with everything the cross-filter tests: per range dimension of `shape` its
 * value and statut (secret statistique applied by the dimension's query), per category
 * dimension its categories ('|'-separated), its éducation prioritaire status and box, and
 * whether it lies in the chosen territory and matches the text (`in_lieu`). Brushes and bars
 * are then applied in memory (src/domain/cross-filter-compute.ts): a brush move runs no query.
 */
export function buildQpvFactsQuery(shape: FactsShape, context: DimensionContext, territoire: Territoire | null, texte: string, registry: DimensionRegistry = DIMENSIONS): string {
  const folded = foldText(texte);
  const lieu = [
    territoire === null ? 'TRUE' : `c.code IN (SELECT code FROM cf_qpv_territoires WHERE niveau = ${sqlString(territoire.niveau)} AND territoire = ${sqlString(territoire.code)})`,
    folded === '' ? 'TRUE' : `contains(c.texte, ${sqlString(folded)})`,
  ].join(' AND ');
  const dimension = (id: string) => {
    const d = registry.get(id);
    if (d === undefined) throw new RangeError(`unknown dimension "${id}"`);
    return d;
  };
  const ctes = [...shape.ranges.map((id, i) => `r${i} AS (${dimension(id).values(context)})`), ...shape.categories.map((id, i) => `k${i} AS (${dimension(id).values(context)})`)];
  const columns = [...shape.ranges.flatMap((_, i) => [`r${i}.valeur::DOUBLE AS v${i}`, `r${i}.statut::VARCHAR AS s${i}`]), ...shape.categories.map((_, i) => `coalesce(k${i}.valeurs, '') AS c${i}`)];
  const joins = [...shape.ranges.map((_, i) => `LEFT JOIN r${i} ON r${i}.code = c.code`), ...shape.categories.map((_, i) => `LEFT JOIN k${i} ON k${i}.code = c.code`)];
  return `
${ctes.length > 0 ? `WITH ${ctes.join(',\n')}` : ''}
SELECT c.code, c.nom, c.commune_nom, c.departement_code, c.xmin, c.ymin, c.xmax, c.ymax, c.ep,
       ${[...columns, `${lieu} AS in_lieu`].join(',\n       ')}
FROM cf_qpv c ${joins.join(' ')}
ORDER BY c.code`;
}

/** A territory the selector offers. */
export interface TerritoryOption {
  niveau: TerritoireNiveau;
  code: string;
  nom: string;
  region_code: string | null;
  departement_code: string | null;
  /** QPV it holds. */
  qpv: number;
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
}

/**
 * Régions, départements and communes holding at least one QPV, and every Cité éducative
 * (located by its first département), with their QPV count and box, by name.
 */
export function buildTerritoryOptionsQuery(): string {
  return `
SELECT t.niveau, t.code, t.nom, t.region_code, t.departement_code, count(DISTINCT m.code)::INTEGER AS qpv, t.xmin, t.ymin, t.xmax, t.ymax
FROM territoires t JOIN cf_qpv_territoires m ON m.niveau = t.niveau AND m.territoire = t.code
GROUP BY ALL
UNION ALL
SELECT 'cite', c.nom, c.nom, d.region_code, d.code, count(DISTINCT m.code)::INTEGER, c.xmin, c.ymin, c.xmax, c.ymax
FROM cites c
LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = split_part(c.departement_code, '|', 1)
LEFT JOIN cf_qpv_territoires m ON m.niveau = 'cite' AND m.territoire = c.nom
GROUP BY ALL
ORDER BY nom, code`;
}
