/**
 * Column layouts of the published tables: the contract between the pipeline (which writes
 * Arrow IPC files) and the app (which loads them into DuckDB-WASM). Pure data, imported by
 * both sides; the risk index's constants come from their one declaration (`risk-index.ts`).
 */

import { RISK_COLLEGES, RISK_ROBUSTNESS_FACTORS } from './risk-index.ts';

export type ColumnType = 'utf8' | 'float64' | 'int32';

export interface ColumnLayout {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly description: string;
  /**
   * A count of people under the secret statistique (`secret-statistique.ts`): null when hidden,
   * `statut` names the column saying why. `effectifIndicators`: only on the rows of indicators
   * whose `indicateurs_meta.type_valeur` is 'effectif'.
   */
  readonly secret?: { readonly statut: string; readonly rows?: 'effectifIndicators' };
}

export interface TableLayout {
  readonly name: TableName;
  /** Shown to users in the Données panel: French. */
  readonly description: string;
  readonly key: readonly string[];
  readonly columns: readonly ColumnLayout[];
  /** A table built from other tables (its provenance is their sources). */
  readonly derivedFrom?: TableName | readonly TableName[];
  /** May be published with no row (a registry staff fill, still empty): no "would be empty" failure. */
  readonly allowEmpty?: boolean;
}

export type TableName = 'qpv' | 'territoires' | 'contours_communes' | 'indicateurs' | 'indicateurs_meta' | 'etablissements' | 'dnb_sessions' | 'lieux' | 'cites' | 'pre' | 'actions' | 'risque_decrochage' | 'risque_composantes' | 'acces_services' | 'reseaux_ep' | 'qpv_colleges';

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
  description: 'Régions, départements et communes (IGN Admin Express), académies (ministère de l’Éducation nationale), contrats de ville 2015–2023 (ANCT)',
  key: ['niveau', 'code'],
  columns: [
    col('niveau', 'utf8', "'region', 'departement', 'commune', 'academie' or 'contrat_de_ville'"),
    col('code', 'utf8', 'INSEE code (région 2 chars, département 2–3, commune 5); académie: code_academie (2 digits); contrat de ville: ANCT code CVxxx'),
    col('nom', 'utf8', 'name (contrat de ville: the ANCT label without its département prefix, e.g. « Toulouse Métropole »)'),
    col('departement_code', 'utf8', 'département of a commune or of itself; of a contrat de ville, its commune’s, else the first the ANCT gives; null for an académie', true),
    col('region_code', 'utf8', 'région it belongs to (itself for a région; INSEE 2016 région of an académie)'),
    ...footprintColumns(true).map((c) =>
      c.name === 'geometry'
        ? { ...c, description: `${c.description}; null for communes (see contours_communes) and for contrats de ville of an EPCI (no commune list in the source: point = ANCT point, box = their département)` }
        : c,
    ),
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
    col('annee', 'int32', 'edition of the source (INSEE QPV database year), not necessarily the year the value describes (annee_observee); for a row of the long template (layout qpv-indicateurs-long), the millésime staff give for that value'),
    col('annee_observee', 'int32', "year the value describes: the catalogue's observed year for a row of the INSEE files (null when no document gives it: see indicateurs_meta.millesime), the millésime of a long template row. Per QPV and indicator the app shows the row of the latest coalesce(annee_observee, annee)", true),
    { ...col('valeur', 'float64', 'value; null when the source publishes none (n.d.) or the secret statistique hides it (statut)', true), secret: { statut: 'statut', rows: 'effectifIndicators' } },
    col('statut', 'utf8', "'ok', or why there is no value: 'secret' (a count of people under the secret statistique threshold, 11), 'secret_secondaire' (hidden so that a 'secret' value cannot be recovered by difference in an additive group: docs/methodologie.md § 10), 'nd' (not available)"),
    col('source_id', 'utf8', 'id of the registry source'),
  ],
};

export const INDICATEURS_META_LAYOUT: TableLayout = {
  name: 'indicateurs_meta',
  description: 'Définition de chaque indicateur : libellé, unité, sens, source, millésime',
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
    col('millesime', 'utf8', "the year the value describes as shown to users: '2013', or 'publié en 2019, année observée non précisée' when no document gives it (src/domain/indicator-catalogue.ts)"),
    col('annee_observee', 'int32', 'year the value describes, when a cited document gives it; null otherwise', true),
    col('annee_publication', 'int32', "edition of the INSEE files the catalogue describes (INSEE QPV database year); equals indicateurs.annee for their rows, not for the long template's"),
  ],
};

export const ETABLISSEMENTS_LAYOUT: TableLayout = {
  name: 'etablissements',
  description: 'Écoles, collèges, lycées et services (Annuaire de l’éducation), avec éducation prioritaire, IPS, DNB et QPV',
  key: ['uai'],
  columns: [
    col('uai', 'utf8', 'UAI: 7 digits + 1 letter'),
    col('nom', 'utf8', 'name as published, with the accents of its capitals restored (« Ecole » → « École », `etablissementName`)'),
    col('type', 'utf8', "'ecole', 'college', 'lycee', 'cio', 'medico_social', 'autre'"),
    col('nature', 'utf8', 'nature as published (libelle_nature), e.g. ECOLE DE NIVEAU ELEMENTAIRE', true),
    col('secteur', 'utf8', "'public' or 'prive'"),
    col('ep', 'utf8', "éducation prioritaire: 'REP+', 'REP', 'hors_ep' (a source states it is in no network) or 'inconnu' (no loaded source says; never counted as hors EP) — src/domain/education-prioritaire.ts"),
    col('commune_code', 'utf8', 'INSEE code of the commune'),
    col('commune_nom', 'utf8', 'commune name'),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('lon', 'float64', 'longitude WGS84', true),
    col('lat', 'float64', 'latitude WGS84', true),
    { ...col('effectifs', 'int32', 'pupils (Nombre_d_eleves or effectifs of the IPS file); null under the secret statistique (see effectifs_statut)', true), secret: { statut: 'effectifs_statut' } },
    col('effectifs_statut', 'utf8', "'ok', or why effectifs is null: 'secret' (fewer pupils than the secret statistique threshold, 11: suppressed at publish), 'nd' (no source gives it)"),
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

/**
 * Every DNB session read for a collège, side by side (`etablissements` holds the latest). Like
 * that figure, a rate only: no count of candidates is published, so no secret applies.
 */
export const DNB_SESSIONS_LAYOUT: TableLayout = {
  name: 'dnb_sessions',
  description: 'Taux de réussite au DNB des collèges, une ligne par session publiée (la plus récente est aussi dans etablissements)',
  key: ['uai', 'session'],
  derivedFrom: 'etablissements',
  columns: [
    col('uai', 'utf8', 'UAI of the collège (etablissements.uai)'),
    col('session', 'int32', 'DNB session (year)'),
    col('millesime', 'utf8', "the session as shown to users: 'DNB session 2024'"),
    col('taux_reussite', 'float64', 'DNB success rate of that session, % (a rate: the counts of candidates are not published)', true),
    col('source_id', 'utf8', 'id of the registry source of the row (the first DNB file read that gives this session)'),
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
    col('perimetre', 'utf8', "what the perimeter rests on (src/domain/cite-perimetre.ts): 'qpv' (the QPV the source names), 'commune' (the source says the whole commune), 'commune_approchee' (the commune drawn for want of loaded QPV)"),
    list('qpv_codes', 'QPV the source names: its codes and the codes its names were matched to (the perimeter when perimetre is qpv)'),
    list('qpv_noms', 'QPV names as the source writes them'),
    list('qpv_appariements', 'each matched name and its QPV, « La Mosson » → QP034005 « Mosson »'),
    list('qpv_non_charges', 'QPV the source names (code or name) that are not in the qpv table: the perimeter is then approached'),
    col('porteur', 'utf8', 'structure carrying the Cité, when a source names it', true),
    col('source', 'utf8', 'document and lines the row comes from'),
    col('source_id', 'utf8', 'id of the registry source'),
    ...placeColumns('the perimeter'),
    col('xmin', 'float64', 'bounding box of the perimeter, WGS84 (null without perimeter)', true),
    col('ymin', 'float64', 'bounding box, WGS84', true),
    col('xmax', 'float64', 'bounding box, WGS84', true),
    col('ymax', 'float64', 'bounding box, WGS84', true),
    col('geometry', 'utf8', 'GeoJSON perimeter (Polygon or MultiPolygon): union of the QPV outlines when perimetre is qpv (~5 m), else of the communes (~50 m); null when no outline is known', true),
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
    col('perimetre', 'utf8', "'commune': a communal programme placed at its commune; the sources do not list the quartiers it follows (PRE_PERIMETRE)"),
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

/**
 * REP / REP+ networks, rebuilt from the establishments (no source gives membership): the collège
 * tête de réseau and the écoles of the same status attached to it (`build-reseaux-ep.ts`).
 */
/** An école farther than this from every collège of its status and département joins no network. */
export const RESEAU_ECOLE_MAX_METERS = 5000;

export const RESEAUX_EP_LAYOUT: TableLayout = {
  name: 'reseaux_ep',
  description: 'Réseaux d’éducation prioritaire REP et REP+ : collège tête de réseau, écoles rattachées (reconstitués : école → collège de même statut le plus proche du département, 5 km au plus), emprise estimée (modélisée : enveloppe + 300 m, ou disque de 300 m autour du collège seul)',
  key: ['uai_college'],
  derivedFrom: 'etablissements',
  columns: [
    col('uai_college', 'utf8', 'UAI of the collège tête de réseau (etablissements.uai)'),
    col('nom', 'utf8', 'name of that collège'),
    col('ep', 'utf8', "'REP' or 'REP+'"),
    col('commune_code', 'utf8', 'INSEE code of the collège’s commune'),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('ecoles', 'int32', 'écoles attached; null when the sources hold no école of the département (no annuaire loaded there)', true),
    list('membres', 'UAI of the attached écoles, nearest first'),
    col('lon', 'float64', 'longitude WGS84 of the collège (inside the footprint)'),
    col('lat', 'float64', 'latitude WGS84 of the collège'),
    col('xmin', 'float64', 'bounding box of the footprint, WGS84'),
    col('ymin', 'float64', 'bounding box, WGS84'),
    col('xmax', 'float64', 'bounding box, WGS84'),
    col('ymax', 'float64', 'bounding box, WGS84'),
    col('geometry', 'utf8', 'GeoJSON footprint, MODELLED (« emprise estimée »): convex hull of the collège and its écoles buffered by 300 m — a 300 m disc when no école is attached (ecoles 0 or null) — (Polygon), simplified to ~10 m'),
  ],
};

/** The school context of each QPV for the risk index: its nearest public collèges (`RISK_COLLEGES` in `risk-index.ts`). */
export const QPV_COLLEGES_LAYOUT: TableLayout = {
  name: 'qpv_colleges',
  description: `Contexte scolaire de chaque QPV pour l’indice de risque : ses ${RISK_COLLEGES.k} collèges publics les plus proches (à ${RISK_COLLEGES.rayonM / 1000} km au plus), distance et poids`,
  key: ['qpv_code', 'uai'],
  derivedFrom: ['qpv', 'etablissements'],
  columns: [
    col('qpv_code', 'utf8', 'QPV code'),
    col('uai', 'utf8', 'UAI of a public collège with an IPS and a DNB rate (etablissements.uai)'),
    col('nom', 'utf8', 'name of that collège'),
    col('distance_m', 'float64', "great-circle metres from the collège to the QPV's source outline, rounded to the metre; 0 when it lies in the QPV"),
    col('rang', 'int32', '1 = the nearest collège of the QPV (UAI order on a tie)'),
    col('poids', 'float64', `weight of the collège in the QPV's IPS and DNB components: 1 / (distance_m + ${RISK_COLLEGES.decalageM}) normalised to sum 1 per QPV`),
  ],
};

/** Décrochage risk index per QPV with the default weights (`risk-index.ts`, `docs/methodologie.md`). */
export const RISQUE_DECROCHAGE_LAYOUT: TableLayout = {
  name: 'risque_decrochage',
  description: 'Indice de risque de décrochage par QPV (pondérations par défaut ; méthode : docs/methodologie.md)',
  key: ['qpv_code'],
  // qpv_colleges too, itself derived from qpv and etablissements: their sources are the same.
  derivedFrom: ['qpv', 'indicateurs', 'etablissements'],
  columns: [
    col('qpv_code', 'utf8', 'QPV code'),
    col('score', 'float64', 'weighted mean of the normalised components, 0–100 (100 = most exposed); null = n.d. (a weighted component has no value)', true),
    col('rang', 'int32', 'rank of the score among the QPV of its generation, 1 = most exposed; null when n.d.', true),
    col('rang_min', 'int32', `best rank over the weightings where each weight is multiplied by ${RISK_ROBUSTNESS_FACTORS.slice(0, -1).join(', ')} or ${RISK_ROBUSTNESS_FACTORS.at(-1)} independently; null when n.d.`, true),
    col('rang_max', 'int32', 'worst rank over those weightings; null when n.d.', true),
    col('percentile', 'float64', 'percentile rank of the score among the QPV of its generation, 0–100; null when n.d.', true),
    col('classe', 'int32', 'quintile of the percentile: 1 (20 % least exposed) to 5 (20 % most exposed); null when n.d.', true),
    col('statut', 'utf8', "'ok', or 'nd' when a weighted component has no value"),
    col('composantes_disponibles', 'int32', 'components with a value (among those with a weight)'),
    col('composantes_total', 'int32', 'components with a weight'),
  ],
};

/** The components of the risk index per QPV: what drives each score. */
export const RISQUE_COMPOSANTES_LAYOUT: TableLayout = {
  name: 'risque_composantes',
  description: 'Composantes de l’indice de risque de décrochage par QPV : valeur, valeur normalisée, poids, contribution',
  key: ['qpv_code', 'composante'],
  // qpv_colleges too, itself derived from qpv and etablissements: their sources are the same.
  derivedFrom: ['qpv', 'indicateurs', 'etablissements'],
  columns: [
    col('qpv_code', 'utf8', 'QPV code'),
    col('composante', 'utf8', 'component id of RISK_COMPONENTS (src/domain/risk-index.ts)'),
    col('valeur_brute', 'float64', 'raw value (unit of the component); null when not available', true),
    col('valeur_normalisee', 'float64', 'percentile rank among the scored QPV of its generation, oriented: 100 = most exposed; null when the QPV is n.d.', true),
    col('poids', 'float64', 'default weight'),
    col('contribution', 'float64', 'poids × valeur_normalisee / sum of the weights; the contributions of a QPV add up to its score; null when n.d.', true),
  ],
};

/** Access of each QPV to each category of 16–25 service (`src/domain/services-16-25.ts`). */
export const ACCES_SERVICES_LAYOUT: TableLayout = {
  name: 'acces_services',
  description: 'Accès aux services 16–25 ans par QPV et catégorie : distance au plus proche, nombre à 1, 3 et 5 km (à vol d’oiseau)',
  key: ['qpv_code', 'categorie'],
  derivedFrom: ['qpv', 'lieux', 'etablissements'],
  columns: [
    col('qpv_code', 'utf8', 'QPV code'),
    col('categorie', 'utf8', "service category id of SERVICES_16_25: 'mission_locale', 'cio', 'lycee_professionnel'…"),
    col('services_localises', 'int32', 'places of the category in the data with a point at their address (the only ones measured)'),
    col('distance_m', 'float64', "great-circle metres to the nearest place: 0 when one lies in the QPV, else from the QPV's point (lon/lat of qpv); null when the category has no located place", true),
    col('service_id', 'utf8', 'that place: lieux.id, or the UAI of an establishment', true),
    col('service_nom', 'utf8', 'its name', true),
    col('n_1km', 'int32', 'places at most 1 km away by the same measure (those in the QPV included); null when none is located', true),
    col('n_3km', 'int32', 'same, 3 km', true),
    col('n_5km', 'int32', 'same, 5 km', true),
  ],
};

/** Every published table, in load order (the map needs `territoires` and `qpv` first). */
export const TABLE_LAYOUTS: readonly TableLayout[] = [TERRITOIRES_LAYOUT, QPV_LAYOUT, CONTOURS_COMMUNES_LAYOUT, INDICATEURS_META_LAYOUT, INDICATEURS_LAYOUT, ETABLISSEMENTS_LAYOUT, DNB_SESSIONS_LAYOUT, LIEUX_LAYOUT, CITES_LAYOUT, PRE_LAYOUT, ACTIONS_LAYOUT, RESEAUX_EP_LAYOUT, QPV_COLLEGES_LAYOUT, RISQUE_DECROCHAGE_LAYOUT, RISQUE_COMPOSANTES_LAYOUT, ACCES_SERVICES_LAYOUT];

export const NIVEAUX = ['region', 'departement', 'commune', 'academie', 'contrat_de_ville'] as const;
export type Niveau = (typeof NIVEAUX)[number];
