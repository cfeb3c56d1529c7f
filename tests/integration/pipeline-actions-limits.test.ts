import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { REGISTRY_FILE, SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { actionsTemplateWorkbook } from '../../src/domain/actions-template-files.ts';
import { IMPORT_LIMITS } from '../../src/domain/import-limits.ts';
import { copyOfPublishedData, folderState, refusedInputRun, removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

/*
 * The app's import limits in the pipeline's reading of the actions template: an actions file
 * over a limit fails the run with a located error naming the file and the limit, and the
 * output (a copy of public/data) comes out byte-identical. CSV through the real CLI and
 * `--input`; XLSX through `runPipeline` with the actions source registered as a workbook.
 */
afterAll(removeTempDirs);

const ACTIONS = 'actions-recueil';

/**
 * The committed actions file with its rows repeated to `rows` data rows, ids dropped (one per
 * line), and `resume` shortened (so that 20,001 rows stay under the size limit). Rows with
 * quoted cells are left out, so that splitting on `;` is exact.
 */
async function committedActionsRepeated(rows: number): Promise<string> {
  const [header, ...all] = (await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8')).trimEnd().split('\n');
  const body = all.filter((line) => !line.includes('"'));
  const resume = header!.split(';').indexOf('resume');
  const short = (line: string) => line.split(';').map((cell, i) => (i === 0 ? '' : i === resume ? cell.slice(0, 40) : cell)).join(';');
  const lines = Array.from({ length: rows }, (_, i) => short(body[i % body.length]!));
  return `${[header, ...lines].join('\n')}\n`;
}

const failingCliRun = (content: string) => refusedInputRun(ACTIONS, 'actions.csv', content);

describe('pipeline: the actions template within the import limits', () => {
  it('fails a CSV of 20,001 actions, naming the file and the limit, and publishes nothing', async () => {
    const { stderr, shown } = await failingCliRun(await committedActionsRepeated(IMPORT_LIMITS.rows.max + 1));
    expect(stderr).toMatch(new RegExp(`pipeline: error: ${shown.replaceAll('.', '\\.')}: Le fichier dépasse 20\\s000 lignes \\(20\\s001 lignes d’actions ; limite : 20\\s000\\)`));
  });

  it('fails a CSV with a cell over 10,000 characters at its line and field', async () => {
    const csv = (await committedActionsRepeated(4)).split('\n');
    const header = csv[0]!.split(';');
    const cells = csv[3]!.split(';');
    cells[header.indexOf('resume')] = 'long '.repeat(2001);
    csv[3] = cells.join(';');
    const { stderr, shown } = await failingCliRun(csv.join('\n'));
    expect(stderr).toContain(`pipeline: error: ${shown}:4 field resume: Ligne 4, colonne « resume » : la cellule dépasse 10`);
    expect(stderr).toMatch(/\(10\s005 ; limite : 10\s000\)/);
  });

  it('fails an XLSX zip bomb before inflating it, and the output is unchanged', async () => {
    const dir = await tempDir('pipeline-actions-bomb');
    const parts = unzipSync(await actionsTemplateWorkbook());
    const xlsx = path.join(dir, 'actions.xlsx');
    await writeFile(xlsx, zipSync({ ...parts, 'xl/media/image1.png': [new Uint8Array(101 * 1024 * 1024), { level: 9 }] }, { level: 9 }));
    const registry = JSON.parse(await readFile(REGISTRY_FILE, 'utf8')) as { sources: Record<string, unknown>[] };
    for (const source of registry.sources) {
      if (source.id !== ACTIONS) continue;
      Object.assign(source, { format: 'xlsx', file: 'actions-recueil/actions.xlsx' });
      delete source.encoding;
      delete source.delimiter;
    }
    const registryFile = path.join(dir, 'registry.json');
    await writeFile(registryFile, JSON.stringify(registry));
    const outDir = await copyOfPublishedData();
    const before = await folderState(outDir);
    const run = runPipeline({ outDir, registryFile, inputs: new Map([[ACTIONS, xlsx]]), builtAt: new Date('2026-01-01T00:00:00Z'), log: () => {} });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).location.file).toMatch(/actions\.xlsx$/);
    expect((error as PipelineError).reason).toMatch(/^Le classeur XLSX décompressé dépasse 100 Mo \(101 Mo annoncés ; limite : 100 Mo\)$/);
    expect(await folderState(outDir)).toEqual(before);
  });
});
