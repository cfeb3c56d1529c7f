/**
 * Column layouts of the published tables: the contract between the pipeline (which writes
 * Arrow IPC files) and the app (which loads them into DuckDB-WASM). Pure data, no runtime
 * dependency, imported by both sides.
 */

export type ColumnType = 'utf8' | 'float64' | 'int32';

export interface ColumnLayout {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly description: string;
}

export interface TableLayout {
  readonly name: TableName;
  /** Shown to users in the Données panel: French. */
  readonly description: string;
  readonly key: readonly string[];
  readonly columns: readonly ColumnLayout[];
  /** A table built from another table's sources (its provenance is theirs). */
  readonly derivedFrom?: TableName;
  /** May be published with no row (a registry staff fill, still empty): no "would be empty" failure. */
  readonly allowEmpty?: boolean;
}

export type TableName = 'qpv' | 'territoires' | 'contours_communes' | 'indicateurs' | 'indicateurs_meta' | 'etablissements' | 'lieux' | 'cites' | 'pre' | 'actions';

const col = (name: string, type: ColumnType, description: string, nullable = false): ColumnLayout => ({
  name,
  type,
  nullable,
  description,
});

/** Columns every table with a footprint carries: a point inside it, its bbox, its geometry. */
const footprintColumns = (geometryNullable: boolean): ColumnLayout[] => [
  col('lon', 'float64', 'longitude WGS84 of a point guaranteed inside the geometry'),
  col('lat', 'float64', 'latitude WGS84 of that point'),
  col('xmin', 'float64', 'bounding box, WGS84'),
  col('ymin', 'float64', 'bounding box, WGS84'),
  col('xmax', 'float64', 'bounding box, WGS84'),
  col('ymax', 'float64', 'bounding box, WGS84'),
  col('geometry', 'utf8', 'GeoJSON geometry (Polygon or MultiPolygon), simplified for the web', geometryNullable),
];

export const QPV_LAYOUT: TableLayout = {
  name: 'qpv',
  description: 'Quartiers prioritaires de la politique de la ville (générations 2015 et 2024)',
  key: ['code'],
  columns: [
    col('code', 'utf8', 'QPV code: QP + 6 digits (2015) or QN + 5 digits + a character, e.g. QN09301M (2024)'),
    col('nom', 'utf8', 'QPV name'),
    col('generation', 'utf8', "'2015' or '2024'"),
    col('commune_code', 'utf8', 'INSEE code of the main commune (COG of the commune source)'),
    col('commune_nom', 'utf8', 'name of the main commune'),
    col('communes_libelle', 'utf8', 'communes as published with the QPV (may list several)'),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('source_id', 'utf8', 'id of the registry source the row comes from'),
    ...footprintColumns(false),
  ],
};

export const TERRITOIRES_LAYOUT: TableLayout = {
  name: 'territoires',
  description: 'Régions, départements et communes (IGN Admin Express), académies (ministère de l’Éducation nationale)',
  key: ['niveau', 'code'],
  columns: [
    col('niveau', 'utf8', "'region', 'departement', 'commune' or 'academie'"),
    col('code', 'utf8', 'INSEE code (région 2 chars, département 2–3, commune 5); académie: code_academie (2 digits)'),
    col('nom', 'utf8', 'name'),
    col('departement_code', 'utf8', 'département of a commune or of itself; null for an académie', true),
    col('region_code', 'utf8', 'région it belongs to (itself for a région; INSEE 2016 région of an académie)'),
    ...footprintColumns(true),
  ],
};

/**
 * Commune outlines, apart from `territoires` so that the first paint does not download them:
 * the map fetches them when it first zooms in on communes.
 */
export const CONTOURS_COMMUNES_LAYOUT: TableLayout = {
  name: 'contours_communes',
  description: 'Contours des communes (IGN Admin Express), simplifiés pour la carte',
  key: ['code'],
  derivedFrom: 'territoires',
  columns: [
    col('code', 'utf8', 'INSEE commune code, as in territoires'),
    col('geometry', 'utf8', 'GeoJSON geometry (Polygon or MultiPolygon), simplified to ~50 m'),
  ],
};

export const INDICATEURS_LAYOUT: TableLayout = {
  name: 'indicateurs',
  description: 'Valeurs des indicateurs, une ligne par territoire, indicateur et année',
  key: ['territoire_code', 'indicateur', 'annee'],
  columns: [
    col('territoire_code', 'utf8', 'code of the territory (QPV code, INSEE commune code…)'),
    col('niveau', 'utf8', "'qpv', 'commune', 'departement', 'region' or 'france'"),
    col('indicateur', 'utf8', 'indicator id, see indicateurs_meta'),
    col('annee', 'int32', 'year the value describes (millésime)'),
    col('valeur', 'float64', 'value; null when the source publishes none (secret statistique, n.d.)', true),
    col('statut', 'utf8', "'ok', or why there is no value: 'secret' (suppressed by the publisher), 'nd' (not available)"),
    col('source_id', 'utf8', 'id of the registry source'),
  ],
};

export const INDICATEURS_META_LAYOUT: TableLayout = {
  name: 'indicateurs_meta',
  description: 'Définition de chaque indicateur : libellé, unité, sens, source',
  key: ['indicateur'],
  columns: [
    col('indicateur', 'utf8', 'indicator id'),
    col('libelle', 'utf8', 'short French label'),
    col('definition', 'utf8', 'definition as published'),
    col('unite', 'utf8', "'%', '€', 'habitants', 'nombre', 'indice'…"),
    col('type_valeur', 'utf8', "'taux', 'effectif' (people: secret statistique applies), 'nombre' (places, establishments: public, no secret), 'montant', 'indice'"),
    col('sens', 'utf8', "'hausse_defavorable', 'hausse_favorable' or 'neutre': which way is worse for the population"),
    col('theme', 'utf8', "'population', 'revenus', 'emploi', 'education', 'equipements'…"),
    col('source_id', 'utf8', 'id of the registry source'),
    col('millesime', 'utf8', 'millésime of the source'),
  ],
};

export const ETABLISSEMENTS_LAYOUT: TableLayout = {
  name: 'etablissements',
  description: 'Écoles, collèges, lycées et services (Annuaire de l’éducation), avec éducation prioritaire, IPS, DNB et QPV',
  key: ['uai'],
  columns: [
    col('uai', 'utf8', 'UAI: 7 digits + 1 letter'),
    col('nom', 'utf8', 'name'),
    col('type', 'utf8', "'ecole', 'college', 'lycee', 'cio', 'medico_social', 'autre'"),
    col('nature', 'utf8', 'nature as published (libelle_nature), e.g. ECOLE DE NIVEAU ELEMENTAIRE', true),
    col('secteur', 'utf8', "'public' or 'prive'"),
    col('ep', 'utf8', "'REP+', 'REP' or null (hors éducation prioritaire)", true),
    col('commune_code', 'utf8', 'INSEE code of the commune'),
    col('commune_nom', 'utf8', 'commune name'),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('lon', 'float64', 'longitude WGS84', true),
    col('lat', 'float64', 'latitude WGS84', true),
    col('effectifs', 'int32', 'pupils (Nombre_d_eleves or effectifs of the IPS file)', true),
    col('ips', 'float64', 'indice de position sociale (collèges)', true),
    col('ips_annee', 'int32', 'rentrée of the IPS value', true),
    col('dnb_taux_reussite', 'float64', 'DNB success rate, %', true),
    col('dnb_session', 'int32', 'DNB session of that rate', true),
    col('qpv_code', 'utf8', 'QPV the establishment lies in', true),
    col('qpv_300m', 'utf8', 'QPV within 300 m (quartier vécu), comma-separated, nearest first', true),
    col('date_maj', 'utf8', 'date of the source row (ISO)', true),
    col('source_id', 'utf8', 'id of the registry source the row comes from'),
  ],
};

/** Partner places and services (see `lieu-categories.ts` for the categories and their ages and sphères). */
export const LIEUX_LAYOUT: TableLayout = {
  name: 'lieux',
  description: 'Lieux partenaires et services 16–25 ans (CIO, structures adultes-relais et FONJEP, annuaires locaux)',
  key: ['id'],
  columns: [
    col('id', 'utf8', 'stable id: source prefix + source key, e.g. cio:0311234X, adulte-relais:<SIRET>:CV002'),
    col('nom', 'utf8', 'name of the structure or service'),
    col('categorie', 'utf8', "category id of LIEU_CATEGORIES: 'mission_locale', 'cio', 'centre_social'…"),
    col('tranches', 'utf8', "tranches d'âge served, '|'-separated ids (as in actions): 0-3|3-6|6-11|11-15|16-25"),
    col('spheres', 'utf8', "sphères served, '|'-separated ids (as in actions): famille|ecole|tiers-lieux|quartier|virtualite"),
    col('adresse', 'utf8', 'postal address as given by the source', true),
    col('commune_code', 'utf8', 'INSEE code of the commune; null when the source gives none (posts by contrat de ville)', true),
    col('commune_nom', 'utf8', 'commune name', true),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('lon', 'float64', 'longitude WGS84; null when the place has no point', true),
    col('lat', 'float64', 'latitude WGS84', true),
    col('precision', 'utf8', "how the point was obtained: 'adresse', 'commune' (commune point) or 'contrat_de_ville' (ANCT point of the contrat de ville); null without point", true),
    col('code_cv', 'utf8', 'contrat de ville (CVxxx, generation 2015–2023) the posts are attached to; comma-separated when several', true),
    col('qpv_code', 'utf8', "QPV the place lies in (precision 'adresse' only)", true),
    col('qpv_300m', 'utf8', "QPV within 300 m, comma-separated, nearest first (precision 'adresse' only)", true),
    col('postes', 'int32', 'State-funded posts the structure holds (adultes-relais, FONJEP)', true),
    col('annee', 'int32', 'year the source describes', true),
    col('source_id', 'utf8', 'id of the registry source the row comes from'),
  ],
};

/** Multi-valued cells of the registries and actions: `|`-separated, `string_split(col, '|')` in SQL. */
const list = (name: string, description: string, nullable = true) => col(name, 'utf8', `${description}; '|'-separated`, nullable);
const placeColumns = (what: string): ColumnLayout[] => [
  col('lon', 'float64', `longitude WGS84 of a point inside the first commune of ${what} (null without commune)`, true),
  col('lat', 'float64', 'latitude WGS84 of that point', true),
];

/** Cités éducatives: the registry staff fill (`cites-registre` layout), one row per Cité. */
export const CITES_LAYOUT: TableLayout = {
  name: 'cites',
  description: 'Cités éducatives (registre renseigné par l’observatoire, chaque ligne sourcée)',
  key: ['nom'],
  allowEmpty: true,
  columns: [
    col('nom', 'utf8', 'name, e.g. « Cité éducative de Pau »'),
    col('annee_labellisation', 'int32', 'year of the label, only when a source states it', true),
    list('communes', 'INSEE codes of the communes of the perimeter', false),
    list('communes_noms', 'names of those communes (territoires)', false),
    list('departement_code', 'départements of those communes', false),
    list('qpv_codes', 'QPV of the perimeter, when a source gives them'),
    col('porteur', 'utf8', 'structure carrying the Cité, when a source names it', true),
    col('source', 'utf8', 'document and lines the row comes from'),
    col('source_id', 'utf8', 'id of the registry source'),
    ...placeColumns('the perimeter'),
    col('xmin', 'float64', 'bounding box of the perimeter, WGS84 (null without perimeter)', true),
    col('ymin', 'float64', 'bounding box, WGS84', true),
    col('xmax', 'float64', 'bounding box, WGS84', true),
    col('ymax', 'float64', 'bounding box, WGS84', true),
    col('geometry', 'utf8', 'GeoJSON perimeter: union of the communes (Polygon or MultiPolygon), simplified to ~50 m; null when no commune outline is known', true),
  ],
};

/** Programmes de réussite éducative: the registry staff fill (`pre-registre` layout). */
export const PRE_LAYOUT: TableLayout = {
  name: 'pre',
  description: 'Programmes de réussite éducative (registre renseigné par l’observatoire, chaque ligne sourcée)',
  key: ['nom'],
  allowEmpty: true,
  columns: [
    col('nom', 'utf8', 'name, e.g. « PRE de Grenoble »'),
    col('porteur', 'utf8', 'caisse des écoles, CCAS, GIP… when a source names it', true),
    list('communes', 'INSEE codes of the communes it covers', false),
    list('communes_noms', 'names of those communes (territoires)', false),
    list('departement_code', 'départements of those communes', false),
    col('source', 'utf8', 'document and lines the row comes from'),
    col('source_id', 'utf8', 'id of the registry source'),
    ...placeColumns('the programme'),
  ],
};

/** Actions, from the actions template (`src/domain/actions-template.ts`): one row per action. */
export const ACTIONS_LAYOUT: TableLayout = {
  name: 'actions',
  description: 'Actions éducatives (modèle d’import des actions) : sphères, axes, niveaux, tranches d’âge, financement',
  key: ['id'],
  columns: [
    col('id', 'utf8', 'id given in the template, else <source id>-<line>'),
    col('titre', 'utf8', 'title'),
    col('resume', 'utf8', 'summary', true),
    list('cite', 'Cités éducatives the action belongs to (cites.nom)'),
    list('commune_code', 'INSEE codes of its communes'),
    list('commune', 'names of its communes'),
    list('departement_code', 'départements (given, or those of its communes)'),
    list('qpv_code', 'QPV codes'),
    list('spheres', 'sphère ids: famille, ecole, tiers-lieux, quartier, virtualite', false),
    list('axes', 'axe ids: role-ecole, continuite-educative, champ-des-possibles'),
    list('niveaux', "niveau d'alliance ids: micro, meso, macro"),
    list('tranches', "tranche d'âge ids: 0-3, 3-6, 6-11, 11-15, 16-25"),
    list('financement', 'ids: label, droit-commun, autre, non-finance; null when not stated'),
    col('porteur', 'utf8', 'structure carrying the action', true),
    list('partenaires', 'partner structures (never people)'),
    col('annee_debut', 'int32', 'first year', true),
    col('annee_fin', 'int32', 'last year (ended or planned)', true),
    col('lieu', 'utf8', 'place or territory in words (QPV, structure, « Cité non nommée »…)', true),
    col('source', 'utf8', 'document and lines (or who entered it) the row comes from'),
    col('source_id', 'utf8', 'id of the registry source'),
    ...placeColumns('the action'),
  ],
};

/** Every published table, in load order (the map needs `territoires` and `qpv` first). */
export const TABLE_LAYOUTS: readonly TableLayout[] = [TERRITOIRES_LAYOUT, QPV_LAYOUT, CONTOURS_COMMUNES_LAYOUT, INDICATEURS_META_LAYOUT, INDICATEURS_LAYOUT, ETABLISSEMENTS_LAYOUT, LIEUX_LAYOUT, CITES_LAYOUT, PRE_LAYOUT, ACTIONS_LAYOUT];

export const NIVEAUX = ['region', 'departement', 'commune', 'academie'] as const;
export type Niveau = (typeof NIVEAUX)[number];
