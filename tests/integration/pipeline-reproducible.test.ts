import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../data-pipeline/publish.ts';
import { loadRegistry, sourcePath } from '../../data-pipeline/registry.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { REFRESH_REPORT_FILE, RefreshReportSchema } from '../../src/domain/refresh-report.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';
import { type Manifest, PUBLISHED_DIR, readManifest } from '../support/published-data.ts';

/*
 * Re-running the pipeline on the committed sources, with the committed build time,
 * reproduces the committed public/data/ byte for byte; and two runs agree with each other.
 * Two full runs (~6 s each), shared by every assertion.
 */
const runs: { dir: string; result: PipelineResult }[] = [];
let committed: Manifest;

beforeAll(async () => {
  committed = await readManifest();
  const builtAt = new Date(committed.built_at);
  for (const name of ['first', 'second']) {
    const dir = path.join(await tempDir(`pipeline-${name}`), 'data');
    runs.push({ dir, result: await runPipeline({ outDir: dir, builtAt }) });
  }
});
afterAll(removeTempDirs);

const listFiles = async (dir: string) => (await readdir(dir)).sort();
const bytesOf = (dir: string, file: string) => readFile(path.join(dir, file));

describe('runPipeline on the committed sources', () => {
  it('publishes the tables of the committed manifest, with its row, rejection and warning counts', () => {
    const expected = committed.tables.map((t) => [t.name, t.rows, t.rejected, t.warnings]);
    expect(expected.map(([name]) => name)).toEqual(expect.arrayContaining(['territoires', 'qpv']));
    for (const { result } of runs) {
      expect(result.published).toBe(true);
      expect(result.tables.map((t) => [t.table, t.rowsKept, t.rejected, t.warnings])).toEqual(expected);
    }
  });

  it('writes exactly the files of the committed public/data: the manifest, one file per table and the refresh report', async () => {
    const committedFiles = await listFiles(PUBLISHED_DIR);
    expect(committedFiles).toEqual(['manifest.json', REFRESH_REPORT_FILE, ...committed.tables.map((t) => t.file)].sort());
    for (const { dir } of runs) expect(await listFiles(dir)).toEqual(committedFiles);
  });

  it('reproduces every committed file byte for byte, but the refresh report (what it says depends on the data it replaced)', async () => {
    const { dir } = runs[0]!;
    const withoutReport = (bytes: Buffer) => ({ ...(JSON.parse(bytes.toString('utf8')) as object), refresh_report: null });
    for (const file of await listFiles(PUBLISHED_DIR)) {
      const [fresh, kept] = [await bytesOf(dir, file), await bytesOf(PUBLISHED_DIR, file)];
      if (file === REFRESH_REPORT_FILE) continue;
      if (file === 'manifest.json') {
        expect(withoutReport(fresh)).toEqual(withoutReport(kept));
        continue;
      }
      expect({ file, sha: sha256(fresh) }).toEqual({ file, sha: sha256(kept) });
      expect(fresh.equals(kept)).toBe(true);
    }
  });

  it('commits the refresh report its manifest lists, of the same build', async () => {
    const bytes = await bytesOf(PUBLISHED_DIR, REFRESH_REPORT_FILE);
    const { refresh_report: listed } = JSON.parse((await bytesOf(PUBLISHED_DIR, 'manifest.json')).toString('utf8')) as { refresh_report: unknown };
    expect(listed).toEqual({ file: REFRESH_REPORT_FILE, bytes: bytes.byteLength, checksum: sha256(bytes) });
    const report = RefreshReportSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(report.built_at).toBe(committed.built_at);
    expect(report.tables.map((t) => [t.name, t.rows])).toEqual(committed.tables.map((t) => [t.name, t.rows]));
  });

  it('gives identical bytes when run twice (determinism)', async () => {
    const [first, second] = runs;
    for (const file of await listFiles(first!.dir)) {
      expect((await bytesOf(first!.dir, file)).equals(await bytesOf(second!.dir, file))).toBe(true);
    }
  });

  it('writes a manifest whose checksums, sizes and build time match the files', async () => {
    const { dir } = runs[0]!;
    const manifest = await readManifest(dir);
    expect(manifest.built_at).toBe(committed.built_at);
    for (const table of manifest.tables) {
      const bytes = await bytesOf(dir, table.file);
      expect({ table: table.name, checksum: sha256(bytes), bytes: bytes.byteLength }).toEqual({ table: table.name, checksum: table.checksum, bytes: table.bytes });
    }
  });

  it('records the checksum of each source file it read', async () => {
    const manifest = await readManifest(runs[0]!.dir);
    const registry = await loadRegistry();
    for (const source of manifest.tables.flatMap((t) => t.sources)) {
      const bytes = await readFile(sourcePath(registry.find((s) => s.id === source.id)!));
      expect({ id: source.id, checksum: source.checksum }).toEqual({ id: source.id, checksum: sha256(bytes) });
    }
  });

  it('leaves no staging or previous folder beside the output', async () => {
    for (const { dir } of runs) expect(await readdir(path.dirname(dir))).toEqual(['data']);
  });
});
