import type { TableName } from '../domain/table-layouts.ts';
import { PERIMETRE_KINDS, PRE_PERIMETRE } from '../domain/cite-perimetre.ts';
import { sqlString } from '../domain/sql.ts';
import { reseauEmpriseSql } from '../domain/reseau-emprise.ts';
import type { SelectedObject } from '../domain/selected-object.ts';
import type { MapObjectKind } from '../domain/map-layers.ts';
import { ALL_ACTIONS_VIEW } from './local-actions-queries.ts';
import { fromObject, OBJECT_TABLES } from './object-tables.ts';

/**
 * The objects drawn over the QPV, each with the key its fiche opens by (`kind`, `id`) and
 * its tooltip text. Points come with WGS84 lon/lat; footprints with GeoJSON text.
 */
export interface MapPoint {
  /** The kind of its fiche (a layer's `object.kind`, domain/map-layers.ts). */
  kind: MapObjectKind;
  id: string;
  nom: string;
  /** Category id (lieux), else the kind. */
  categorie: string;
  detail: string;
  lon: number;
  lat: number;
  /** Actions drawn at the same point (actions only). */
  count: number;
  /** Ids of the objects at this point, comma-separated. */
  ids: string;
}

export interface MapFootprint {
  kind: MapObjectKind;
  id: string;
  nom: string;
  categorie: string;
  detail: string;
  geometry: string;
}

/**
 * Partner places, one marker per point and category. Places known only by their contrat de
 * ville sit, many together, at the ANCT point of that contrat: the tooltip says so.
 */
export function buildLieuPointsQuery(): string {
  return `
SELECT 'lieu' AS kind, min(id) AS id, arg_min(nom, id) AS nom, categorie,
       CASE WHEN count(*) > 1 THEN count(*) || ' structures : ' ELSE '' END
         || list_aggregate(list(nom ORDER BY id)[1:3], 'string_agg', ', ') || CASE WHEN count(*) > 3 THEN '…' ELSE '' END
         || CASE WHEN any_value(precision) = 'contrat_de_ville' THEN ' (position approchée : point du contrat de ville)' ELSE '' END AS detail,
       lon, lat, count(*)::INTEGER AS count, string_agg(id, ',' ORDER BY id) AS ids
FROM lieux WHERE lon IS NOT NULL
GROUP BY lon, lat, categorie
ORDER BY categorie, id`;
}

/** `perimetre` of a `cites` row (alias `c`) as its French label, for tooltips and fiches. */
export function perimetreLabelSql(alias = 'c'): string {
  return `CASE ${alias}.perimetre ${PERIMETRE_KINDS.map((k) => `WHEN ${sqlString(k.id)} THEN ${sqlString(k.label)}`).join(' ')} ELSE ${alias}.perimetre END`;
}

/** PRE at a point of their first commune, which the tooltip says. */
export function buildPrePointsQuery(): string {
  return `
SELECT 'pre' AS kind, nom AS id, nom, 'pre' AS categorie, replace(communes_noms, '|', ', ') || ' · ' || ${sqlString(PRE_PERIMETRE.label)} AS detail, lon, lat, 1 AS count, nom AS ids
FROM pre WHERE lon IS NOT NULL
ORDER BY nom`;
}

/**
 * Actions of `source` (the published table, or the view adding the imported ones) at their
 * place (a point of their first commune): one marker per point, carrying the first action's
 * id and every id of the point.
 */
export function buildActionPointsQuery(source = 'actions'): string {
  return `
SELECT 'action' AS kind, min(id) AS id, arg_min(titre, id) AS nom, 'action' AS categorie,
       string_agg(titre, ' · ' ORDER BY id) AS detail, lon, lat, count(*)::INTEGER AS count, string_agg(id, ',' ORDER BY id) AS ids
FROM ${source} WHERE lon IS NOT NULL
GROUP BY lon, lat
ORDER BY id`;
}

/**
 * Cités éducatives with a perimeter; `categorie` is what it rests on (`perimetre`: the map
 * draws an approached one dashed), and the tooltip says it, with the QPV matched to the
 * source's names and those not loaded.
 */
export function buildCiteFootprintsQuery(): string {
  return `
SELECT 'cite' AS kind, c.nom AS id, c.nom, c.perimetre AS categorie,
       replace(c.communes_noms, '|', ', ') || ' · périmètre : ' || ${perimetreLabelSql()}
         || coalesce(' · QPV : ' || replace(c.qpv_appariements, '|', ', '), '')
         || coalesce(' · nommés par la source, absents des données chargées : ' || replace(c.qpv_non_charges, '|', ', '), '') AS detail,
       c.geometry
FROM cites c WHERE c.geometry IS NOT NULL
ORDER BY c.nom`;
}

/** Footprints of the REP / REP+ networks, modelled and said so (`reseau-emprise.ts`). */
export function buildReseauFootprintsQuery(): string {
  return `
SELECT 'reseau' AS kind, uai_college AS id, nom, ep AS categorie, ep || ' · ' || ${reseauEmpriseSql('r')} AS detail, geometry
FROM reseaux_ep r WHERE geometry IS NOT NULL
ORDER BY ep DESC, uai_college`;
}

/** Where a selected object lies: a point, and the footprint (GeoJSON text) of a Cité or a network. */
export interface SelectionShape {
  lon: number | null;
  lat: number | null;
  geometry: string | null;
}

/**
 * The table a selected object comes from, and the query of its `SelectionShape` (no row when
 * the key is unknown). Actions are read from `actions` (the published and local ones).
 */
export function buildSelectionShapeQuery(object: SelectedObject): { table: TableName; sql: string } {
  const { table, footprint } = OBJECT_TABLES[object.kind];
  const geometry = footprint ? 'o.geometry' : 'NULL::VARCHAR AS geometry';
  return { table, sql: `SELECT o.lon, o.lat, ${geometry} ${fromObject(object, 'o', object.kind === 'action' ? ALL_ACTIONS_VIEW : table)}` };
}
