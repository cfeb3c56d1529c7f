import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territoryOf } from '../../geo/index.ts';
import { loadRegistry, type Source, SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sqlNumber, sqlString } from '../../src/domain/sql.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

/*
 * One full pipeline run into a temp folder (never public/data), with the registry's sources
 * plus a `lieux-annuaire` file written here (none is shipped), the published tables loaded
 * into the Node DuckDB as the app loads them, and `lieux` checked against the source files.
 */
let db: Connector;
let result: PipelineResult;
let manifest: Manifest;
let registry: Source[];

const ANNUAIRE = 'annuaire-lieux-test';
const ANNUAIRE_CSV = 'id;nom;categorie;adresse;code_commune;latitude;longitude;annee\nml-rennes;Mission locale du bassin d’emploi de Rennes;mission_locale;10 rue Jean Marie Huchet;35238;48.1131;-1.6702;2024\nbij-rennes;4bis Information jeunesse;pij_bij;;35238;;;\n';

beforeAll(async () => {
  const dir = await tempDir('pipeline-lieux');
  registry = await loadRegistry();
  const extra: Source = { id: ANNUAIRE, table: 'lieux', file: 'not-shipped.csv', format: 'csv', layout: 'lieux-annuaire', publisher: 'test', licence: 'test', millesime: '2024', url: 'https://example.org/' };
  await writeFile(path.join(dir, 'registry.json'), JSON.stringify({ sources: [...registry, extra] }));
  await writeFile(path.join(dir, 'lieux.csv'), ANNUAIRE_CSV);
  const out = path.join(dir, 'data');
  result = await runPipeline({ outDir: out, registryFile: path.join(dir, 'registry.json'), inputs: new Map([[ANNUAIRE, path.join(dir, 'lieux.csv')]]), builtAt: new Date('2024-01-01T00:00:00Z') });
  db = await connectToPublishedData(out);
  manifest = await readManifest(out);
  // The ANCT contrats de ville points, as a table to join on.
  const cv = JSON.parse(await readFile(path.join(SOURCES_DIR, 'anct-contrats-de-ville-points/geom_cv_ctr.json'), 'utf8')) as { features: { properties: { code_cv: string }; geometry: { coordinates: [number, number] } }[] };
  const values = cv.features.map((f) => `(${sqlString(f.properties.code_cv)}, ${sqlNumber(f.geometry.coordinates[0])}::DOUBLE, ${sqlNumber(f.geometry.coordinates[1])}::DOUBLE)`);
  await db.exec(`CREATE TABLE cv AS SELECT DISTINCT * FROM (VALUES ${values.join(', ')}) t(code_cv, lon, lat)`);
});
afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;

describe('pipeline: lieux', () => {
  it('reads 41 CIO, 5,416 + 1,478 posts, 434 contrats de ville points and the 2 annuaire lines; rejects none', () => {
    expect(result.tables.find((t) => t.table === 'lieux')).toMatchObject({ rowsIn: 41 + 5416 + 1478 + 434 + 2, rowsKept: 4134, rejected: 0 });
    // Posts of Saint-Martin (23) and of the Pacific collectivités (11) are left out.
    const leftOut = result.warnings.filter((w) => w.location.file.includes('politique-ville-postes-2023') && w.reason.endsWith('left out'));
    expect(leftOut).toHaveLength(34);
    const entry = manifest.tables.find((t) => t.name === 'lieux')!;
    expect(entry.sources.map((s) => [s.id, s.records])).toEqual([
      ['postes-adultes-relais-2023', 5416],
      ['postes-fonjep-2023', 1478],
      // The contrats de ville points place the posts, but are declared with territoires (niveau contrat_de_ville).
      [ANNUAIRE, 2],
    ]);
  });

  it('has unique ids, and every row the région of its département', async () => {
    expect(await one('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM lieux')).toEqual({ n: 4134, ids: 4134 });
    const orphans = await one(`
      SELECT count(*) AS n FROM lieux l
      LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = l.departement_code AND d.region_code = l.region_code
      WHERE d.code IS NULL`);
    expect(orphans).toEqual({ n: 0 });
  });

  it('counts places per source and category', async () => {
    expect(await rows("SELECT split_part(id, ':', 1) AS prefix, categorie, count(*) AS n, sum(postes)::INTEGER AS postes FROM lieux GROUP BY ALL ORDER BY ALL")).toEqual([
      { prefix: 'adulte-relais', categorie: 'association_adulte_relais', n: 2622, postes: 5041 },
      { prefix: 'adulte-relais', categorie: 'centre_social', n: 145, postes: 249 },
      { prefix: 'adulte-relais', categorie: 'e2c', n: 1, postes: 1 },
      { prefix: 'adulte-relais', categorie: 'mission_locale', n: 17, postes: 24 },
      { prefix: 'adulte-relais', categorie: 'mjc', n: 45, postes: 76 },
      { prefix: 'adulte-relais', categorie: 'pij_bij', n: 1, postes: 2 },
      { prefix: ANNUAIRE, categorie: 'mission_locale', n: 1, postes: null },
      { prefix: ANNUAIRE, categorie: 'pij_bij', n: 1, postes: null },
      { prefix: 'cio', categorie: 'cio', n: 41, postes: null },
      { prefix: 'fonjep', categorie: 'association_fonjep', n: 1055, postes: 1234 },
      { prefix: 'fonjep', categorie: 'centre_social', n: 149, postes: 167 },
      { prefix: 'fonjep', categorie: 'mission_locale', n: 9, postes: 10 },
      { prefix: 'fonjep', categorie: 'mjc', n: 44, postes: 51 },
      { prefix: 'fonjep', categorie: 'pij_bij', n: 3, postes: 5 },
    ]);
  });

  it('places every adultes-relais structure of a contrat de ville of métropole at its contract point', async () => {
    // Structures (SIRET + contract) of the file, counted from the file itself.
    const posts = JSON.parse(await readFile(path.join(SOURCES_DIR, 'politique-ville-postes-2023/adulte-relais-2023.json'), 'utf8')) as { code_tiers: string; code_cv?: string; insee_dep?: string }[];
    const structures = new Set(posts.filter((p) => p.code_cv !== undefined && p.insee_dep !== undefined && !p.insee_dep.startsWith('97')).map((p) => `${p.code_tiers}:${p.code_cv}`));
    expect(structures.size).toBe(2487);
    const placed = await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE l.lon = cv.lon AND l.lat = cv.lat AND l.precision = 'contrat_de_ville') AS at_point,
             count(l.commune_code) + count(l.qpv_code) AS with_commune_or_qpv
      FROM lieux l LEFT JOIN cv USING (code_cv)
      WHERE l.source_id = 'postes-adultes-relais-2023' AND l.departement_code NOT LIKE '97%' AND l.code_cv IS NOT NULL`);
    expect(placed).toEqual({ n: structures.size, at_point: structures.size, with_commune_or_qpv: 0 });
  });

  it('publishes no DROM basemap inset as a place: every point lies in the territory of its département', async () => {
    const points = await rows("SELECT departement_code AS dep, lon, lat FROM lieux WHERE lon IS NOT NULL");
    const territory = (dep: string) => ({ '971': 'guadeloupe', '972': 'martinique', '973': 'guyane', '974': 'reunion', '976': 'mayotte' })[dep] ?? 'metropole';
    const misplaced = points.filter((p) => territoryOf(p.lon as number, p.lat as number) !== territory(p.dep as string));
    expect(misplaced).toEqual([]);
    expect(await one("SELECT count(*) AS n FROM lieux WHERE departement_code LIKE '97%' AND lon IS NOT NULL")).toEqual({ n: 261 });
  });

  it("has one CIO per open « Information et orientation » row of the annuaires, at the establishment's place", async () => {
    let open = 0;
    for (const s of registry.filter((r) => r.layout === 'annuaire-education')) {
      const records = parse(await readFile(path.join(SOURCES_DIR, s.file)), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
      open += records.filter((r) => r.Type_etablissement === 'Information et orientation' && r.etat === 'OUVERT').length;
    }
    expect(open).toBe(41);
    expect(await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE l.lon = e.lon AND l.lat = e.lat AND l.precision = 'adresse' AND l.qpv_300m IS NOT DISTINCT FROM e.qpv_300m) AS same_place
      FROM lieux l JOIN etablissements e ON l.id = 'cio:' || e.uai AND e.type = 'cio'`)).toEqual({ n: open, same_place: open });
  });

  it('publishes the annuaire lines at their address or their commune point', async () => {
    expect(await rows(`SELECT id, precision, commune_nom, round(lon, 4) AS lon FROM lieux WHERE source_id = '${ANNUAIRE}' ORDER BY id`)).toEqual([
      { id: `${ANNUAIRE}:bij-rennes`, precision: 'commune', commune_nom: 'Rennes', lon: expect.any(Number) },
      { id: `${ANNUAIRE}:ml-rennes`, precision: 'adresse', commune_nom: 'Rennes', lon: -1.6702 },
    ]);
  });
});
