import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../data-pipeline/registry.ts';
import { SYNTHETIC_MARK } from '../../data-pipeline/run-pipeline.ts';
import { pipelineArgs, type SyntheticNationalSources, writeSyntheticNational } from '../../scripts/synthetic-national/write-sources.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { type CliRun, removeTempDirs, REPO_ROOT, runCli, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

/**
 * The synthetic national dataset (`npm run synthetic:national`, which `npm run bench` runs at
 * full size) written at 2 % of France's size, then built by the real pipeline CLI with the
 * registry and `--input`s the generator gives, as the bench builds it.
 */
const SCALE = 0.02;
const SEED = 2026;

let dir: string;
let sources: SyntheticNationalSources;
let run: CliRun;
let out: string;
let manifest: Manifest;
let db: Connector;

const rows = async (sql: string) => tableRows(await db.query(sql)) as Record<string, unknown>[];

beforeAll(async () => {
  dir = await tempDir('synthetic-national');
  sources = await writeSyntheticNational(path.join(dir, 'sources'), { scale: SCALE, seed: SEED });
  out = path.join(dir, 'data');
  run = await runCli(['--out', out, ...pipelineArgs(sources)]);
  manifest = await readManifest(out);
  db = await connectToPublishedData(out);
}, 240_000);

afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

describe('synthetic national dataset, built by the pipeline', () => {
  it('is accepted whole: published, no row of the synthetic files rejected', () => {
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('pipeline: published');
    const synthetic = manifest.tables.filter((t) => t.sources.some((s) => sources.inputs.has(s.id)));
    expect(synthetic.map((t) => [t.name, t.rejected])).toEqual(synthetic.map((t) => [t.name, 0]));
  });

  it('says SYNTHÉTIQUE in the description of every table a synthetic file feeds; the others come from shipped sources alone', async () => {
    const shipped = new Set((await loadRegistry()).map((s) => s.id));
    const described = manifest.tables as unknown as { name: string; description: string; sources: { id: string }[] }[];
    const marked = described.filter((t) => t.description.startsWith(`${SYNTHETIC_MARK} `)).map((t) => t.name);
    expect(marked).toEqual(described.filter((t) => t.sources.some((s) => sources.inputs.has(s.id))).map((t) => t.name));
    expect(marked).toEqual(expect.arrayContaining(['qpv', 'indicateurs', 'etablissements', 'lieux', 'cites', 'pre', 'actions', 'risque_decrochage', 'acces_services']));
    for (const t of described.filter((d) => !marked.includes(d.name))) {
      expect(t.description).not.toContain('SYNTHÉTIQUE');
      expect(t.sources.every((s) => shipped.has(s.id))).toBe(true);
    }
  });

  it('has QPV of métropole, schools, places, Cités and PRE in the numbers asked, under codes no real one has', async () => {
    const { counts } = sources;
    expect(counts).toMatchObject({ qpv: 32, etablissements: 1200, cites: 4, pre: 10, actions: 12 });
    const [qpv] = await rows(
      "SELECT count(*)::INT AS n, count(*) FILTER (WHERE regexp_matches(code, '^QN99\\d{3}[S-Z]$') AND generation = '2024')::INT AS synthetic, count(DISTINCT region_code)::INT AS regions, count(*) FILTER (WHERE departement_code LIKE '97%')::INT AS drom FROM qpv",
    );
    expect(qpv).toMatchObject({ n: counts.qpv, synthetic: counts.qpv, drom: 0 });
    expect(Number(qpv!.regions)).toBeGreaterThan(3);
    const [etablissements] = await rows(
      "SELECT count(*)::INT AS n, count(*) FILTER (WHERE regexp_matches(uai, '^99\\d{5}Q$'))::INT AS synthetic, count(*) FILTER (WHERE ep IN ('REP', 'REP+'))::INT AS ep, count(*) FILTER (WHERE qpv_code IS NOT NULL)::INT AS in_qpv, count(*) FILTER (WHERE ips IS NOT NULL)::INT AS ips FROM etablissements",
    );
    expect(etablissements).toMatchObject({ n: counts.etablissements, synthetic: counts.etablissements });
    for (const key of ['ep', 'in_qpv', 'ips'] as const) expect(Number(etablissements![key])).toBeGreaterThan(0);
    // Every commune of France, from the shipped IGN file.
    expect(await rows("SELECT count(*)::INT AS n FROM territoires WHERE niveau = 'commune'")).toEqual([{ n: 35_357 }]);
    expect(await rows("SELECT count(*)::INT AS n FROM lieux WHERE starts_with(id, 'lieux-16-25-synthetiques:')")).toEqual([{ n: counts.lieux }]);
    expect(await rows("SELECT count(*)::INT AS n, count(*) FILTER (WHERE perimetre = 'qpv')::INT AS over_qpv FROM cites")).toEqual([{ n: counts.cites, over_qpv: counts.cites }]);
    // Every QPV gets the 41 indicators, and a risk score row.
    expect(await rows('SELECT count(DISTINCT territoire_code)::INT AS qpv, count(DISTINCT indicateur)::INT AS indicateurs FROM indicateurs')).toEqual([{ qpv: counts.qpv, indicateurs: 41 }]);
    expect(await rows('SELECT count(*)::INT AS n FROM risque_decrochage')).toEqual([{ n: counts.qpv }]);
  });

  it('goes through the secret statistique: the schools written with fewer than 11 pupils are published secret', async () => {
    const annuaire = await readFile(sources.inputs.get('annuaire-education-synthetique')!, 'utf8');
    const [header, ...lines] = annuaire.trimEnd().split('\n').map((l) => l.split(';'));
    const uai = header!.indexOf('Identifiant_de_l_etablissement');
    const pupils = header!.indexOf('Nombre_d_eleves');
    const small = lines.filter((l) => l[pupils] !== '' && Number(l[pupils]) < 11).map((l) => l[uai]);
    expect(small.length).toBeGreaterThan(5);
    const secret = await rows("SELECT uai, effectifs FROM etablissements WHERE effectifs_statut = 'secret' ORDER BY uai");
    expect(secret).toEqual(small.sort().map((u) => ({ uai: u, effectifs: null })));
  });
});

describe('npm run synthetic:national', () => {
  it('writes the same bytes for the same seed and scale', async () => {
    const again = await writeSyntheticNational(path.join(dir, 'again'), { scale: SCALE, seed: SEED });
    for (const [id, file] of sources.inputs) expect(await readFile(again.inputs.get(id)!, 'utf8'), id).toBe(await readFile(file, 'utf8'));
  });

  it('refuses an --out under public/, creating nothing there', async () => {
    const target = path.join(REPO_ROOT, 'public', 'synthetic-national-refused');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    const refused = await promisify(execFile)(tsx, ['scripts/synthetic-national.ts', '--out', target, '--scale', '0.01'], { cwd: REPO_ROOT }).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(refused).toContain('synthetic data never goes under public/');
    expect(existsSync(target)).toBe(false);
  });

  it('is refused by the pipeline too when it would publish under public/', async () => {
    const target = path.join(REPO_ROOT, 'public', 'synthetic-national-published');
    const refused = await runCli(['--out', target, ...pipelineArgs(sources)]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('public/, where synthetic data never go');
    expect(existsSync(target)).toBe(false);
  });
});
