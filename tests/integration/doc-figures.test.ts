import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { figureProblems, normaliseDocText, placeholders, undeclaredCounts } from '../support/doc-figures.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData, REPO_ROOT } from '../support/published-data.ts';

/*
 * Figures in the docs come from the data. Every count a doc quotes is declared here, once:
 * either CHECKED — the doc's fragment with each number written `{name}`, and what yields the
 * numbers (SQL run on public/data and on the shared fresh pipeline run, the fresh run's
 * warnings, or a source file) — or NOT_FROM_DATA, with the reason. A guard scans README.md
 * and docs/*.md for counts of data objects (« 111 QPV », « 1,085 networks », « CIO (41) »)
 * and fails on any that neither list declares.
 *
 * A doc reworded: update its fragment here. A figure changed in the data: the failure says
 * which doc, which fragment, and what it should now say.
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
}

/** Features (or lines) of a source file the fresh run warned about with a reason starting so. */
const warningsOf = ({ result }: RunContext, file: string, reason: string) =>
  new Set(result.warnings.filter((w) => w.location.file.endsWith(file) && w.reason.startsWith(reason)).map((w) => `${w.location.feature ?? ''}:${w.location.line ?? ''}`)).size;
const REPAIRED = 'self-intersecting outline repaired';

/** Contracts of the ANCT points file by what their `codgeo` is: a commune (5 characters) or an EPCI (SIREN, 9). */
async function contratsDeVille(): Promise<Record<string, number>> {
  const file = JSON.parse(await readFile(path.join(SOURCES_DIR, 'anct-contrats-de-ville-points/geom_cv_ctr.json'), 'utf8')) as { features: { properties: { code_cv: string; codgeo: string } }[] };
  // A contract over two départements has a line for each (CV043): contracts are counted, not lines.
  const contracts = (length: number) => new Set(file.features.filter((f) => String(f.properties.codgeo).length === length).map((f) => f.properties.code_cv)).size;
  return { commune: contracts(5), epci: contracts(9) };
}

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

  // docs/architecture.md
  { file: 'docs/architecture.md', text: 'REP/REP+ schools drawn at national zoom ({n} icons', sql: "SELECT count(*) AS n FROM etablissements WHERE ep IN ('REP', 'REP+') AND lon IS NOT NULL" },

  // docs/actions-template.md
  { file: 'docs/actions-template.md', text: '(the {n} actions of the seed', sql: 'SELECT count(*) AS n FROM actions' },

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
  { file: 'docs/data-sources.md', text: 'and the {n} REP écoles of the Gers', sql: "SELECT count(*) AS n FROM etablissements WHERE type = 'ecole' AND ep = 'REP' AND departement_code = '32'" },

  // docs/methodologie.md
  {
    file: 'docs/methodologie.md',
    text: 'Avec les données actuelles, {scored} QPV ont un score, {nd} sont n.d. : les {ille} QPV d’Ille-et-Vilaine',
    sql: `SELECT count(*) FILTER (WHERE r.score IS NOT NULL) AS scored, count(*) FILTER (WHERE r.score IS NULL) AS nd,
                 count(*) FILTER (WHERE r.score IS NULL AND q.departement_code = '35') AS ille
          FROM risque_decrochage r JOIN qpv q ON q.code = r.qpv_code`,
  },
  {
    file: 'docs/methodologie.md',
    text: 'et {occitanie} QPV d’Occitanie dont plusieurs indicateurs ne sont pas publiés',
    sql: "SELECT count(*) AS occitanie FROM risque_decrochage r JOIN qpv q ON q.code = r.qpv_code WHERE r.score IS NULL AND q.region_code = '76'",
  },
  {
    file: 'docs/methodologie.md',
    text: '{n} QPV n’ont aucun collège public à moins de 300 m',
    sql: `SELECT count(*) AS n FROM qpv q WHERE NOT EXISTS (
            SELECT 1 FROM etablissements e WHERE e.type = 'college' AND e.secteur = 'public'
              AND (e.qpv_code = q.code OR list_contains(string_split(e.qpv_300m, ','), q.code)))`,
  },
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
  {
    file: 'docs/methodologie.md',
    text: 'Sur les données embarquées : {etablissements} établissements (élèves), et parmi les indicateurs, les effectifs nuls ou faibles de {demandeurs} QPV (demandeurs d’emploi), {caf} QPV (allocataires CAF) et {auto} QPV (auto-entrepreneurs)',
    sql: `SELECT (SELECT count(*) FROM etablissements WHERE effectifs_statut = 'secret') AS etablissements,
                 count(DISTINCT territoire_code) FILTER (WHERE m.theme = 'emploi') AS demandeurs,
                 count(DISTINCT territoire_code) FILTER (WHERE m.theme = 'prestations_sociales') AS caf,
                 count(DISTINCT territoire_code) FILTER (WHERE i.indicateur = 'auto_ent') AS auto
          FROM indicateurs i JOIN indicateurs_meta m USING (indicateur) WHERE i.statut = 'secret'`,
  },
];

/** Counts a doc quotes that do not describe our data, each with why. Literal fragments. */
const NOT_FROM_DATA: readonly { file: string; text: string; reason: string }[] = [
  { file: 'README.md', text: 'the poverty-rate histogram: 26 QPV of Occitanie match', reason: 'the alt text of a screenshot: the QPV one brush position selected' },
  { file: 'docs/actions-template.md', text: '« Le fichier dépasse 20 000 lignes (20 001 lignes d’actions ; limite : 20 000) »', reason: 'the import limit (src/domain/import-limits.ts) and a message quoting it' },
  { file: 'docs/securite.md', text: '20 000 lignes réalistes', reason: 'the import limit (src/domain/import-limits.ts), not a count of our data' },
  { file: 'docs/methodologie.md', text: 'moins de 11 élèves', reason: 'the secret statistique threshold' },
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
