import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, REGISTRY_FILE, type Source } from '../../data-pipeline/registry.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { SOURCE_LAYOUT_IDS } from '../../data-pipeline/source-layouts.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { buildFicheObjetQuery, DNB_SESSIONS_FIELD } from '../../src/queries/fiche-objet-queries.ts';
import type { CoverageSqlRow } from '../../src/domain/loaded-coverage.ts';
import { buildQpvIdentityQuery, buildQpvIndicatorsQuery } from '../../src/queries/fiche-qpv-queries.ts';
import { buildLoadedCoverageQuery } from '../../src/queries/loaded-coverage-query.ts';
import { buildComparisonModel } from '../../src/view-models/comparison-model.ts';
import type { IdentitySqlRow } from '../../src/view-models/fiche-model.ts';
import type { IndicatorSqlRow } from '../../src/view-models/indicator-view.ts';
import { buildQpvRisqueQuery } from '../../src/queries/fiche-risque-queries.ts';
import { buildRisqueView, type RisqueSqlRow } from '../../src/view-models/fiche-risque-model.ts';
import { buildIndicatorListQuery, buildQpvIndicatorValuesQuery } from '../../src/queries/indicator-queries.ts';
import { buildTerritoryQpvQuery } from '../../src/queries/territory-queries.ts';
import { REPO_ROOT, removeTempDirs, runCli, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData, readManifest } from '../support/published-data.ts';

/**
 * The national files staff download (docs/mise-a-jour.md), each as a small fixture written to
 * its publisher's layout (tests/fixtures/national/README.md), declared in a registry next to
 * the shipped sources, as staff declare them: one pipeline run over all of them, then one
 * assertion group per layout. The shipped 2015 QPV stay in: the run is also the mix of the
 * 2015 and 2024 generations. The national sources come first in the registry, so that the
 * shipped older DNB and IPS files are read after the newer ones.
 */
const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/national');
const common = { licence: 'Licence Ouverte / Etalab 2.0' };
const NATIONAL: (Omit<Source, 'licence'> & { fixture: string })[] = [
  { id: 'qpv-france-2024', table: 'qpv', format: 'geojson', layout: 'qpv', fixture: 'qpv-2024-lambert93.geojson', file: 'qpv-france-2024/QP2024_France_Hexagonale_LB93.geojson', publisher: 'ANCT (SIG Ville)', millesime: 'QPV 2024', url: 'https://www.data.gouv.fr/datasets/quartiers-prioritaires-de-la-politique-de-la-ville-qpv' },
  { id: 'annuaire-education-france', table: 'etablissements', format: 'csv', layout: 'annuaire-education', fixture: 'fr-en-annuaire-education.csv', file: 'annuaire-education-france/fr-en-annuaire-education.csv', publisher: "Ministère de l'Éducation nationale", millesime: '2025-11-20', url: 'https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/' },
  { id: 'dnb-etablissements-france', table: 'etablissements', format: 'csv', layout: 'dnb-etablissements', fixture: 'fr-en-dnb-par-etablissement.csv', file: 'dnb-france/fr-en-dnb-par-etablissement.csv', publisher: 'DEPP', millesime: 'DNB sessions 2023 et 2024', url: 'https://data.education.gouv.fr/explore/dataset/fr-en-dnb-par-etablissement/' },
  { id: 'ips-colleges-2023', table: 'etablissements', format: 'csv', layout: 'colleges-ips', fixture: 'fr-en-ips-colleges-ap2023.csv', file: 'ips-colleges-2023/fr-en-ips-colleges-ap2023.csv', publisher: 'DEPP', millesime: 'rentrée 2023', url: 'https://data.education.gouv.fr/explore/dataset/fr-en-ips-colleges-ap2023/' },
  { id: 'lieux-16-25', table: 'lieux', format: 'csv', layout: 'lieux-annuaire', fixture: 'lieux-16-25.csv', file: 'lieux-16-25/lieux.csv', publisher: 'Observatoire', millesime: '2025', url: 'https://www.data.gouv.fr' },
  { id: 'indicateurs-qpv-2024', table: 'indicateurs', format: 'csv', layout: 'qpv-indicateurs-long', fixture: 'indicateurs-qpv-2024.csv', file: 'indicateurs-qpv-2024/indicateurs-qpv.csv', publisher: 'INSEE, transcrit par l’observatoire', millesime: 'QPV 2024, millésimes par valeur', url: 'https://www.insee.fr/fr/statistiques/8243167' },
  { id: 'cites-anct', table: 'cites', format: 'csv', layout: 'cites-registre', fixture: 'cites-anct.csv', file: 'cites-anct/cites.csv', publisher: 'ANCT, transcrit par l’observatoire', millesime: '2024', url: 'https://www.data.gouv.fr/datasets/60d315f1b58635c5d9fc9db4' },
];

let out: string;
let result: PipelineResult;
let db: Connector;

const rows = async <T = Record<string, unknown>>(sql: string) => tableRows(await db.query(sql)) as T[];

beforeAll(async () => {
  const dir = await tempDir('pipeline-national');
  const registryFile = path.join(dir, 'registry.json');
  const shipped = JSON.parse(await readFile(REGISTRY_FILE, 'utf8')) as { sources: Source[] };
  const national = NATIONAL.map(({ fixture: _, ...source }) => ({ ...source, ...common }));
  await writeFile(registryFile, JSON.stringify({ sources: [...national, ...shipped.sources] }));
  out = path.join(dir, 'data');
  const inputs = new Map(NATIONAL.map((s) => [s.id, path.join(FIXTURES, s.fixture)]));
  result = await runPipeline({ outDir: out, registryFile, inputs });
  db = await connectToPublishedData(out);
}, 300_000);

afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

describe('national layouts, one run over all their fixtures', () => {
  it('publishes', () => {
    expect(result.published).toBe(true);
    // Nothing of the national fixtures is rejected.
    expect(result.rejected.filter((r) => r.location.file.includes('fixtures/national'))).toEqual([]);
  });

  it('qpv: the 2024 contours in Lambert-93 sit beside the 2015 generation, each labelled', async () => {
    const qn = await rows("SELECT code, nom, generation, commune_code, departement_code, region_code, source_id FROM qpv WHERE code LIKE 'QN%' ORDER BY code");
    expect(qn).toEqual([
      { code: 'QN03501M', nom: 'Maurepas - Gros Chêne', generation: '2024', commune_code: '35238', departement_code: '35', region_code: '53', source_id: 'qpv-france-2024' },
      { code: 'QN03506M', nom: 'Cleunay - Arsenal Redon', generation: '2024', commune_code: '35238', departement_code: '35', region_code: '53', source_id: 'qpv-france-2024' },
    ]);
    // Reprojected: the 2024 outline lies where the 2015 one of the same quartier does.
    const [maurepas] = await rows("SELECT round(lon, 2) AS lon, round(lat, 2) AS lat FROM qpv WHERE code IN ('QN03501M', 'QP035004') GROUP BY ALL");
    expect(maurepas).toEqual({ lon: -1.66, lat: 48.13 });
    // The 2015 generation is kept whole, not overwritten.
    expect(await rows('SELECT generation, count(*)::INT AS n FROM qpv GROUP BY generation ORDER BY generation')).toEqual([
      { generation: '2015', n: 111 },
      { generation: '2024', n: 2 },
    ]);
    const qpv = (await readManifest(out)).tables.find((t) => t.name === 'qpv')! as unknown as { sources: { id: string; millesime: string }[] };
    expect(qpv.sources.map((s) => [s.id, s.millesime])).toEqual([
      ['qpv-france-2024', 'QPV 2024'],
      ['qpv-occitanie-2015', 'QPV 2015'],
      ['qpv-ille-et-vilaine-2015', 'QPV 2015'],
    ]);
  });

  it('annuaire-education: the national file places schools of the DROM from their own projections, small counts stay secret', async () => {
    const found = await rows(
      "SELECT uai, ep, departement_code, round(lon, 3) AS lon, round(lat, 3) AS lat, effectifs, effectifs_statut FROM etablissements WHERE uai IN ('0932901A', '0932902B', '9741901C', '9760901D') ORDER BY uai",
    );
    expect(found).toEqual([
      { uai: '0932901A', ep: 'REP+', departement_code: '93', lon: 2.549, lat: 48.909, effectifs: 612, effectifs_statut: 'ok' },
      { uai: '0932902B', ep: 'REP+', departement_code: '93', lon: 2.553, lat: 48.907, effectifs: null, effectifs_statut: 'secret' },
      { uai: '9741901C', ep: 'REP', departement_code: '974', lon: 55.455, lat: -20.891, effectifs: 231, effectifs_statut: 'ok' },
      { uai: '9760901D', ep: 'hors_ep', departement_code: '976', lon: 45.228, lat: -12.781, effectifs: 1804, effectifs_statut: 'ok' },
    ]);
  });

  it('dnb-etablissements and colleges-ips: the latest session and rentrée win, labelled, whatever the order of the files', async () => {
    expect(await rows("SELECT uai, dnb_session, dnb_taux_reussite, ips_annee, ips FROM etablissements WHERE uai IN ('0350002M', '0932901A') ORDER BY uai")).toEqual([
      // The shipped DNB 2021 (94.6) and IPS 2022 (113.8) files are read after the fixtures.
      { uai: '0350002M', dnb_session: 2024, dnb_taux_reussite: 91.1, ips_annee: 2023, ips: 112.1 },
      { uai: '0932901A', dnb_session: 2024, dnb_taux_reussite: 79.2, ips_annee: 2023, ips: 71.4 },
    ]);
  });

  it('dnb-etablissements: every session is published side by side, labelled, and the fiche lists them most recent first', async () => {
    expect(await rows("SELECT uai, session, millesime, taux_reussite, source_id FROM dnb_sessions WHERE uai IN ('0350002M', '0932901A') ORDER BY uai, session")).toEqual([
      // The shipped DNB 2021 file gives the 2021 session of the Bruz collège.
      { uai: '0350002M', session: 2021, millesime: 'DNB session 2021', taux_reussite: 94.6, source_id: 'colleges-dnb-2021' },
      { uai: '0350002M', session: 2023, millesime: 'DNB session 2023', taux_reussite: 93.1, source_id: 'dnb-etablissements-france' },
      { uai: '0350002M', session: 2024, millesime: 'DNB session 2024', taux_reussite: 91.1, source_id: 'dnb-etablissements-france' },
      { uai: '0932901A', session: 2023, millesime: 'DNB session 2023', taux_reussite: 74.7, source_id: 'dnb-etablissements-france' },
      { uai: '0932901A', session: 2024, millesime: 'DNB session 2024', taux_reussite: 79.2, source_id: 'dnb-etablissements-france' },
    ]);
    // One row per collège and session, each one's latest being the figure of etablissements.
    expect(await rows('SELECT count(*)::INT AS n FROM (SELECT uai, session FROM dnb_sessions GROUP BY ALL HAVING count(*) > 1)')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*)::INT AS n FROM etablissements e WHERE dnb_session IS DISTINCT FROM (SELECT max(session) FROM dnb_sessions s WHERE s.uai = e.uai)')).toEqual([{ n: 0 }]);
    const [fiche] = await rows(buildFicheObjetQuery({ kind: 'etablissement', id: '0932901A' }));
    expect(fiche).toMatchObject({ 'Réussite au DNB': '79,2 % (session 2024)', [DNB_SESSIONS_FIELD]: 'session 2024 : 79,2 % ; session 2023 : 74,7 %' });
  });

  it('lieux-annuaire: missions locales, PIJ/BIJ, Promeneurs du Net, E2C and EPIDE, at their address or commune', async () => {
    expect(await rows("SELECT id, categorie, departement_code, precision FROM lieux WHERE id LIKE 'lieux-16-25:%' ORDER BY id")).toEqual([
      { id: 'lieux-16-25:bij-rennes', categorie: 'pij_bij', departement_code: '35', precision: 'adresse' },
      { id: 'lieux-16-25:e2c-clichy', categorie: 'e2c', departement_code: '93', precision: 'adresse' },
      { id: 'lieux-16-25:epide-saint-denis', categorie: 'epide', departement_code: '974', precision: 'adresse' },
      { id: 'lieux-16-25:ml-rennes', categorie: 'mission_locale', departement_code: '35', precision: 'adresse' },
      { id: 'lieux-16-25:pdn-clichy', categorie: 'promeneur_du_net', departement_code: '93', precision: 'commune' },
    ]);
    // The mission locale is measured from the 2024 QPV as from the 2015 ones.
    const [access] = await rows("SELECT service_id, distance_m < 3000 AS near FROM acces_services WHERE qpv_code = 'QN03501M' AND categorie = 'mission_locale'");
    expect(access).toEqual({ service_id: 'lieux-16-25:ml-rennes', near: true });
  });

  it('qpv-indicateurs-long: the 2024 QPV get their indicators, each value with its millésime, under the secret statistique', async () => {
    const found = await rows("SELECT territoire_code AS code, indicateur, annee, valeur, statut, source_id FROM indicateurs WHERE territoire_code LIKE 'QN%' ORDER BY code, indicateur, annee");
    const source_id = 'indicateurs-qpv-2024';
    expect(found).toEqual([
      // 8 women job seekers is under the threshold: hidden, and the men too, else 20 − 12 would give it back.
      { code: 'QN03501M', indicateur: 'abcde', annee: 2022, valeur: 20, statut: 'ok', source_id },
      { code: 'QN03501M', indicateur: 'abcde', annee: 2023, valeur: null, statut: 'secret', source_id },
      { code: 'QN03501M', indicateur: 'abcde_f', annee: 2022, valeur: null, statut: 'secret', source_id },
      { code: 'QN03501M', indicateur: 'abcde_h', annee: 2022, valeur: null, statut: 'secret_secondaire', source_id },
      { code: 'QN03501M', indicateur: 'pop_mun', annee: 2020, valeur: 7412, statut: 'ok', source_id },
      { code: 'QN03501M', indicateur: 'tp60', annee: 2019, valeur: 43.8, statut: 'ok', source_id },
      { code: 'QN03501M', indicateur: 'tp60', annee: 2021, valeur: 45.1, statut: 'ok', source_id },
      { code: 'QN03506M', indicateur: 'disp_q2', annee: 2021, valeur: null, statut: 'nd', source_id },
      { code: 'QN03506M', indicateur: 'tp60', annee: 2021, valeur: 39, statut: 'ok', source_id },
    ]);
    // The 2015 files' indicators are kept beside them.
    expect(await rows("SELECT count(*) > 0 AS kept FROM indicateurs WHERE territoire_code LIKE 'QP%' AND source_id <> 'indicateurs-qpv-2024'")).toEqual([{ kept: true }]);
  });

  it('qpv-indicateurs-long: the app shows each QPV its own latest millésime, labelled with its year, and ranks a value only among the same millésime', async () => {
    const tp60 = (code: string) => rows(buildQpvIndicatorsQuery([code])).then((r) => r.find((i) => i.indicateur === 'tp60')!);
    // The 2015 QPV keep the INSEE file's value and label although 2024 QPV have tp60 of 2021.
    const wide = await rows("SELECT count(*)::INT AS n, median(valeur) AS m FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code LIKE 'QP%' AND valeur IS NOT NULL");
    const [maurepas2015] = await rows("SELECT territoire_code AS code, valeur FROM indicateurs WHERE indicateur = 'tp60' AND territoire_code LIKE 'QP%' AND valeur IS NOT NULL ORDER BY code LIMIT 1");
    expect(await tp60(maurepas2015!.code as string)).toMatchObject({
      valeur: maurepas2015!.valeur,
      millesime: 'publié en 2019, année observée non précisée',
      annee: 2019,
      qpv_avec_valeur: wide[0]!.n,
      mediane_qpv: wide[0]!.m,
    });
    // A 2024 QPV: its 2021 value (not the 2019 one beside it), ranked among the two 2021 values.
    expect(await tp60('QN03501M')).toMatchObject({ valeur: 45.1, millesime: '2021', annee: 2021, source_id: 'indicateurs-qpv-2024', qpv_avec_valeur: 2, mediane_qpv: 42.05, rang: 1 });
    // Compared side by side, a 2015 and a 2024 QPV: both years named, neither marked, no common median.
    const codes = [maurepas2015!.code as string, 'QN03501M'];
    const comparison = buildComparisonModel(
      { identity: await rows<IdentitySqlRow>(buildQpvIdentityQuery(codes)), indicators: await rows<IndicatorSqlRow>(buildQpvIndicatorsQuery(codes)), coverage: await rows<CoverageSqlRow>(buildLoadedCoverageQuery()) },
      codes,
    );
    expect(comparison.rows.find((r) => r.indicateur === 'tp60')).toMatchObject({ millesime: 'publié en 2019, année observée non précisée ; 2021', medianeQpv: null, cells: [{ mark: null }, { mark: null }] });
    // The map and the cross-filter: every QPV with a value has it; the legend names both millésimes.
    const values = await rows(buildQpvIndicatorValuesQuery('tp60', DEFAULT_RISK_WEIGHTS));
    expect(values.filter((v) => v.valeur !== null)).toHaveLength((wide[0]!.n as number) + 2);
    expect(values.find((v) => v.code === 'QN03506M')).toEqual({ code: 'QN03506M', valeur: 39, statut: 'ok' });
    const options = await rows(buildIndicatorListQuery());
    expect(options.find((o) => o.indicateur === 'tp60')).toMatchObject({ millesime: 'publié en 2019, année observée non précisée ; 2021', annee: 2021 });
    // The territory view's population, with its own year.
    const rennes = await rows(buildTerritoryQpvQuery({ niveau: 'commune', code: '35238' }));
    expect(rennes.find((q) => q.code === 'QN03501M')).toMatchObject({ population: 7412, millesime: '2020' });
    const toulouse = (await rows(buildTerritoryQpvQuery({ niveau: 'commune', code: '31555' }))).filter((q) => q.population !== null);
    expect(toulouse.length).toBeGreaterThan(5);
    expect(new Set(toulouse.map((q) => q.millesime))).toEqual(new Set(['2013']));
    // The risk index reads the 2015 QPV's poverty rate still: no 2015 QPV lost it to the 2024 values.
    expect(await rows("SELECT count(valeur_brute)::INT AS n FROM risque_composantes WHERE composante = 'taux_pauvrete' AND qpv_code LIKE 'QP%'")).toEqual([{ n: wide[0]!.n }]);
    // Its fiche says the year of a 2024 QPV's rate, and keeps the INSEE files' millésime for the others.
    const composante = async (code: string) => buildRisqueView(await rows<RisqueSqlRow>(buildQpvRisqueQuery(code, DEFAULT_RISK_WEIGHTS)))!.composantes.find((c) => c.id === 'taux_pauvrete')!;
    expect(await composante('QN03501M')).toMatchObject({ millesime: 'INSEE, 2021', valeur: { status: 'ok', value: 45.1 } });
    expect((await composante(maurepas2015!.code as string)).millesime).toBe('INSEE, données QPV publiées en 2019 (année observée non précisée)');
  });

  it('cites-registre: a Cité of the ANCT list transcribed with its 2024 QPV gets their union as perimeter', async () => {
    expect(await rows("SELECT nom, perimetre FROM cites WHERE nom LIKE '%fixture%'")).toEqual([{ nom: 'Cité éducative fixture de Rennes', perimetre: 'qpv' }]);
  });
});

describe('npm run pipeline -- --list', () => {
  it('names every registry source, then every layout with its table and where to get such a file', async () => {
    const run = await runCli(['--list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    const sources = await loadRegistry();
    expect(lines.slice(0, sources.length)).toEqual(sources.map((s) => expect.stringMatching(new RegExp(`^${s.id} ${s.table} `))));
    const layoutLines = lines.slice(sources.length + 2);
    expect(layoutLines.map((l) => l.trim().split(' ')[0])).toEqual(SOURCE_LAYOUT_IDS);
    expect(layoutLines.find((l) => l.trim().startsWith('dnb-etablissements'))).toContain('→ etablissements: ');
    expect(layoutLines.find((l) => l.trim().startsWith('dnb-etablissements'))).toContain('https://data.education.gouv.fr/explore/dataset/fr-en-dnb-par-etablissement/');
    expect(layoutLines.find((l) => l.trim().startsWith('lieux-annuaire'))).toContain('template: docs/templates/lieux.csv');
  });
});
