/**
 * The SQL console's examples: questions of the observatory's users (DESIGN.md §2) written on
 * the published tables. Each is run on the published data by the tests
 * (tests/unit/workbench-read-only.test.ts).
 */
export interface ExampleQuery {
  id: string;
  /** The question, in French. */
  label: string;
  /** What to know before reading its answer (French), if anything. */
  note?: string;
  sql: string;
}

/** Collèges REP+ within 300 m of a QPV that has no place of `categorie` within 3 km. */
const repPlusFarFrom = (categorie: string) => `-- Collèges REP+ à moins de 300 m d'un QPV sans ${categorie === 'cio' ? 'CIO' : 'mission locale'} à 3 km
-- qpv_300m liste les QPV à 300 m au plus (celui où il se trouve compris) ;
-- n_3km est vide (inconnu) quand aucun lieu de la catégorie n'est localisé.
SELECT e.uai, e.nom, e.commune_nom, q.code AS qpv_code, q.nom AS qpv_nom,
       a.distance_m AS distance_au_plus_proche_m, a.services_localises
FROM etablissements e
CROSS JOIN unnest(string_split(e.qpv_300m, ',')) AS p(qpv)
JOIN qpv q ON q.code = p.qpv
JOIN acces_services a ON a.qpv_code = q.code AND a.categorie = '${categorie}'
WHERE e.type = 'college' AND e.ep = 'REP+' AND a.n_3km = 0
ORDER BY e.commune_nom, e.nom, q.code`;

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'rep-plus-sans-mission-locale',
    label: 'Collèges REP+ à moins de 300 m d’un QPV sans mission locale à 3 km',
    note: 'Dans les données embarquées, aucune mission locale n’est localisée à son adresse : la distance est inconnue partout et la requête ne rend aucune ligne (elle en rendra avec le fichier national des missions locales).',
    sql: repPlusFarFrom('mission_locale'),
  },
  {
    id: 'rep-plus-sans-cio',
    label: 'Collèges REP+ à moins de 300 m d’un QPV sans CIO à 3 km',
    note: 'La même question pour les CIO, localisés dans les données embarquées.',
    sql: repPlusFarFrom('cio'),
  },
  {
    id: 'qpv-loin-cio',
    label: 'QPV à 3 km ou plus du CIO le plus proche',
    note: 'La même liste que l’onglet Filtres, distance au CIO de 3 km et plus.',
    sql: `-- QPV à 3 km ou plus du CIO le plus proche (à vol d'oiseau)
SELECT q.code, q.nom, q.commune_nom, q.departement_code,
       round(a.distance_m) AS distance_cio_m, a.service_nom AS cio_le_plus_proche
FROM acces_services a
JOIN qpv q ON q.code = a.qpv_code
WHERE a.categorie = 'cio' AND a.distance_m >= 3000
ORDER BY a.distance_m DESC`,
  },
  {
    id: 'etablissements-par-ep',
    label: 'Établissements par type et éducation prioritaire',
    sql: `SELECT type, ep, count(*) AS etablissements,
       count(qpv_code) AS dans_un_qpv, count(qpv_300m) AS a_300_m_d_un_qpv
FROM etablissements
GROUP BY type, ep
ORDER BY type, ep`,
  },
  {
    id: 'indicateurs-qpv',
    label: 'Taux de pauvreté des QPV, avec leur millésime',
    note: 'Une valeur masquée par le secret statistique est publiée vide, avec son statut. `annee_observee` est l’année que la valeur décrit, vide quand aucun document ne la donne (seule l’édition INSEE, `edition`, est connue) ; plusieurs millésimes d’un QPV peuvent coexister, l’application montre le plus récent.',
    sql: `SELECT q.code, q.nom, q.commune_nom, q.generation, i.annee AS edition, i.annee_observee, i.valeur, i.statut, m.libelle
FROM indicateurs i
JOIN indicateurs_meta m USING (indicateur)
JOIN qpv q ON q.code = i.territoire_code
WHERE i.niveau = 'qpv' AND i.indicateur = 'tp60'
ORDER BY coalesce(i.annee_observee, i.annee) DESC, i.valeur DESC NULLS LAST`,
  },
];
