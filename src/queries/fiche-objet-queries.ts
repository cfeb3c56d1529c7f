import { PRE_PERIMETRE, QPV_PERIMETRE } from '../domain/cite-perimetre.ts';
import { epLabelSql } from '../domain/education-prioritaire.ts';
import { reseauEmpriseSql } from '../domain/reseau-emprise.ts';
import { sqlString } from '../domain/sql.ts';
import { RESEAU_ECOLE_MAX_METERS } from '../domain/table-layouts.ts';
import type { SelectedObject } from '../domain/selected-object.ts';
import { perimetreLabelSql } from './map-objects-queries.ts';
import { fromObject } from './object-tables.ts';

/** The pupils' field of a school's fiche, and the column saying why it is null (`effectifs_statut`). */
export const ELEVES_FIELD = 'Élèves';
export const ELEVES_STATUT = 'eleves_statut';
/** A school's DNB sessions side by side, most recent first (only when there are several). */
export const DNB_SESSIONS_FIELD = 'Réussite au DNB par session';
/** Columns of `buildFicheObjetQuery` that are no field of the fiche. */
export const FICHE_OBJET_TECHNICAL_COLUMNS: readonly string[] = ['qpv_lies', ELEVES_STATUT];

/** `expr` with one decimal and a decimal comma (`71,9`), as text. */
const decimalFr = (expr: string) => `replace(printf('%.1f', ${expr}), '.', ',')`;

/**
 * The fiche of an object other than a QPV or an action (src/ui/action-fiche.tsx): one row whose
 * columns are French labels (shown in that order; a null value is left out; numbers are
 * formatted by the fiche), plus `qpv_lies`, the QPV the object lies in or near, as a
 * comma-separated list of codes (linked to their fiche), and for a school `eleves_statut`, why
 * its pupils are null (secret statistique: `fiche-objet-fields.ts` writes `< 11`).
 */
export function buildFicheObjetQuery(object: SelectedObject & { kind: Exclude<SelectedObject['kind'], 'action'> }): string {
  switch (object.kind) {
    case 'etablissement':
      return `
SELECT e.nom AS "Nom", coalesce(e.nature, e.type) AS "Nature", CASE e.secteur WHEN 'prive' THEN 'privé' ELSE 'public' END AS "Secteur",
       ${epLabelSql('e.ep')} AS "Éducation prioritaire", e.uai AS "UAI", e.commune_nom || ' (' || e.departement_code || ')' AS "Commune",
       e.effectifs AS "${ELEVES_FIELD}", e.effectifs_statut AS ${ELEVES_STATUT}, CASE WHEN e.ips IS NOT NULL THEN ${decimalFr('e.ips')} || ' (rentrée ' || e.ips_annee || ')' END AS "IPS",
       CASE WHEN e.dnb_taux_reussite IS NOT NULL THEN ${decimalFr('e.dnb_taux_reussite')} || ' % (session ' || e.dnb_session || ')' END AS "Réussite au DNB",
       (SELECT CASE WHEN count(*) > 1 THEN string_agg('session ' || s.session || ' : ' || coalesce(${decimalFr('s.taux_reussite')} || ' %', 'n.d.'), ' ; ' ORDER BY s.session DESC) END
        FROM dnb_sessions s WHERE s.uai = e.uai) AS "${DNB_SESSIONS_FIELD}",
       e.source_id AS "Source", concat_ws(',', e.qpv_code, e.qpv_300m) AS qpv_lies
${fromObject(object, 'e')}`;
    case 'lieu':
      return `
SELECT l.nom AS "Nom", l.categorie AS "Catégorie", l.adresse AS "Adresse", l.commune_nom AS "Commune",
       CASE WHEN l.commune_nom IS NULL THEN (SELECT t.nom || ' (' || t.code || ')' FROM territoires t WHERE t.niveau = 'departement' AND t.code = l.departement_code) END AS "Département",
       coalesce((SELECT t.nom || ' (' || l.code_cv || ')' FROM territoires t WHERE t.niveau = 'contrat_de_ville' AND t.code = l.code_cv), l.code_cv) AS "Contrat de ville",
       CASE l.precision WHEN 'adresse' THEN 'à l’adresse' WHEN 'commune' THEN 'au centre de la commune' WHEN 'contrat_de_ville' THEN 'approchée : point du contrat de ville' END AS "Position",
       l.postes AS "Postes financés par l’État", l.annee::VARCHAR AS "Année", l.source_id AS "Source", concat_ws(',', l.qpv_code, l.qpv_300m) AS qpv_lies
${fromObject(object, 'l')}`;
    case 'pre':
      return `
SELECT p.nom AS "Nom", p.porteur AS "Porteur", replace(p.communes_noms, '|', ', ') AS "Communes", ${sqlString(PRE_PERIMETRE.label)} AS "Périmètre", p.source AS "Source",
       (SELECT string_agg(q.code, ',' ORDER BY q.code) FROM qpv q WHERE list_contains(string_split(p.communes, '|'), q.commune_code)) AS qpv_lies
${fromObject(object, 'p')}`;
    case 'cite':
      return `
SELECT c.nom AS "Nom", c.annee_labellisation::VARCHAR AS "Labellisée en", c.porteur AS "Porteur", replace(c.communes_noms, '|', ', ') AS "Communes",
       ${perimetreLabelSql('c')} AS "Périmètre",
       replace(c.qpv_appariements, '|', ', ') AS "QPV nommés par la source, appariés aux QPV publiés",
       replace(c.qpv_non_charges, '|', ', ') AS "QPV nommés par la source, absents des données chargées",
       (SELECT count(*) FROM actions a WHERE list_contains(string_split(a.cite, '|'), c.nom))::VARCHAR AS "Actions recensées", c.source AS "Source",
       (SELECT string_agg(q.code, ',' ORDER BY q.code) FROM qpv q
        WHERE list_contains(string_split(coalesce(c.qpv_codes, ''), '|'), q.code)
           OR (c.perimetre <> ${sqlString(QPV_PERIMETRE)} AND list_contains(string_split(c.communes, '|'), q.commune_code))) AS qpv_lies
${fromObject(object, 'c')}`;
    case 'reseau':
      return `
SELECT r.nom AS "Collège tête de réseau", r.ep AS "Éducation prioritaire", r.uai_college AS "UAI du collège",
       (SELECT t.nom || ' (' || t.departement_code || ')' FROM territoires t WHERE t.niveau = 'commune' AND t.code = r.commune_code) AS "Commune",
       CASE WHEN r.ecoles IS NULL THEN 'non connues : les sources de l’observatoire n’ont aucune école de ce département'
            ELSE r.ecoles::VARCHAR || ', rattachées par l’observatoire au collège ' || r.ep || ' le plus proche du département (${RESEAU_ECOLE_MAX_METERS / 1000} km au plus)' END AS "Écoles",
       ${reseauEmpriseSql('r')} AS "Emprise sur la carte",
       (SELECT string_agg(DISTINCT q, ',') FROM etablissements e, unnest(string_split(concat_ws(',', e.qpv_code, e.qpv_300m), ',')) AS t(q)
        WHERE e.uai = r.uai_college AND q <> '') AS qpv_lies
${fromObject(object, 'r')}`;
  }
}

/** One object a fiche links to, under its section's title. */
export interface FicheLink {
  section: string;
  kind: SelectedObject['kind'];
  id: string;
  label: string;
  /** Where the object lies (a point's box is the point); null when it has no position. */
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
}

/**
 * The objects the fiche of `object` links to, by section in display order, with where they
 * lie: a school's network; a network's collège and its écoles, nearest first; a Cité's
 * actions. Null when its kind has none.
 */
export function buildFicheLinksQuery(object: SelectedObject): string | null {
  const id = sqlString(object.id);
  switch (object.kind) {
    case 'etablissement':
      return `
SELECT 'Réseau d’éducation prioritaire' AS section, 'reseau' AS kind, r.uai_college AS id, r.nom || ' (' || r.ep || ')' AS label, r.xmin, r.ymin, r.xmax, r.ymax
FROM reseaux_ep r WHERE r.uai_college = ${id} OR list_contains(string_split(coalesce(r.membres, ''), '|'), ${id})
ORDER BY r.uai_college`;
    case 'reseau':
      return `
SELECT section, 'etablissement' AS kind, e.uai AS id, e.nom || ' (' || e.commune_nom || ')' AS label, e.lon AS xmin, e.lat AS ymin, e.lon AS xmax, e.lat AS ymax
FROM (
  SELECT 'Collège tête de réseau' AS section, 0 AS rank, r.uai_college AS uai FROM reseaux_ep r WHERE r.uai_college = ${id}
  UNION ALL
  SELECT 'Écoles du réseau, de la plus proche du collège à la plus lointaine', generate_subscripts(string_split(r.membres, '|'), 1), unnest(string_split(r.membres, '|'))
  FROM reseaux_ep r WHERE r.uai_college = ${id} AND r.membres IS NOT NULL
) m JOIN etablissements e ON e.uai = m.uai
ORDER BY m.rank`;
    case 'cite':
      return `
SELECT 'Actions recensées' AS section, 'action' AS kind, a.id, a.titre AS label, a.lon AS xmin, a.lat AS ymin, a.lon AS xmax, a.lat AS ymax
FROM actions a WHERE list_contains(string_split(a.cite, '|'), ${id})
ORDER BY a.titre, a.id`;
    default:
      return null;
  }
}

/** Names and boxes of QPV, to label the links of a fiche and take the map to them. */
export function buildQpvNamesQuery(codes: readonly string[]): string {
  return `SELECT code, nom, xmin, ymin, xmax, ymax FROM qpv WHERE code IN (${codes.map(sqlString).join(', ')}) ORDER BY code`;
}
