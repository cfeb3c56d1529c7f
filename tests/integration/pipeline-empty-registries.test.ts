import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData, readManifest } from '../support/published-data.ts';

/*
 * The Cités and PRE registries are files staff fill: with their header alone the run still
 * publishes, the tables come out empty with all their columns, and DuckDB loads them.
 */
let dir: string;
let out: string;
let result: PipelineResult;
let db: Connector;

const write = async (name: string, text: string) => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
};

beforeAll(async () => {
  dir = await tempDir('pipeline-empty-registries');
  out = path.join(dir, 'data');
  const inputs = new Map([
    ['cites-registre', await write('cites.csv', 'nom;annee_labellisation;communes;qpv_codes;porteur;source\n')],
    ['pre-registre', await write('pre.csv', 'nom;porteur;communes;source\n')],
  ]);
  result = await runPipeline({ outDir: out, inputs, builtAt: new Date('2026-01-01T00:00:00Z') });
  db = await connectToPublishedData(out);
});
afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

describe('pipeline: registries with their header alone', () => {
  it('publishes empty cites and pre tables, listed in the manifest with 0 rows', async () => {
    expect(result.published).toBe(true);
    expect(result.tables.filter((t) => t.table === 'cites' || t.table === 'pre')).toMatchObject([
      { table: 'cites', rowsIn: 0, rowsKept: 0, rejected: 0 },
      { table: 'pre', rowsIn: 0, rowsKept: 0, rejected: 0 },
    ]);
    const manifest = await readManifest(out);
    expect(manifest.tables.filter((t) => t.name === 'cites' || t.name === 'pre').map((t) => [t.name, t.rows, t.sources[0]?.records])).toEqual([
      ['cites', 0, 0],
      ['pre', 0, 0],
    ]);
  });

  it('loads them in DuckDB with every column of their layout, and queries them', async () => {
    for (const layout of [CITES_LAYOUT, PRE_LAYOUT]) {
      const columns = tableRows(await db.query(`DESCRIBE ${layout.name}`)).map((c) => [c.column_name, c.column_type]);
      const duckType = { utf8: 'VARCHAR', int32: 'INTEGER', float64: 'DOUBLE' } as const;
      expect(columns).toEqual(layout.columns.map((c) => [c.name, duckType[c.type]]));
      expect(tableRows(await db.query(`SELECT count(*) AS n FROM ${layout.name}`))).toEqual([{ n: 0 }]);
    }
    // Actions still refer to Cités: kept, with a warning each.
    expect(tableRows(await db.query('SELECT count(*) AS n FROM actions'))).toEqual([{ n: 30 }]);
    expect(result.warnings.filter((w) => w.reason === 'Cité not in the cites registry: kept')).toHaveLength(7);
  });

  it('still fails when every row of a registry is rejected, and for an actions file with no row', async () => {
    const bad = await write('pre-bad.csv', 'nom;porteur;communes;source\nPRE X;;;doc\n');
    await expect(runPipeline({ outDir: out, check: true, inputs: new Map([['pre-registre', bad]]) })).rejects.toThrow(/pre-bad\.csv:2 field communes .*table pre would be empty/);
    const empty = await write('actions.csv', 'titre;spheres;source\n');
    const error: unknown = await runPipeline({ outDir: out, check: true, inputs: new Map([['actions-recueil', empty]]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toMatch(/actions\.csv: file has a header but no rows/);
  });
});
