import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_FILE, SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { validateActionsSheet } from '../../src/domain/actions-import.ts';
import { actionsTemplateWorkbook, readTemplateFile } from '../../src/domain/actions-template-files.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/*
 * A full pipeline run (into a temp folder) whose actions source is the XLSX template the app
 * offers, filled with the committed actions: the published `actions` table must be the one the
 * CSV gives, and the manifest must cite the XLSX file.
 */
let db: Connector;
let result: PipelineResult;
let outDir: string;

beforeAll(async () => {
  const dir = await tempDir('pipeline-actions-xlsx');
  const csv = new Uint8Array(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv')));
  const checked = validateActionsSheet(await readTemplateFile(csv), { publishedIds: new Set() });
  if (!checked.ok) throw new Error('committed actions invalid');
  const xlsx = path.join(dir, 'actions.xlsx');
  await writeFile(xlsx, await actionsTemplateWorkbook(checked.actions.map((a) => a.action)));
  const registry = JSON.parse(await readFile(REGISTRY_FILE, 'utf8')) as { sources: Record<string, unknown>[] };
  for (const source of registry.sources) {
    if (source.id !== 'actions-recueil') continue;
    Object.assign(source, { format: 'xlsx', file: 'actions-recueil/actions.xlsx' });
    delete source.encoding;
    delete source.delimiter;
  }
  const registryFile = path.join(dir, 'registry.json');
  await writeFile(registryFile, JSON.stringify(registry));
  outDir = path.join(dir, 'data');
  result = await runPipeline({ outDir, registryFile, inputs: new Map([['actions-recueil', xlsx]]), builtAt: new Date('2026-01-01T00:00:00Z') });
  db = await connectToPublishedData(outDir);
});
afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

describe('pipeline: the actions template read from an XLSX workbook', () => {
  it('publishes every action of the workbook, nothing rejected, as the CSV would', async () => {
    const csvRows = (await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8')).trimEnd().split('\n').length - 1;
    expect(result.published).toBe(true);
    expect(result.tables.find((t) => t.table === 'actions')).toMatchObject({ rowsIn: csvRows, rowsKept: csvRows, rejected: 0 });
    const rows = tableRows(await db.query("SELECT id, commune_code, spheres, tranches, source_id FROM actions WHERE id IN ('fiche-03', 'orientation-02-3') ORDER BY id"));
    expect(rows).toEqual([
      { id: 'fiche-03', commune_code: '33063|33119|33249', spheres: 'famille|ecole|tiers-lieux|quartier', tranches: '11-15', source_id: 'actions-recueil' },
      { id: 'orientation-02-3', commune_code: null, spheres: 'ecole', tranches: '3-6|6-11|11-15', source_id: 'actions-recueil' },
    ]);
  });

  it('cites the XLSX file and its row count in the manifest', async () => {
    const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as { tables: { name: string; sources: { id: string; file: string; records: number }[] }[] };
    const source = manifest.tables.find((t) => t.name === 'actions')!.sources.find((s) => s.id === 'actions-recueil')!;
    expect(source.file).toMatch(/actions\.xlsx$/);
    expect(source.records).toBe(result.tables.find((t) => t.table === 'actions')!.rowsIn);
  });
});
