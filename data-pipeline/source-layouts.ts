/**
 * Every file layout the pipeline reads, declared once: the registry's `layout` field accepts
 * exactly these ids, and `npm run pipeline -- --list` prints them, so that staff holding a
 * downloaded file can tell which layout it is. `origin` says where such a file comes from: the
 * publisher's page, or a template of the repository when no official layout exists for it
 * (docs/mise-a-jour.md).
 */
/** The published tables a source may feed (the others are derived from these). */
export const SOURCE_TABLES = ['qpv', 'territoires', 'indicateurs', 'indicateurs_meta', 'etablissements', 'lieux', 'cites', 'pre', 'actions'] as const;

export interface SourceLayoutInfo {
  /** The published table the layout feeds. */
  table: (typeof SOURCE_TABLES)[number];
  /** What a file of this layout holds, as `--list` prints it. */
  description: string;
  /** Where to get such a file: a publisher's page, or `template: <path>` for a file staff fill. */
  origin: string;
}

export const SOURCE_LAYOUTS = {
  qpv: {
    table: 'qpv',
    description: 'QPV contours, GeoJSON: 2015 (CODE_QP = QP + 6 digits, NOM_QP, COMMUNE_QP) or 2024 (code_qp = QN…, lib_qp, insee_com; any case), WGS84 or Lambert-93',
    origin: 'https://www.data.gouv.fr/datasets/quartiers-prioritaires-de-la-politique-de-la-ville-qpv',
  },
  regions: { table: 'territoires', description: 'région outlines, GeoJSON (IGN Admin Express via france-geojson)', origin: 'https://github.com/gregoiredavid/france-geojson' },
  departements: { table: 'territoires', description: 'département outlines, GeoJSON (IGN Admin Express via france-geojson)', origin: 'https://github.com/gregoiredavid/france-geojson' },
  communes: { table: 'territoires', description: 'commune outlines, GeoJSON (IGN Admin Express via france-geojson)', origin: 'https://github.com/gregoiredavid/france-geojson' },
  // the COG's names of the communes, articles included (the IGN outlines leave them out)
  'communes-cog': { table: 'territoires', description: 'names of the communes (COG), JSON of @etalab/decoupage-administratif', origin: 'https://github.com/datagouv/decoupage-administratif' },
  academies: { table: 'territoires', description: 'académie outlines, GeoJSON (fr-en-contour-academies)', origin: 'https://github.com/Cat-Miaou/Vyz' },
  'qpv-indicateurs-insee': {
    table: 'indicateurs',
    description: 'INSEE QPV indicators, one row per QPV (code_qp) and one column per indicator of src/domain/indicator-catalogue.ts',
    origin: 'https://www.insee.fr/fr/statistiques/5359605?sommaire=2500477',
  },
  // No documented column layout of INSEE's 2024 QPV bases was found: staff transcribe them into this template.
  'qpv-indicateurs-long': {
    table: 'indicateurs',
    description: 'QPV indicators in long format, one row per QPV (QP… or QN…), indicator of the catalogue and millésime (code_qp;indicateur;valeur;millesime;statut), e.g. from the INSEE QPV 2024 bases',
    origin: 'template: docs/templates/indicateurs-qpv.csv',
  },
  'qpv-indicateurs-dictionnaire': { table: 'indicateurs_meta', description: 'dictionary of an indicator file (colonne, description, type_valeur)', origin: 'https://github.com/ToulouseDataViz/Hackaviz2021' },
  'annuaire-education': {
    table: 'etablissements',
    description: "Annuaire de l'éducation (fr-en-annuaire-education), national or extract, 2023 or 2024 header, ';'",
    origin: 'https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/',
  },
  'colleges-geolocalisation': {
    table: 'etablissements',
    description: 'adresse et géolocalisation des établissements du premier et second degré (collèges kept)',
    origin: 'https://data.education.gouv.fr/explore/dataset/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre/',
  },
  'colleges-ips': {
    table: 'etablissements',
    description: "IPS des collèges (fr-en-ips-colleges-ap2022 and later rentrées: 'Rentrée scolaire', UAI, IPS), ';'; the latest rentrée wins",
    origin: 'https://data.education.gouv.fr/explore/dataset/fr-en-ips-colleges-ap2022/',
  },
  'colleges-dnb': { table: 'etablissements', description: 'DNB 2021 by collège with REP / REP+ flags (donnees-dnb.csv, a derived file)', origin: 'https://github.com/Cat-Miaou/Vyz' },
  'dnb-etablissements': {
    table: 'etablissements',
    description: "DNB results by établissement (fr-en-dnb-par-etablissement: Session, Numero d'etablissement, Taux de réussite), every session in one file, ';'; the latest session wins",
    origin: 'https://data.education.gouv.fr/explore/dataset/fr-en-dnb-par-etablissement/',
  },
  // lieux: partner places and services for 16–25 year olds
  'postes-adultes-relais': { table: 'lieux', description: 'adultes-relais posts of the ANCT (JSON records)', origin: 'https://github.com/anct-carto/ci-ville' },
  'postes-fonjep': { table: 'lieux', description: 'FONJEP posts of the ANCT (JSON records)', origin: 'https://github.com/anct-carto/ci-ville' },
  'contrats-de-ville-points': { table: 'territoires', description: 'contrats de ville 2015–2023, one point each (ANCT, GeoJSON)', origin: 'https://github.com/anct-carto/ci-ville' },
  'lieux-annuaire': {
    table: 'lieux',
    description: 'places staff list: missions locales, PIJ/BIJ, Promeneurs du Net, E2C, EPIDE, CFA… (id;nom;categorie;adresse;code_commune;latitude;longitude;annee)',
    origin: 'template: docs/templates/lieux.csv',
  },
  // registries staff fill, and the actions template
  'cites-registre': {
    table: 'cites',
    description: 'Cités éducatives (nom;annee_labellisation;communes;qpv_codes;qpv_noms;commune_entiere;porteur;source)',
    origin: 'template: docs/templates/cites.csv',
  },
  'pre-registre': { table: 'pre', description: 'Programmes de réussite éducative (see data-pipeline/sources/pre-registre/SOURCE.md)', origin: 'template: data-pipeline/sources/pre-registre/pre.csv' },
  'actions-template': { table: 'actions', description: 'actions of a Cité in the actions template (CSV or XLSX)', origin: 'template: docs/templates/actions.csv' },
} as const satisfies Record<string, SourceLayoutInfo>;

export type SourceLayoutId = keyof typeof SOURCE_LAYOUTS;

export const SOURCE_LAYOUT_IDS = Object.keys(SOURCE_LAYOUTS) as [SourceLayoutId, ...SourceLayoutId[]];
