import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolygonIndex, territoryOf } from '../../geo/index.ts';
import { loadRegistry, SOURCES_DIR, sourcePath } from '../../data-pipeline/registry.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

/*
 * The committed public/data/*.arrow (which pipeline-reproducible proves the pipeline
 * rebuilds byte for byte), loaded into the Node DuckDB as the app loads them, and checked
 * against the source files and the manifest.
 */
let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
  db = await connectToPublishedData();
  manifest = await readManifest();
});
afterAll(() => db.close());

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;

describe('published qpv table', () => {
  it('has one row per feature of the source files (105 Occitanie + 6 Ille-et-Vilaine), as the manifest says', async () => {
    const sources = (await loadRegistry()).filter((s) => s.table === 'qpv');
    const features = await Promise.all(
      sources.map(async (s) => (JSON.parse(await readFile(path.join(SOURCES_DIR, s.file), 'utf8')) as { features: unknown[] }).features.length),
    );
    expect(features).toEqual([105, 6]);
    const entry = manifest.tables.find((t) => t.name === 'qpv')!;
    expect(entry.sources.map((s) => s.records)).toEqual(features);
    expect(await one('SELECT count(*) AS n FROM qpv')).toEqual({ n: 111 });
    expect(entry.rows).toBe(111);
  });

  it('has unique codes', async () => {
    expect(await one('SELECT count(*) AS n, count(DISTINCT code) AS distinct_codes FROM qpv')).toEqual({ n: 111, distinct_codes: 111 });
  });

  it('gives every QPV a région, the one of its département (Occitanie 76, Bretagne 53)', async () => {
    const byRegion = await rows(`
      SELECT q.region_code, count(*) AS n FROM qpv q
      JOIN territoires d ON d.niveau = 'departement' AND d.code = q.departement_code AND d.region_code = q.region_code
      GROUP BY q.region_code ORDER BY q.region_code`);
    expect(byRegion).toEqual([
      { region_code: '53', n: 6 },
      { region_code: '76', n: 105 },
    ]);
  });

  it('gives every QPV a known commune of its département', async () => {
    const orphans = await rows(`
      SELECT q.code, q.commune_code FROM qpv q
      LEFT JOIN territoires c ON c.niveau = 'commune' AND c.code = q.commune_code AND c.departement_code = q.departement_code
      WHERE c.code IS NULL`);
    expect(orphans).toEqual([]);
  });

  it('places every (lon, lat) inside its bbox, and the bbox in France', async () => {
    expect(await one('SELECT count(*) AS n FROM qpv WHERE NOT (lon BETWEEN xmin AND xmax AND lat BETWEEN ymin AND ymax)')).toEqual({ n: 0 });
    expect(await one('SELECT min(xmin) > -5.5 AND max(xmax) < 9.8 AND min(ymin) > 41.2 AND max(ymax) < 51.3 AS in_metropole FROM qpv')).toEqual({ in_metropole: true });
  });

  it('places every (lon, lat) inside its own geometry', async () => {
    const qpv = await rows('SELECT code, lon, lat, geometry FROM qpv ORDER BY code');
    const index = new PolygonIndex(qpv.map((q) => JSON.parse(String(q.geometry)) as Polygon | MultiPolygon));
    const outside = qpv.filter((q, i) => !index.containing(Number(q.lon), Number(q.lat)).includes(i)).map((q) => q.code);
    expect(outside).toEqual([]);
  });

  it('finds by point-in-polygon the communes of the 6 Ille-et-Vilaine QPV, whose file gives none: Rennes or Saint-Malo', async () => {
    const ille = await rows("SELECT code, commune_code, commune_nom, communes_libelle FROM qpv WHERE source_id = 'qpv-ille-et-vilaine-2015' ORDER BY code");
    expect(ille).toEqual([
      { code: 'QP035001', commune_code: '35288', commune_nom: 'Saint-Malo', communes_libelle: 'Saint-Malo' },
      ...['QP035002', 'QP035003', 'QP035004', 'QP035005', 'QP035006'].map((code) => ({ code, commune_code: '35238', commune_nom: 'Rennes', communes_libelle: 'Rennes' })),
    ]);
  });
});

describe('published territoires table', () => {
  it('has 30 académies, 18 régions, 101 départements, 35,357 communes and 431 contrats de ville, as many as the manifest rows', async () => {
    const counts = await rows('SELECT niveau, count(*) AS n FROM territoires GROUP BY niveau ORDER BY niveau');
    expect(counts).toEqual([
      { niveau: 'academie', n: 30 },
      { niveau: 'commune', n: 35357 },
      { niveau: 'contrat_de_ville', n: 431 },
      { niveau: 'departement', n: 101 },
      { niveau: 'region', n: 18 },
    ]);
    expect(manifest.tables.find((t) => t.name === 'territoires')!.rows).toBe(30 + 35357 + 431 + 101 + 18);
  });

  it('links each level to the one above', async () => {
    expect(await one("SELECT count(*) AS n FROM territoires WHERE niveau = 'region' AND (departement_code IS NOT NULL OR region_code <> code)")).toEqual({ n: 0 });
    const unlinked = await rows(`
      SELECT t.niveau, t.code FROM territoires t
      LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = t.region_code
      LEFT JOIN territoires d ON d.niveau = 'departement' AND d.code = t.departement_code AND d.region_code = t.region_code
      WHERE t.niveau NOT IN ('region', 'academie') AND (r.code IS NULL OR d.code IS NULL)`);
    // An académie belongs to a région (and to no département).
    expect(await one("SELECT count(*) AS n FROM territoires a LEFT JOIN territoires r ON r.niveau = 'region' AND r.code = a.region_code WHERE a.niveau = 'academie' AND (r.code IS NULL OR a.departement_code IS NOT NULL)")).toEqual({ n: 0 });
    expect(unlinked).toEqual([]);
  });

  it('has unique (niveau, code) and a point inside every bbox', async () => {
    expect(await one('SELECT count(*) - count(DISTINCT (niveau, code)) AS duplicates FROM territoires')).toEqual({ duplicates: 0 });
    expect(await one('SELECT count(*) AS n FROM territoires WHERE NOT (lon BETWEEN xmin AND xmax AND lat BETWEEN ymin AND ymax)')).toEqual({ n: 0 });
  });

  it('names the communes as the COG does, article included, and keeps the 2018 name of those renamed since', async () => {
    const registry = await loadRegistry();
    const cog = JSON.parse(await readFile(sourcePath(registry.find((s) => s.layout === 'communes-cog')!), 'utf8')) as { code: string; nom: string }[];
    const cogNames = new Map<string, Set<string>>();
    for (const c of cog) cogNames.set(c.code, (cogNames.get(c.code) ?? new Set()).add(c.nom));
    const ign = JSON.parse(await readFile(path.join(SOURCES_DIR, registry.find((s) => s.layout === 'communes')!.file), 'utf8')) as { features: { properties: { code: string; nom: string } }[] };
    const ignNames = new Map(ign.features.map((f) => [f.properties.code, f.properties.nom]));
    const communes = await rows("SELECT code, nom FROM territoires WHERE niveau = 'commune'");
    const [asCog, asIgn2018] = [communes.filter((c) => cogNames.get(c.code as string)?.has(c.nom as string)), communes.filter((c) => !cogNames.get(c.code as string)?.has(c.nom as string))];
    // 2,241 names take back their article; the IGN name of a commune the COG names otherwise stays.
    expect(asCog.filter((c) => c.nom !== ignNames.get(c.code as string))).toHaveLength(2241);
    expect(asIgn2018.filter((c) => c.nom !== ignNames.get(c.code as string))).toEqual([]);
    expect(asIgn2018).toHaveLength(85 + 152);
    const named = await rows("SELECT code, nom FROM territoires WHERE niveau = 'commune' AND code IN ('76351', '93027', '31561', '12076') ORDER BY code");
    expect(named).toEqual([
      { code: '12076', nom: 'Conques-en-Rouergue' },
      { code: '31561', nom: "L'Union" },
      { code: '76351', nom: 'Le Havre' },
      { code: '93027', nom: 'La Courneuve' },
    ]);
    // The tables that name communes take the same names.
    expect(await rows("SELECT DISTINCT commune_nom FROM qpv WHERE commune_code = '30132'")).toEqual([{ commune_nom: 'La Grand-Combe' }]);
    expect(await one("SELECT count(*) AS n FROM cites WHERE communes_noms LIKE '%Le Havre%' OR communes_noms LIKE '%La Rochelle%'")).toEqual({ n: 2 });
  });

  it('keeps the outre-mer départements at their true place (not moved next to métropole)', async () => {
    const drom = await rows("SELECT code, lon, lat FROM territoires WHERE niveau = 'departement' AND code LIKE '97%' ORDER BY code");
    expect(drom.map((d) => [d.code, territoryOf(Number(d.lon), Number(d.lat))])).toEqual([
      ['971', 'guadeloupe'],
      ['972', 'martinique'],
      ['973', 'guyane'],
      ['974', 'reunion'],
      ['976', 'mayotte'],
    ]);
  });
});
