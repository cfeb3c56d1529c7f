import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { RESEAU_BUFFER_METERS } from '../../src/domain/reseau-emprise.ts';
import { REPERES_SOURCE } from '../../src/domain/reperes-nationaux.ts';
import { RISK_COLLEGES, RISK_COMPONENTS, RISK_ROBUSTNESS_FACTORS } from '../../src/domain/risk-index.ts';
import { IMPORT_LIMITS } from '../../src/domain/import-limits.ts';
import { ACCES_RADII_M } from '../../src/domain/services-16-25.ts';
import { SECRET_THRESHOLD } from '../../src/domain/secret-statistique.ts';
import { AXES, SPHERES, TRANCHES } from '../../src/domain/vocabulary.ts';
import { MAX_CLASSES, MIN_CLASSES } from '../../src/domain/classification.ts';
import { DEFAULT_ZONE_BLANCHE_KM, RISK_WEIGHT_RANGE, ZONE_BLANCHE_RADII_KM } from '../../src/state/risk-slice.ts';
import { RESEAU_ECOLE_MAX_METERS } from '../../src/domain/table-layouts.ts';
import { CAP_BEP_SHARE_SQL } from '../support/cap-bep-share.ts';
import { figureProblems, normaliseDocText, placeholders, undeclaredCounts } from '../support/doc-figures.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, REPO_ROOT } from '../support/published-data.ts';

/*
 * Figures in the docs come from the data. Every count a doc quotes is declared here, once:
 * either CHECKED — the doc's fragment with each number written `{name}`, and what yields the
 * numbers (SQL run on public/data and on the shared fresh pipeline run, the fresh run's
 * warnings, a source file, or for a rule of the method the constant the code declares it
 * with) — or NOT_FROM_DATA, with the reason. A guard scans README.md
 * and docs/*.md for counts of data objects (« 111 QPV », « 1,085 networks », « CIO (41) »)
 * and fails on any that neither list declares.
 *
 * A doc reworded: update its fragment here. A figure changed in the data: the failure says
 * which doc, which fragment, and what it should now say. The correlations docs/methodologie.md
 * quotes are decimals, not counts: tests/integration/published-risk-method.test.ts checks them.
 */

interface RunContext {
  result: PipelineResult;
}

/**
 * A fragment of a doc, each checked number `{name}`, and what yields the numbers — together
 * every placeholder.
 */
interface Figure {
  file: string;
  text: string;
  /** One row, a column per placeholder it gives, run on public/data and on the fresh run. */
  sql?: string;
  /** Counted from the fresh run's report (warnings). */
  run?: (context: RunContext) => Record<string, number>;
  /** Counted from a source file, for a sentence about the file itself. */
  source?: () => Promise<Record<string, number>>;
  /** A rule of the method (3 collèges, 5 km): the constant the code applies, not a fact to declare apart. */
  constants?: Record<string, number>;
}

/** Features (or lines) of a source file the fresh run warned about with a reason starting so. */
const warningsOf = ({ result }: RunContext, file: string, reason: string) =>
  new Set(result.warnings.filter((w) => w.location.file.endsWith(file) && w.reason.startsWith(reason)).map((w) => `${w.location.feature ?? ''}:${w.location.line ?? ''}`)).size;
const REPAIRED = 'self-intersecting outline repaired';

/** Contracts of the ANCT points file by what their `codgeo` is: a commune (5 characters) or an EPCI (SIREN, 9). */
async function contratsDeVille(): Promise<Record<string, number>> {
  const file = JSON.parse(await readFile(path.join(SOURCES_DIR, 'anct-contrats-de-ville-points/geom_cv_ctr.json'), 'utf8')) as { features: { properties: { code_cv: string; codgeo: string; insee_dep: string } }[] };
  // A contract over two départements has a line for each (CV043): contracts are counted, not lines.
  const contracts = (length: number) => new Set(file.features.filter((f) => String(f.properties.codgeo).length === length).map((f) => f.properties.code_cv)).size;
  const dromEpci = new Set(file.features.filter((f) => String(f.properties.codgeo).length === 9 && String(f.properties.insee_dep).startsWith('97')).map((f) => f.properties.code_cv)).size;
  return { commune: contracts(5), epci: contracts(9), dromEpci };
}

/** The school context of a QPV (`RISK_COLLEGES`): how many collèges, within how many km, the distance offset of their weights. */
const COLLEGE_RULE = { k: RISK_COLLEGES.k, km: RISK_COLLEGES.rayonM / 1000, decalage: RISK_COLLEGES.decalageM };
/** The rebuilt REP/REP+ networks: how far an école may be from its collège, the margin of the footprint. */
const RESEAU_RULE = { km: RESEAU_ECOLE_MAX_METERS / 1000, buffer: RESEAU_BUFFER_METERS };
/** The limits of an imported actions file, as the docs write them (Mo, and the line one over the limit). */
const MO = 1024 * 1024;
const IMPORT_RULE = {
  fileMo: IMPORT_LIMITS.fileBytes.max / MO,
  rows: IMPORT_LIMITS.rows.max,
  over: IMPORT_LIMITS.rows.max + 1,
  cellChars: IMPORT_LIMITS.cellChars.max,
  xlsxEntries: IMPORT_LIMITS.xlsxEntries.max,
  inflatedMo: IMPORT_LIMITS.xlsxInflatedBytes.max / MO,
};
const SECRET_RULE = { threshold: SECRET_THRESHOLD };
/** What the app offers: the radii a zone blanche is judged at, the weights of the pondérations panel. */
const [r1, r2, r3, r4, r5] = ZONE_BLANCHE_RADII_KM;
const APP_RULE = { r1, r2, r3, r4, r5, zoneBlanche: DEFAULT_ZONE_BLANCHE_KM, weightMin: RISK_WEIGHT_RANGE.min, weightMax: RISK_WEIGHT_RANGE.max };
/** Indicators by millésime: observed year when a document gives one, else the edition. */
const INDICATOR_MILLESIMES = `SELECT max(annee_observee) AS year, count(*) FILTER (WHERE annee_observee IS NULL) AS other,
  count(*) FILTER (WHERE annee_observee IS NULL AND annee_publication = 2020) AS published2020,
  count(*) FILTER (WHERE annee_observee IS NULL AND annee_publication = 2019) AS published2019 FROM indicateurs_meta`;
/** Per QPV, its nearest collège of the school context and how many it has. */
const NEAREST_COLLEGES = 'SELECT qpv_code, min(distance_m) AS d, count(*) AS n FROM qpv_colleges GROUP BY qpv_code';

const CHECKED: readonly Figure[] = [
  // README.md
  { file: 'README.md', text: 'with the {n} QPV of the embedded data', sql: 'SELECT count(*) AS n FROM qpv' },
  { file: 'README.md', text: '« les {n} QPV des données chargées : Occitanie, Ille-et-Vilaine »', sql: 'SELECT count(*) AS n FROM qpv' },
  { file: 'README.md', text: 'any of the {n} INSEE indicators', sql: 'SELECT count(*) AS n FROM indicateurs_meta' },
  {
    file: 'README.md',
    text: 'Occitanie ({occitanie}) and Ille-et-Vilaine ({ille})',
    sql: "SELECT count(*) FILTER (WHERE source_id = 'qpv-occitanie-2015') AS occitanie, count(*) FILTER (WHERE source_id = 'qpv-ille-et-vilaine-2015') AS ille FROM qpv",
  },
  { file: 'README.md', text: 'INSEE QPV indicators of Occitanie ({n} indicators)', sql: 'SELECT count(*) AS n FROM indicateurs_meta' },
  { file: 'README.md', text: 'population {year} (observed); the other {other}: published 2019', sql: INDICATOR_MILLESIMES },
  { file: 'README.md', text: 'in {min} to {max} classes', constants: { min: MIN_CLASSES, max: MAX_CLASSES } },
  { file: 'README.md', text: 'weighs each component from {weightMin} to {weightMax}', constants: APP_RULE },
  { file: 'README.md', text: '(`zone_blanche=5`, default {zoneBlanche} km)', constants: APP_RULE },
  { file: 'README.md', text: 'Counts of people under {threshold} are shown `< {threshold}` everywhere', constants: SECRET_RULE },
  { file: 'README.md', text: 'counts of people under {threshold} never leave the pipeline', constants: SECRET_RULE },

  // docs/glossary.md
  { file: 'docs/glossary.md', text: 'counts of people under a threshold ({threshold} by default)', constants: SECRET_RULE },
  { file: 'docs/glossary.md', text: 'the {n} *sphères de la coéducation*', constants: { n: SPHERES.length } },
  { file: 'docs/glossary.md', text: 'the {n} national objectives of the Cités', constants: { n: AXES.length } },

  // docs/territoire.md
  { file: 'docs/territoire.md', text: 'what the {n} Cités declared to the 2024', constants: { n: REPERES_SOURCE.cites } },
  {
    file: 'docs/territoire.md',
    text: 'columns: the {spheres} sphères (famille, école, tiers-lieux éducatifs, quartier, virtualité). All {cells} cells are always shown',
    constants: { spheres: SPHERES.length, cells: SPHERES.length * TRANCHES.length },
  },

  // docs/securite.md
  { file: 'docs/securite.md', text: '| taille du fichier | {fileMo} Mo, vérifiée avant lecture | {rows} lignes réalistes', constants: IMPORT_RULE },
  { file: 'docs/securite.md', text: '| lignes | {rows} |', constants: IMPORT_RULE },
  { file: 'docs/securite.md', text: '| longueur d’une cellule | {cellChars} caractères |', constants: IMPORT_RULE },
  { file: 'docs/securite.md', text: '| parties d’un XLSX | {xlsxEntries} |', constants: IMPORT_RULE },
  { file: 'docs/securite.md', text: '| taille décompressée d’un XLSX | {inflatedMo} Mo,', constants: IMPORT_RULE },
  { file: 'docs/securite.md', text: '(`src/domain/secret-statistique.ts`, seuil {threshold} par défaut)', constants: SECRET_RULE },

  // docs/architecture.md
  { file: 'docs/architecture.md', text: 'REP/REP+ schools drawn at national zoom ({n} icons', sql: "SELECT count(*) AS n FROM etablissements WHERE ep IN ('REP', 'REP+') AND lon IS NOT NULL" },

  // docs/actions-template.md
  { file: 'docs/actions-template.md', text: '(the {n} actions of the seed', sql: 'SELECT count(*) AS n FROM actions' },
  { file: 'docs/actions-template.md', text: '(« Le fichier dépasse {rows} lignes ({over} lignes d’actions ; limite : {rows}) »)', constants: IMPORT_RULE },

  // docs/data-sources.md
  {
    file: 'docs/data-sources.md',
    text: '(June 2026: {fiches} fiches and a fiche outil) and the {orientations} example actions',
    // The recueil's fiches are `fiche-NN` (and `fiche-outil`), the orientations `orientation-NN`.
    sql: "SELECT count(*) FILTER (WHERE regexp_matches(id, '^fiche-\\d+$')) AS fiches, count(*) FILTER (WHERE id LIKE 'orientation-%') AS orientations FROM actions",
  },
  { file: 'docs/data-sources.md', text: "The {n} actions shipped are the seed documents'", sql: 'SELECT count(*) AS n FROM actions' },
  {
    file: 'docs/data-sources.md',
    text: '{repaired} of the {n} Occitanie QPV',
    sql: "SELECT count(*) AS n FROM qpv WHERE source_id = 'qpv-occitanie-2015'",
    run: (c) => ({ repaired: warningsOf(c, 'qpv-occitanie-2015/qp.geojson', REPAIRED) }),
  },
  {
    file: 'docs/data-sources.md',
    text: 'and {regions} régions, {departements} départements, {academies} académies and {communes} commune whose simplification',
    run: (c) => ({
      regions: warningsOf(c, 'regions-avec-outre-mer.geojson', REPAIRED),
      departements: warningsOf(c, 'departements-avec-outre-mer.geojson', REPAIRED),
      academies: warningsOf(c, 'fr-en-contour-academies-2020.geojson', REPAIRED),
      communes: warningsOf(c, 'communes-simplifiees.geojson', REPAIRED),
    }),
  },
  { file: 'docs/data-sources.md', text: '`codgeo` is a commune ({commune} contracts)', source: contratsDeVille },
  {
    file: 'docs/data-sources.md',
    text: 'On the shipped files: {schools} school of Aveyron (`0121517J`) geolocated in Indre-et-Loire, and {places} places of Ille-et-Vilaine',
    // Warnings of the département check, by the folder of the file they are about.
    run: ({ result }) => {
      const outside = (folders: readonly string[]) => result.warnings.filter((w) => w.reason.includes('outside its stated département') && folders.some((f) => w.location.file.includes(`${f}/`))).length;
      return { schools: outside(['annuaire-education-occitanie-2024', 'annuaire-education-ille-et-vilaine-2023', 'colleges-geolocalisation-dnb']), places: outside(['politique-ville-postes-2023']) };
    },
  },
  {
    file: 'docs/data-sources.md',
    text: '`codgeo` is an EPCI SIREN ({epci} contracts)',
    // Each is published, without an outline.
    source: contratsDeVille,
    sql: "SELECT count(*) AS epci FROM territoires WHERE niveau = 'contrat_de_ville' AND geometry IS NULL",
  },
  {
    file: 'docs/data-sources.md',
    text: '{n} networks ({rep} REP, {repplus} REP+), {attached} of the {ecoles} REP/REP+ écoles attached, {unattached} not',
    sql: `SELECT (SELECT count(*) FROM reseaux_ep) AS n,
                 (SELECT count(*) FROM reseaux_ep WHERE ep = 'REP') AS rep,
                 (SELECT count(*) FROM reseaux_ep WHERE ep = 'REP+') AS repplus,
                 (SELECT sum(ecoles)::INTEGER FROM reseaux_ep) AS attached,
                 (SELECT count(*) FROM etablissements WHERE type = 'ecole' AND ep IN ('REP', 'REP+')) AS ecoles,
                 (SELECT count(*) FROM etablissements WHERE type = 'ecole' AND ep IN ('REP', 'REP+')) - (SELECT sum(ecoles)::INTEGER FROM reseaux_ep) AS unattached`,
  },
  { file: 'docs/data-sources.md', text: 'An école farther than {km} km from every such collège', constants: RESEAU_RULE },
  { file: 'docs/data-sources.md', text: 'buffered by {buffer} m', constants: RESEAU_RULE },
  { file: 'docs/data-sources.md', text: 'the {dromEpci} EPCI contracts there (CV425, CV426, CV428)', source: contratsDeVille },
  {
    file: 'docs/data-sources.md',
    text: '(`commune_approchee`: {approchee} of {n})',
    sql: "SELECT count(*) FILTER (WHERE perimetre = 'commune_approchee') AS approchee, count(*) AS n FROM cites",
  },
  { file: 'docs/data-sources.md', text: 'its {k} nearest public collèges within {km} km', constants: COLLEGE_RULE },
  { file: 'docs/data-sources.md', text: 'the {published2020} indicators of the insertion professionnelle theme', sql: INDICATOR_MILLESIMES },
  { file: 'docs/data-sources.md', text: 'the other {published2019} (structure of the population', sql: INDICATOR_MILLESIMES },
  { file: 'docs/data-sources.md', text: 'Population columns describe {year}; the year the other {other} describe', sql: INDICATOR_MILLESIMES },
  {
    file: 'docs/data-sources.md',
    text: '(mostly Ille-et-Vilaine écoles {near}–{far} km from the nearest REP collège',
    // The fresh run's warnings of the écoles of Ille-et-Vilaine too far from a collège, in whole km around their distances.
    run: ({ result }) => {
      const km = result.warnings.flatMap((w) => /^REP école: nearest REP collège of département 35, \w+, is ([\d.]+) km away/.exec(w.reason)?.[1] ?? []).map(Number);
      return { near: Math.floor(Math.min(...km)), far: Math.ceil(Math.max(...km)) };
    },
  },
  { file: 'docs/data-sources.md', text: 'and the {n} REP écoles of the Gers', sql: "SELECT count(*) AS n FROM etablissements WHERE type = 'ecole' AND ep = 'REP' AND departement_code = '32'" },

  // docs/methodologie.md
  // §2: the components; the school context of a QPV, its reach on the data, the correlations' basis.
  { file: 'docs/methodologie.md', text: '{n} composantes, en trois dimensions', constants: { n: RISK_COMPONENTS.length } },
  { file: 'docs/methodologie.md', text: '{k} plutôt qu’un : un grand quartier', constants: COLLEGE_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'les **{k} plus proches**, à vol d’oiseau (grand cercle), du **contour source** du QPV (0 m pour un collège situé dans le QPV), à **{km} km** au plus',
    constants: COLLEGE_RULE,
  },
  { file: 'docs/methodologie.md', text: 'poids ∝ 1 / (distance + {decalage} m)', constants: COLLEGE_RULE },
  { file: 'docs/methodologie.md', text: 'Le décalage de {decalage} m', constants: COLLEGE_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'le collège le plus proche est à une distance médiane {median} m, au plus {max} m du contour ; {beyond} QPV n’ont aucun de ces collèges à moins de 300 m',
    sql: `SELECT median(d) AS median, max(d) AS max, count(*) FILTER (WHERE d > 300) AS beyond FROM (${NEAREST_COLLEGES})`,
  },
  { file: 'docs/methodologie.md', text: '{inside} QPV en ont au moins un dans leur contour', sql: `SELECT count(*) FILTER (WHERE d = 0) AS inside FROM (${NEAREST_COLLEGES})` },
  {
    file: 'docs/methodologie.md',
    text: 'Un rayon de {enough} km suffirait ; {km} km garde une marge et atteint les {reached} QPV des données. {full} QPV ont {k} collèges, {fewer} en ont moins',
    // « les N QPV des données »: every QPV, which tests/integration/pipeline-risque-acces.test.ts asserts.
    sql: `SELECT ceil(max(d) / 1000)::INTEGER AS enough, count(*) AS reached,
                 count(*) FILTER (WHERE n = ${RISK_COLLEGES.k}) AS full, count(*) FILTER (WHERE n < ${RISK_COLLEGES.k}) AS fewer FROM (${NEAREST_COLLEGES})`,
    constants: COLLEGE_RULE,
  },
  { file: 'docs/methodologie.md', text: '(ρ de Spearman, sur les {n} QPV notés ;', sql: "SELECT count(*) AS n FROM risque_decrochage WHERE statut = 'ok'" },
  {
    file: 'docs/methodologie.md',
    text: 'calculée sur les {n} QPV notés qui l’ont',
    sql: `SELECT count(*) AS n FROM (${CAP_BEP_SHARE_SQL}) JOIN risque_decrochage USING (qpv_code) WHERE statut = 'ok' AND v IS NOT NULL`,
  },
  {
    file: 'docs/methodologie.md',
    text: 'malgré une valeur manquante pour {n} QPV d’Occitanie',
    sql: "SELECT count(*) AS n FROM risque_composantes c JOIN qpv q ON q.code = c.qpv_code WHERE c.composante = 'emploi_precaire' AND c.valeur_brute IS NULL AND q.region_code = '76'",
  },
  {
    file: 'docs/methodologie.md',
    text: 'n’est publiée que pour {chom} des {insee} QPV qui ont des indicateurs INSEE',
    sql: `SELECT count(DISTINCT territoire_code) FILTER (WHERE indicateur = 'part_chomprinc' AND valeur IS NOT NULL) AS chom,
                 count(DISTINCT territoire_code) FILTER (WHERE indicateur = 'tp60' AND valeur IS NOT NULL) AS insee
          FROM indicateurs WHERE niveau = 'qpv'`,
  },
  // §4: the pondérations panel, robustness of the rank.
  { file: 'docs/methodologie.md', text: 'un poids de {weightMin} à {weightMax} par pas de 0,5', constants: APP_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'soit {factors}ᵏ pondérations pour k composantes pondérées ({weightings} pour {k})',
    constants: { factors: RISK_ROBUSTNESS_FACTORS.length, weightings: RISK_ROBUSTNESS_FACTORS.length ** RISK_COMPONENTS.length, k: RISK_COMPONENTS.length },
  },
  {
    file: 'docs/methodologie.md',
    text: 'écart médian entre rang le meilleur et le pire : {median} places, de {min} à {max} ; les extrêmes sont stables (le 1ᵉʳ reste 1ᵉʳ ou {worst}ᵉ)',
    sql: `SELECT median(rang_max - rang_min) AS median, min(rang_max - rang_min) AS min, max(rang_max - rang_min) AS max,
                 max(rang_max) FILTER (WHERE rang = 1) AS worst FROM risque_decrochage WHERE statut = 'ok'`,
  },
  // §5: scored and n.d.
  {
    file: 'docs/methodologie.md',
    text: 'Avec les données actuelles et les poids par défaut, {scored} QPV ont un score, {nd} sont n.d. : les {ille} QPV d’Ille-et-Vilaine (aucun indicateur INSEE dans les données, seulement les collèges) et {occitanie} QPV d’Occitanie dont un indicateur au moins n’est pas publié',
    sql: `SELECT count(*) FILTER (WHERE r.score IS NOT NULL) AS scored, count(*) FILTER (WHERE r.score IS NULL) AS nd,
                 count(*) FILTER (WHERE r.score IS NULL AND q.departement_code = '35') AS ille,
                 count(*) FILTER (WHERE r.score IS NULL AND q.region_code = '76') AS occitanie
          FROM risque_decrochage r JOIN qpv q ON q.code = r.qpv_code`,
  },
  // §4: what the fiche's rank is taken among, as it says it.
  {
    file: 'docs/methodologie.md',
    text: '(« parmi les {scored} QPV notés des',
    sql: `SELECT count(score) AS scored FROM risque_decrochage`,
  },
  // §7: access to 16–25 services.
  {
    file: 'docs/methodologie.md',
    text: 'nombre de lieux de la catégorie à {a}, {b} et {c} km au plus',
    constants: { a: ACCES_RADII_M[0] / 1000, b: ACCES_RADII_M[1] / 1000, c: ACCES_RADII_M[2] / 1000 },
  },
  { file: 'docs/methodologie.md', text: 'au rayon choisi dans la fiche ({r1}, {r2}, {r3}, {r4} ou {r5} km ; {zoneBlanche} km par défaut', constants: APP_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'les CIO ({cio}) et les lycées professionnels publics ({lp}) qui sont mesurés',
    sql: `SELECT (SELECT count(*) FROM lieux WHERE categorie = 'cio' AND precision = 'adresse') AS cio,
                 (SELECT count(*) FROM etablissements WHERE secteur = 'public' AND nature IN ('LYCEE PROFESSIONNEL', 'SECTION D ENSEIGNEMENT PROFESSIONNEL') AND lon IS NOT NULL) AS lp`,
  },
  {
    file: 'docs/methodologie.md',
    text: '(aujourd’hui {occitanie} en Occitanie et {ille} en Ille-et-Vilaine)',
    sql: "SELECT count(*) FILTER (WHERE region_code = '76') AS occitanie, count(*) FILTER (WHERE departement_code = '35') AS ille FROM qpv",
  },
  { file: 'docs/methodologie.md', text: 'Les {k} collèges publics les plus proches, pondérés par la distance', constants: COLLEGE_RULE },
  { file: 'docs/methodologie.md', text: 'effectifs inférieurs au seuil ({threshold} par défaut)', constants: SECRET_RULE },
  { file: 'docs/methodologie.md', text: '(QPV × collège, {k} au plus par QPV)', constants: COLLEGE_RULE },
  { file: 'docs/methodologie.md', text: 'un effectif inférieur à **{threshold}** (valeur par défaut)', constants: SECRET_RULE },
  { file: 'docs/methodologie.md', text: 'la fiche d’un établissement de moins de {threshold} élèves', constants: SECRET_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'Sur les données embarquées : {etablissements} établissements (élèves), et parmi les indicateurs, les effectifs nuls ou faibles de {demandeurs} QPV (demandeurs d’emploi), {caf} QPV (allocataires CAF) et {auto} QPV (auto-entrepreneurs)',
    sql: `SELECT (SELECT count(*) FROM etablissements WHERE effectifs_statut = 'secret') AS etablissements,
                 count(DISTINCT territoire_code) FILTER (WHERE m.theme = 'emploi') AS demandeurs,
                 count(DISTINCT territoire_code) FILTER (WHERE m.theme = 'prestations_sociales') AS caf,
                 count(DISTINCT territoire_code) FILTER (WHERE i.indicateur = 'auto_ent') AS auto
          FROM indicateurs i JOIN indicateurs_meta m USING (indicateur) WHERE i.statut = 'secret'`,
  },
  // §11: éducation prioritaire and the networks' footprints.
  {
    file: 'docs/methodologie.md',
    text: 'et {inconnu} de ses collèges ({public} publics, {prive} privés) sont absents du fichier DNB',
    sql: `SELECT count(*) AS inconnu, count(*) FILTER (WHERE secteur = 'public') AS public, count(*) FILTER (WHERE secteur = 'prive') AS prive
          FROM etablissements WHERE source_id = 'colleges-geolocalisation-2024' AND ep = 'inconnu'`,
  },
  { file: 'docs/methodologie.md', text: 'le plus proche de son département ({km} km au plus)', constants: RESEAU_RULE },
  { file: 'docs/methodologie.md', text: 'de ses écoles élargie de {buffer} m', constants: RESEAU_RULE },
  {
    file: 'docs/methodologie.md',
    text: 'c’est un disque de {buffer} m autour du collège (« collège seul ») : {seul} des {n} réseaux, dont {unloaded} dans des départements où aucune école n’est chargée',
    // `ecoles` is null where the sources hold no école at all.
    sql: 'SELECT count(*) FILTER (WHERE coalesce(ecoles, 0) = 0) AS seul, count(*) AS n, count(*) FILTER (WHERE ecoles IS NULL) AS unloaded FROM reseaux_ep',
    constants: RESEAU_RULE,
  },
];

/** Counts a doc quotes that do not describe our data, each with why. Literal fragments. */
const NOT_FROM_DATA: readonly { file: string; text: string; reason: string }[] = [
  { file: 'README.md', text: 'the poverty-rate histogram: 26 QPV of Occitanie match', reason: 'the alt text of a screenshot: the QPV one brush position selected' },
  { file: 'README.md', text: '(1,600 QPV 2024 of real shapes, 60,000 schools,', reason: "the SYNTHETIC national dataset's sizes, set by scripts/synthetic-national (never in public/data)" },
  { file: 'docs/architecture.md', text: '(1,600 QPV 2024 copied from the real outlines of the shipped ones and set around the real contrats de ville, 60,000 schools, 2,900 places of 16–25 services, 208 Cités)', reason: "the SYNTHETIC national dataset's sizes, set by scripts/synthetic-national (never in public/data)" },
  { file: 'docs/architecture.md', text: "called for the 60,000 schools' QPV within", reason: "the SYNTHETIC national dataset's sizes, set by scripts/synthetic-national (never in public/data)" },
  { file: 'docs/architecture.md', text: 'the 65,600 indicator and 60,000 school rows included', reason: "the SYNTHETIC national dataset's sizes, set by scripts/synthetic-national (never in public/data)" },
];

const DOC_FILES = async () => ['README.md', ...(await readdir(path.join(REPO_ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const docText = async (file: string) => normaliseDocText(await readFile(path.join(REPO_ROOT, file), 'utf8'));

let published: Connector;
let fresh: Connector;
let context: RunContext;
beforeAll(async () => {
  const { out, result } = await sharedFullRun();
  [published, fresh] = await Promise.all([connectToPublishedData(), connectToPublishedData(out)]);
  context = { result };
});
afterAll(async () => {
  await Promise.all([published?.close(), fresh?.close()]);
});

const firstRow = async (db: Connector, sql: string) => tableRows(await db.query(sql))[0] ?? {};

describe('figures in the docs come from the data', () => {
  it('every declared figure says what the published tables, the fresh run and the sources say', async () => {
    const problems: string[] = [];
    for (const figure of CHECKED) {
      const text = await docText(figure.file);
      const sources: [string, Record<string, unknown>][] = [];
      if (figure.sql !== undefined) sources.push(['public/data', await firstRow(published, figure.sql)], ['a fresh pipeline run', await firstRow(fresh, figure.sql)]);
      if (figure.run !== undefined) sources.push(['the fresh run’s warnings', figure.run(context)]);
      if (figure.source !== undefined) sources.push(['the source file', await figure.source()]);
      if (figure.constants !== undefined) sources.push(['the code’s constants', figure.constants]);
      const given = new Set(sources.flatMap(([, data]) => Object.keys(data)));
      for (const name of placeholders(figure.text)) if (!given.has(name)) problems.push(`${figure.file}: « ${figure.text} »: nothing declared yields {${name}}`);
      for (const [where, data] of sources) {
        const numbers = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Number(v)]));
        problems.push(...figureProblems(figure.file, text, figure.text, numbers, where));
      }
    }
    expect(problems).toEqual([]);
  });

  it('every count of data objects a doc quotes is declared, checked or not from our data', async () => {
    const undeclared: string[] = [];
    for (const file of await DOC_FILES()) {
      const fragments = [...CHECKED, ...NOT_FROM_DATA].filter((f) => f.file === file).map((f) => f.text);
      for (const count of undeclaredCounts(await docText(file), fragments)) {
        undeclared.push(`${file}: « ${count.text} » is neither checked nor declared not from our data (tests/integration/doc-figures.test.ts)`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('declares only fragments the docs hold', async () => {
    const missing: string[] = [];
    for (const { file, text } of NOT_FROM_DATA) if (!(await docText(file)).includes(normaliseDocText(text))) missing.push(`${file}: « ${text} »`);
    expect(missing).toEqual([]);
  });
});
