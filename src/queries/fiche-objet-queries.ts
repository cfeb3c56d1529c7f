import { sqlString } from '../domain/sql.ts';
import type { SelectedObject } from '../state/store.ts';

/** `expr` with one decimal and a decimal comma (`71,9`), as text. */
const decimalFr = (expr: string) => `replace(printf('%.1f', ${expr}), '.', ',')`;

/**
 * The fiche of an object other than a QPV or an action (src/ui/action-fiche.tsx): one row whose
 * columns are French labels (shown in that order; a null value is left out; numbers are
 * formatted by the fiche), plus `qpv_lies`, the QPV the object lies in or near, as a
 * comma-separated list of codes (linked to their fiche).
 */
export function buildFicheObjetQuery(object: SelectedObject & { kind: Exclude<SelectedObject['kind'], 'action'> }): string {
  const id = sqlString(object.id);
  switch (object.kind) {
    case 'etablissement':
      return `
SELECT e.nom AS "Nom", coalesce(e.nature, e.type) AS "Nature", CASE e.secteur WHEN 'prive' THEN 'privé' ELSE 'public' END AS "Secteur",
       coalesce(e.ep, 'hors éducation prioritaire') AS "Éducation prioritaire", e.uai AS "UAI", e.commune_nom || ' (' || e.departement_code || ')' AS "Commune",
       e.effectifs AS "Élèves", CASE WHEN e.ips IS NOT NULL THEN ${decimalFr('e.ips')} || ' (rentrée ' || e.ips_annee || ')' END AS "IPS",
       CASE WHEN e.dnb_taux_reussite IS NOT NULL THEN ${decimalFr('e.dnb_taux_reussite')} || ' % (session ' || e.dnb_session || ')' END AS "Réussite au DNB",
       e.source_id AS "Source", concat_ws(',', e.qpv_code, e.qpv_300m) AS qpv_lies
FROM etablissements e WHERE e.uai = ${id}`;
    case 'lieu':
      return `
SELECT l.nom AS "Nom", l.categorie AS "Catégorie", l.adresse AS "Adresse", l.commune_nom AS "Commune", l.code_cv AS "Contrat de ville",
       CASE l.precision WHEN 'adresse' THEN 'à l’adresse' WHEN 'commune' THEN 'au centre de la commune' WHEN 'contrat_de_ville' THEN 'approchée : point du contrat de ville' END AS "Position",
       l.postes AS "Postes financés par l’État", l.annee::VARCHAR AS "Année", l.source_id AS "Source", concat_ws(',', l.qpv_code, l.qpv_300m) AS qpv_lies
FROM lieux l WHERE l.id = ${id}`;
    case 'pre':
      return `
SELECT p.nom AS "Nom", p.porteur AS "Porteur", replace(p.communes_noms, '|', ', ') AS "Communes", p.source AS "Source",
       (SELECT string_agg(q.code, ',' ORDER BY q.code) FROM qpv q WHERE list_contains(string_split(p.communes, '|'), q.commune_code)) AS qpv_lies
FROM pre p WHERE p.nom = ${id}`;
    case 'cite':
      return `
SELECT c.nom AS "Nom", c.annee_labellisation::VARCHAR AS "Labellisée en", c.porteur AS "Porteur", replace(c.communes_noms, '|', ', ') AS "Communes",
       (SELECT count(*) FROM actions a WHERE list_contains(string_split(a.cite, '|'), c.nom))::VARCHAR AS "Actions recensées", c.source AS "Source",
       (SELECT string_agg(q.code, ',' ORDER BY q.code) FROM qpv q
        WHERE list_contains(string_split(coalesce(c.qpv_codes, ''), '|'), q.code) OR list_contains(string_split(c.communes, '|'), q.commune_code)) AS qpv_lies
FROM cites c WHERE c.nom = ${id}`;
    case 'reseau':
      return `
SELECT r.nom AS "Collège tête de réseau", r.ep AS "Éducation prioritaire", r.uai_college AS "UAI du collège", r.ecoles::VARCHAR AS "Écoles rattachées",
       (SELECT string_agg(DISTINCT q, ',') FROM etablissements e, unnest(string_split(concat_ws(',', e.qpv_code, e.qpv_300m), ',')) AS t(q)
        WHERE e.uai = r.uai_college AND q <> '') AS qpv_lies
FROM reseaux_ep r WHERE r.uai_college = ${id}`;
  }
}

/** Names of QPV, to label the links of a fiche. */
export function buildQpvNamesQuery(codes: readonly string[]): string {
  return `SELECT code, nom FROM qpv WHERE code IN (${codes.map(sqlString).join(', ')}) ORDER BY code`;
}
