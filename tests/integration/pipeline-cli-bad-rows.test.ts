import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../geo/index.ts';
import { copyOfPublishedData, type FeatureCollection, folderState, mapPositions, QPV_SOURCES, readSource, removeTempDirs, runCli, shownAs, writeInput } from '../support/pipeline-cli.ts';

/*
 * Files that parse but whose rows are wrong. Rejected rows fail the run above the
 * `--max-rejected` share (default 1 % of the 111 QPV rows, so 2 bad rows fail it). Each
 * run goes through the real CLI, without `--check`, into a copy of public/data that must
 * come out byte-identical. Each child process builds the tables (~6 s of CPU): run one at
 * a time, as running them together on a small machine gains nothing.
 */
afterAll(removeTempDirs);

const ILLE = QPV_SOURCES.illeEtVilaine;
const OCCITANIE = QPV_SOURCES.occitanie;
// EPSG:2154 as published by the EPSG registry (epsg.io), independent of geo/crs.ts.
const LAMBERT_93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

async function runWithInput(source: { id: string }, doc: FeatureCollection | string, extraArgs: string[] = []) {
  const input = await writeInput(typeof doc === 'string' ? 'bad.json' : 'bad.geojson', doc);
  const out = await copyOfPublishedData();
  const before = await folderState(out);
  const run = await runCli(['--out', out, '--input', `${source.id}=${input}`, ...extraArgs]);
  expect(await folderState(out)).toEqual(before);
  expect(before.siblings).toEqual(['data']);
  return { ...run, shown: shownAs(input) };
}

async function expectFailure(source: { id: string }, doc: FeatureCollection | string): Promise<{ stdout: string; stderr: string; shown: string }> {
  const run = await runWithInput(source, doc);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('pipeline: nothing published; the previous data is unchanged');
  return run;
}

/** The Ille-et-Vilaine file with its coordinates in Lambert-93 and the given `crs` member. */
async function inLambert93(crs: unknown): Promise<FeatureCollection> {
  const { crs: _wgs84, ...doc } = await readSource(ILLE.file);
  const toL93 = proj4('WGS84', LAMBERT_93);
  const [lon, lat] = doc.features[0]!.geometry.coordinates.flat(2)[0] as number[];
  for (const f of doc.features) mapPositions(f, ([x, y]) => toL93.forward([x!, y!]));
  // The pipeline's own conversion takes them back to within a micro-degree.
  const [x, y] = doc.features[0]!.geometry.coordinates.flat(2)[0] as number[];
  expect(toWgs84(x!, y!, 2154)).toEqual([expect.closeTo(lon!, 6), expect.closeTo(lat!, 6)]);
  return crs === undefined ? doc : { ...doc, crs };
}

const ringOfTwo = (f: FeatureCollection['features'][number]) => {
  f.geometry = { type: 'Polygon', coordinates: [[[2.9, 42.7], [2.91, 42.71]]] };
};

describe('pipeline CLI: bad rows fail the run and publish nothing', () => {
  it('rejects every feature with latitude and longitude swapped', async () => {
    const doc = await readSource(ILLE.file);
    for (const f of doc.features) mapPositions(f, ([x, y, ...rest]) => [y!, x!, ...rest]);
    const { stderr, shown } = await expectFailure(ILLE, doc);
    expect(stderr).toMatch(new RegExp(`${shown} feature 0 field geometry: coordinates look like latitude/longitude swapped .*: \\(48\\.\\d+, -1\\.\\d+\\) — 6 of 111 qpv rows rejected, above the 1\\.0 % threshold`));
  });

  it('rejects Lambert-93 coordinates in a file without crs member, saying to declare the CRS', async () => {
    const { stderr, shown } = await expectFailure(ILLE, await inLambert93(undefined));
    expect(stderr).toContain(`${shown} feature 0 field geometry: coordinates look like Lambert-93 (EPSG:2154) but no CRS is declared: declare \`crs: 2154\` in the registry`);
    expect(stderr).toContain('6 of 111 qpv rows rejected');
  });

  it('rejects a QPV code already used by the other QPV file, naming both places', async () => {
    const doc = await readSource(ILLE.file);
    doc.features[2]!.properties.CODE_QP = 'QP066007';
    const { stderr, shown, stdout } = await expectFailure(ILLE, doc);
    expect(stderr).toContain(`pipeline: error: ${shown} feature 2 field code value "QP066007": duplicate qpv key (first seen in data-pipeline/sources/qpv-occitanie-2015/qp.geojson feature 0)`);
    // The run stops at the QPV table: nothing that depends on it is built for nothing.
    expect(stdout.match(/^built \w+/gm)).toEqual(['built territoires']);
  });

  it('rejects features without CODE_QP, naming the field', async () => {
    const doc = await readSource(ILLE.file);
    for (const f of doc.features) delete f.properties.CODE_QP;
    const { stderr, shown } = await expectFailure(ILLE, doc);
    expect(stderr).toMatch(new RegExp(`pipeline: error: ${shown} feature 0 field code_qp: .+ — 6 of 111 qpv rows rejected, above the 1\\.0 % threshold`));
  });

  it('rejects COG commune names without an INSEE code, naming the record and the field', async () => {
    const cog = [
      { code: '76351', nom: 'Le Havre', type: 'commune-actuelle' },
      { code: 93027, nom: 'La Courneuve', type: 'commune-actuelle' },
      { code: '31555', nom: 'Toulouse', type: 'commune-actuelle' },
    ];
    const { stderr, shown } = await expectFailure({ id: 'cog-2026-communes' }, JSON.stringify(cog));
    expect(stderr).toMatch(new RegExp(`pipeline: error: ${shown} feature 1 field code value 93027: .+ — 1 of the 3 records of this file rejected, above the 1\\.0 % threshold`));
  });

  it('rejects invalid geometry (a ring of 2 points) in more than 1 % of rows', async () => {
    const doc = await readSource(OCCITANIE.file);
    ringOfTwo(doc.features[3]!);
    ringOfTwo(doc.features[7]!);
    const { stderr, shown } = await expectFailure(OCCITANIE, doc);
    expect(stderr).toContain(`pipeline: error: ${shown} feature 3 field geometry: invalid geometry at coordinates[0]: ring has 2 positions, expected at least 4 — 2 of 111 qpv rows rejected, above the 1.0 % threshold`);
  });
});

describe('pipeline CLI: --check and the rejection threshold', () => {
  it('accepts the same Lambert-93 coordinates when the file declares EPSG:2154', async () => {
    const run = await runWithInput(ILLE, await inLambert93({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } }), ['--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/'qpv'\s*│\s*111\s*│\s*111\s*│\s*0\s*│/);
    expect(run.stdout).toContain('pipeline: check passed, nothing published');
  });

  const oneBadFeature = async () => {
    const doc = await readSource(OCCITANIE.file);
    expect(doc.features).toHaveLength(105);
    ringOfTwo(doc.features[10]!);
    return doc;
  };

  it('rejects and reports one bad feature among 105 but passes with --max-rejected 0.05; --check publishes nothing', async () => {
    const run = await runWithInput(OCCITANIE, await oneBadFeature(), ['--check', '--max-rejected', '0.05']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`rejected: ${run.shown} feature 10 field geometry: invalid geometry at coordinates[0]: ring has 2 positions, expected at least 4`);
    expect(run.stdout).toMatch(/'qpv'\s*│\s*111\s*│\s*110\s*│\s*1\s*│/);
    expect(run.stdout).toContain('pipeline: check passed, nothing published');
  });

  it('fails on that same single feature with --max-rejected 0', async () => {
    const run = await runWithInput(OCCITANIE, await oneBadFeature(), ['--max-rejected', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${run.shown} feature 10 field geometry: invalid geometry at coordinates[0]: ring has 2 positions, expected at least 4 — 1 of 111 qpv rows rejected, above the 0.0 % threshold`);
  });
});
