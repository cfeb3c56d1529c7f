import type { Territoire } from '../domain/cross-filter.ts';
import { epOrderSql } from '../domain/education-prioritaire.ts';
import { SECRET_THRESHOLD, secretSqlPredicate } from '../domain/secret-statistique.ts';
import { sqlString } from '../domain/sql.ts';
import { latestQpvIndicatorsSql, millesimeLabelSql } from '../domain/latest-indicators.ts';
import { ALL_ACTIONS_VIEW } from './local-actions-queries.ts';
import { actionInTerritory, listedInTerritory, placedInTerritory, qpvInTerritory, territoryScopeCtes } from './territory-scope.ts';

/**
 * The summary of a territory (Cité, commune, département, région): who it is and where, its
 * QPV with their population, its REP/REP+ establishments, PRE, partner places and actions.
 * What belongs to a territory: `territory-scope.ts`. Actions are read from `actions_toutes`
 * (published and imported in the browser).
 */

/** Name, number of communes and bounding box (to fit the map), and for a Cité what its perimeter rests on; no row for an unknown territory. */
export function buildTerritoryIdentityQuery(t: Territoire): string {
  const boxes =
    t.niveau === 'cite'
      ? // A Cité without perimeter geometry still has communes: their box.
        `SELECT c.nom, coalesce(c.xmin, b.xmin) AS xmin, coalesce(c.ymin, b.ymin) AS ymin, coalesce(c.xmax, b.xmax) AS xmax, coalesce(c.ymax, b.ymax) AS ymax,
                c.communes_noms AS detail, c.source, c.perimetre
         FROM cites c, (SELECT min(xmin) AS xmin, min(ymin) AS ymin, max(xmax) AS xmax, max(ymax) AS ymax
                        FROM territoires WHERE niveau = 'commune' AND code IN (SELECT code FROM t_communes)) b
         WHERE c.nom = ${sqlString(t.code)}`
      : `SELECT t.nom, t.xmin, t.ymin, t.xmax, t.ymax,
                CASE t.niveau WHEN 'commune' THEN d.nom || ' (' || t.departement_code || ')' WHEN 'departement' THEN r.nom ELSE NULL END AS detail, NULL AS source,
                NULL AS perimetre
         FROM territoires t
         LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = t.departement_code
         LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = t.region_code
         WHERE t.niveau = ${sqlString(t.niveau)} AND t.code = ${sqlString(t.code)}`;
  return `
WITH ${territoryScopeCtes(t)}, box AS (${boxes})
SELECT ${sqlString(t.niveau)} AS niveau, ${sqlString(t.code)} AS code, box.*, (SELECT count(*) FROM t_communes)::INTEGER AS communes
FROM box`;
}

/**
 * The QPV of the territory with the latest population INSEE gives (`pop_mun`) and its
 * millésime (`millesimeLabelSql`: the year it describes), null where the observatory
 * has no figure; a population hidden by the secret statistique (published so, or under the
 * threshold) is null with `population_secret` true.
 */
export function buildTerritoryQpvQuery(t: Territoire): string {
  // pop_mun is a count of people (type `effectif`).
  const secret = secretSqlPredicate('pop.population', sqlString('effectif'), SECRET_THRESHOLD, 'pop.statut');
  return `
WITH ${territoryScopeCtes(t)}, pop AS (
  SELECT i.territoire_code AS code, i.valeur AS population, i.statut, ${millesimeLabelSql('i')} AS millesime
  FROM (${latestQpvIndicatorsSql("indicateur = 'pop_mun'")}) i
)
SELECT q.code, q.nom, q.generation, q.commune_nom,
       CASE WHEN NOT ${secret} THEN pop.population END AS population, pop.millesime, coalesce(${secret}, FALSE) AS population_secret
FROM qpv q LEFT JOIN pop USING (code)
WHERE ${qpvInTerritory(t)}
ORDER BY q.commune_nom, q.nom`;
}

/**
 * Schools and collèges of éducation prioritaire (REP+, then REP) in the territory's communes,
 * then those whose status is unknown (they might be REP: listed apart, never left out as hors EP).
 */
export function buildTerritoryEtablissementsQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT e.uai, e.nom, e.type, e.ep, e.commune_nom, e.qpv_code
FROM etablissements e
WHERE e.ep <> 'hors_ep' AND ${placedInTerritory(t, 'e')}
ORDER BY ${epOrderSql('e.ep')}, e.commune_nom, e.type, e.nom`;
}

/** Programmes de réussite éducative covering at least one commune of the territory. */
export function buildTerritoryPreQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT p.nom, p.porteur, p.communes_noms, p.source
FROM pre p
WHERE ${listedInTerritory('p.communes', 'p.departement_code')}
ORDER BY p.nom`;
}

/**
 * Partner places of the territory by category. Places the sources give no commune (posts of a
 * contrat de ville, placed at the contract's point) belong to their département only:
 * `hors_commune` counts those of the territory's départements, which a commune or a Cité
 * view cannot attribute (its départements are those of its communes).
 */
export function buildTerritoryLieuxQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)},
departements AS (SELECT DISTINCT departement_code AS code FROM territoires WHERE niveau = 'commune' AND code IN (SELECT code FROM t_communes)),
dans AS (SELECT categorie, count(*)::INTEGER AS n FROM lieux l WHERE ${placedInTerritory(t, 'l')} GROUP BY ALL),
hors AS (SELECT categorie, count(*)::INTEGER AS n FROM lieux l WHERE l.commune_code IS NULL AND l.departement_code IN (SELECT code FROM departements) GROUP BY ALL)
SELECT categorie, coalesce(dans.n, 0) AS lieux, ${t.niveau === 'commune' || t.niveau === 'cite' ? 'coalesce(hors.n, 0)' : '0'} AS hors_commune
FROM dans FULL JOIN hors USING (categorie)
WHERE coalesce(dans.n, 0) > 0 OR ${t.niveau === 'commune' || t.niveau === 'cite' ? 'coalesce(hors.n, 0) > 0' : 'FALSE'}
ORDER BY lieux DESC, hors_commune DESC, categorie`;
}

/** The actions of the territory, published and local, local ones first then by title. */
export function buildTerritoryActionsQuery(t: Territoire): string {
  return `
WITH ${territoryScopeCtes(t)}
SELECT a.id, a.titre, a.commune, a.spheres, a.tranches, a.financement, a.source, a.locale
FROM ${ALL_ACTIONS_VIEW} a
WHERE ${actionInTerritory(t)}
ORDER BY a.locale DESC, a.titre`;
}

/** Dimensions of the actions breakdown, in display order. */
export const ACTION_DIMENSIONS = ['spheres', 'axes', 'niveaux', 'financement'] as const;
export type ActionDimension = (typeof ACTION_DIMENSIONS)[number];

/**
 * Actions of the territory counted by sphère, axe, niveau d'alliance and financement (an action
 * counts once for each of its values); `valeur` null counts the actions that state none.
 */
export function buildTerritoryActionBreakdownQuery(t: Territoire): string {
  const parts = ACTION_DIMENSIONS.map(
    (d) => `SELECT '${d}' AS dimension, v AS valeur, count(DISTINCT id)::INTEGER AS actions
FROM (SELECT id, unnest(coalesce(string_split(${d}, '|'), [NULL::VARCHAR])) AS v FROM mine) GROUP BY ALL`,
  );
  return `
WITH ${territoryScopeCtes(t)}, mine AS (SELECT * FROM ${ALL_ACTIONS_VIEW} a WHERE ${actionInTerritory(t)})
${parts.join('\nUNION ALL\n')}
ORDER BY dimension, valeur NULLS LAST`;
}

/** The Cités éducatives of the registry, for the territory picker. */
export function buildCiteNamesQuery(): string {
  return 'SELECT nom, communes_noms FROM cites ORDER BY nom';
}
