import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry, sourceFileName } from '../../data-pipeline/registry.ts';
import { copyOfPublishedData, folderState, QPV_SOURCES, removeTempDirs, runCli, shownAs, tempDir } from '../support/pipeline-cli.ts';

// The CLI's own options, run as a child process from the repo root. None of these runs
// builds a table, so they are quick.
afterAll(removeTempDirs);

describe('pipeline CLI: --list and --help', () => {
  it('--list prints one "<id> <table> <file>" line per registry source, in registry order (then the layouts)', async () => {
    const run = await runCli(['--list']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const expected = (await loadRegistry()).map((s) => `${s.id} ${s.table} ${sourceFileName(s)}`);
    expect(run.stdout.split('\n').slice(0, expected.length + 1)).toEqual([...expected, '']);
    expect(expected).toContain('qpv-ille-et-vilaine-2015 qpv qpv-ille-et-vilaine-2015/QPV.geojson');
    // A file an npm package ships is named with its package.
    expect(expected).toContain('cog-2026-communes territoires @etalab/decoupage-administratif/data/communes.json');
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run pipeline -- \[--out DIR\] \[--check\]/);
    // What --out accepts, since publishing replaces the folder whole.
    expect(run.stdout).toContain('be absent, empty, or a previous output of this pipeline');
  });
});

describe('pipeline CLI: malformed options exit 2 before reading anything', () => {
  it.each([
    [['--frobnicate'], "pipeline: Unknown option '--frobnicate'"],
    [['--input', 'qpv-occitanie-2015'], 'pipeline: --input expects <source-id>=<path>, got "qpv-occitanie-2015"'],
    [['--input', '=qp.geojson'], 'pipeline: --input expects <source-id>=<path>, got "=qp.geojson"'],
    [['--max-rejected', '2'], 'pipeline: --max-rejected expects a share between 0 and 1, got "2"'],
    [['--max-rejected', 'lots'], 'pipeline: --max-rejected expects a share between 0 and 1, got "lots"'],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).not.toContain('read ');
  });
});

describe('pipeline CLI: inputs that cannot be used', () => {
  it('refuses an unknown source id in --input, and publishes nothing', async () => {
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runCli(['--out', out, '--input', `qpv-bretagne-2015=${path.join(out, 'qpv.arrow')}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pipeline: error: --input value "qpv-bretagne-2015": unknown source id (see --list)');
    expect(run.stderr).toContain('pipeline: nothing published; the previous data is unchanged');
    expect(await folderState(out)).toEqual(before);
  });

  it('reports an --input file that does not exist, naming it', async () => {
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const missing = path.join(await tempDir('pipeline-in'), 'absent.geojson');
    const run = await runCli(['--out', out, '--input', `${QPV_SOURCES.illeEtVilaine.id}=${missing}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pipeline: error: ${shownAs(missing)}: cannot read file (ENOENT: no such file or directory`);
    expect(await folderState(out)).toEqual(before);
  });
});
