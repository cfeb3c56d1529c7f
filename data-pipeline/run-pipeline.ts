import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REFRESH_REPORT_FILE, type RefreshReport } from '../src/domain/refresh-report.ts';
import { TABLE_LAYOUTS, type TableLayout } from '../src/domain/table-layouts.ts';
import { acquireOutputLock } from './output-lock.ts';
import { resolveOutputDir } from './output-guard.ts';
import { issueKind, PipelineError, type RowIssue } from './pipeline-error.ts';
import { MANIFEST_FILE, MANIFEST_GENERATOR } from './pipeline-output.ts';
import { publishFolder, recoverInterruptedPublish, sha256 } from './publish.ts';
import { describeSourceData, readSource, type SourceInput, SourceInputs } from './read/read-source.ts';
import { buildRefreshReport } from './report/build-refresh-report.ts';
import { readPreviousOutput } from './report/published-rows.ts';
import { loadRegistry, REGISTRY_FILE, type Source, SOURCES_DIR, sourceFileName, sourcePath } from './registry.ts';
import { checkSourceFile } from './source-file-check.ts';
import { assertUniqueKeys, type TableBuild } from './table-build.ts';
import { buildAllTables } from './tables/build-all-tables.ts';
import { rowsToArrowIpc } from './write-arrow.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'public', 'data');

export interface PipelineOptions {
  /** Where to publish; refused unless absent, empty or a previous output (see `resolveOutputDir`). */
  outDir?: string;
  /** Validate only; publish nothing. */
  check?: boolean;
  /** Source id → file path replacing the registry's file for this run. */
  inputs?: ReadonlyMap<string, string>;
  /** Share of rejected rows above which a table fails the run. */
  maxRejectedShare?: number;
  registryFile?: string;
  /** Build time written in the manifest; defaults to SOURCE_DATE_EPOCH, else now. */
  builtAt?: Date;
  log?: (line: string) => void;
  /** Called as the run advances: `done` of `total` steps (sources read, tables built, publish). */
  progress?: (step: string, done: number, total: number) => void;
}

export interface TableSummary {
  table: string;
  rowsIn: number;
  rowsKept: number;
  rejected: number;
  warnings: number;
  rejectedByReason: Record<string, number>;
}

export interface PipelineResult {
  published: boolean;
  tables: TableSummary[];
  rejected: RowIssue[];
  warnings: RowIssue[];
  /** What the published run changed against the data it replaced, and where that report was written. */
  refreshReport?: { report: RefreshReport; file: string };
}

export const MANIFEST_SCHEMA_VERSION = 1;

/** Heads the manifest description of a table fed by a synthetic source (registry `synthetic`). */
export const SYNTHETIC_MARK = '[SYNTHÉTIQUE, jamais des données réelles]';

function defaultBuiltAt(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  // Whole seconds, so that SOURCE_DATE_EPOCH can reproduce a published manifest exactly.
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : Math.floor(Date.now() / 1000);
  return new Date(seconds * 1000);
}

/** Runs read → validate → normalise → enrich → publish. Throws `PipelineError` on failure. */
export async function runPipeline(options: PipelineOptions = {}): Promise<PipelineResult> {
  const registry = await loadRegistry(options.registryFile ?? REGISTRY_FILE);
  // Everything a run can refuse is refused here, before the lock and before any table is built.
  const outDir = await resolveOutputDir(options.outDir ?? DEFAULT_OUT_DIR, {
    repoRoot: REPO_ROOT,
    sourceDirs: [SOURCES_DIR, ...registry.map((s) => path.dirname(sourcePath(s)))],
    synthetic: registry.some((s) => s.synthetic === true),
  });
  const inputs = options.inputs ?? new Map<string, string>();
  for (const id of inputs.keys()) {
    if (!registry.some((s) => s.id === id)) throw new PipelineError({ file: '--input', value: id }, 'unknown source id (see --list)');
  }
  const filePath = (s: Source) => inputs.get(s.id) ?? sourcePath(s);
  const display = (p: string) => path.relative(process.cwd(), p) || p;
  for (const source of registry) await checkSourceFile(filePath(source), display(filePath(source)));

  // A check publishes nothing: it neither locks nor repairs the output.
  if (options.check === true) return buildAndPublish(registry, filePath, display, outDir, options);
  const lock = await acquireOutputLock(outDir);
  try {
    // A run killed mid-publish is repaired first, whatever this run then does.
    await recoverInterruptedPublish(outDir);
    return await buildAndPublish(registry, filePath, display, outDir, options);
  } finally {
    await lock.release();
  }
}

async function buildAndPublish(
  registry: readonly Source[],
  filePath: (s: Source) => string,
  display: (p: string) => string,
  outDir: string,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const log = options.log ?? (() => {});
  const maxRejected = options.maxRejectedShare ?? 0.01;
  const total = registry.length + 2;
  const progress = options.progress ?? (() => {});
  const read: SourceInput[] = [];
  const provenance = new Map<string, { checksum: string; records: number }>();
  for (const source of registry) {
    const file = filePath(source);
    progress(`lecture ${source.id}`, read.length, total);
    log(`read ${source.id} ← ${display(file)}`);
    const data = await readSource(source, file, display(file));
    const { records } = describeSourceData(data);
    // A registry staff fill may still be empty: its header alone is a valid file.
    const mayBeEmpty = TABLE_LAYOUTS.some((l) => l.name === source.table && l.allowEmpty === true);
    if (records === 0 && !mayBeEmpty) throw new PipelineError({ file: display(file) }, { geojson: 'file has no features', json: 'file has no records', csv: 'file has a header but no rows', xlsx: 'sheet has a header but no rows' }[data.format]);
    provenance.set(source.id, { checksum: sha256(await readFile(file)), records });
    read.push({ source, data });
  }
  progress('construction des tables', registry.length, total);
  const recordsByFile = new Map(
    read.map(({ data }) => {
      const { file, records } = describeSourceData(data);
      return [file, records] as const;
    }),
  );
  // Each table is checked as soon as it is built: the first one over its threshold ends the run.
  const summaries: TableSummary[] = [];
  const builds = await buildAllTables(new SourceInputs(read), ([layout, build]) => {
    summaries.push(checkTable(layout, build, maxRejected, recordsByFile));
    log(`built ${layout.name}: ${build.rows.length} rows`);
  });
  progress('publication', registry.length + 1, total);

  const result: PipelineResult = {
    published: false,
    tables: summaries,
    rejected: builds.flatMap(([, b]) => b.rejected),
    warnings: builds.flatMap(([, b]) => b.warnings),
  };
  if (options.check) return result;

  const builtAt = (options.builtAt ?? defaultBuiltAt()).toISOString();
  const files = new Map<string, Uint8Array | string>();
  const tables = builds.map(([layout, build]) => {
    const rows = [...build.rows].sort((a, b) => compareKeys(a, b, layout.key));
    const bytes = rowsToArrowIpc(layout, rows);
    const file = `${layout.name}.arrow`;
    files.set(file, bytes);
    const from = [layout.derivedFrom ?? layout.name].flat();
    const sources = registry.filter((s) => from.includes(s.table));
    return {
      name: layout.name,
      description: sources.some((s) => s.synthetic === true) ? `${SYNTHETIC_MARK} ${layout.description}` : layout.description,
      file,
      format: 'arrow-ipc-stream',
      rows: rows.length,
      bytes: bytes.byteLength,
      checksum: sha256(bytes),
      warnings: build.warnings.length,
      rejected: build.rejected.length,
      built_at: builtAt,
      columns: layout.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, description: c.description })),
      sources: sources.map((s) => ({
        id: s.id,
        file: sourceFileName(s),
        publisher: s.publisher,
        licence: s.licence,
        millesime: s.millesime,
        url: s.url,
        checksum: provenance.get(s.id)!.checksum,
        records: provenance.get(s.id)!.records,
      })),
    };
  });
  const manifest = { schema_version: MANIFEST_SCHEMA_VERSION, generator: MANIFEST_GENERATOR, built_at: builtAt, tables };
  // Compared with the output it replaces, read under the output lock like the swap itself.
  const published = builds.map(([layout, build]) => ({ layout, bytes: files.get(`${layout.name}.arrow`) as Uint8Array, warnings: build.warnings }));
  const report = buildRefreshReport(published, manifest, await readPreviousOutput(outDir));
  const reportText = `${JSON.stringify(report, null, 2)}\n`;
  files.set(REFRESH_REPORT_FILE, reportText);
  const refreshReport = { file: REFRESH_REPORT_FILE, bytes: Buffer.byteLength(reportText), checksum: sha256(reportText) };
  files.set(MANIFEST_FILE, `${JSON.stringify({ ...manifest, refresh_report: refreshReport }, null, 2)}\n`);
  await publishFolder(outDir, files);
  progress('publié', total, total);
  log(`published ${files.size} files → ${display(outDir)}`);
  return { ...result, published: true, refreshReport: { report, file: path.join(outDir, REFRESH_REPORT_FILE) } };
}

function checkTable(layout: TableLayout, build: TableBuild<Record<string, unknown>>, maxRejected: number, recordsByFile: ReadonlyMap<string, number>): TableSummary {
  assertUniqueKeys(layout.name, build, layout.key);
  const rejectedByReason: Record<string, number> = {};
  for (const issue of build.rejected) {
    const reason = issueKind(issue);
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
  }
  const summary = { table: layout.name, rowsIn: build.rowsIn, rowsKept: build.rows.length, rejected: build.rejected.length, warnings: build.warnings.length, rejectedByReason };
  const first = build.rejected[0];
  if (build.rows.length === 0 && !(layout.allowEmpty === true && build.rejected.length === 0)) {
    throw new PipelineError(first?.location ?? { file: layout.name }, `table ${layout.name} would be empty${first ? ` (first rejection: ${first.reason})` : ''}`);
  }
  if (first !== undefined && build.rejected.length / build.rowsIn > maxRejected) {
    throw new PipelineError(
      first.location,
      `${first.reason} — ${build.rejected.length} of ${build.rowsIn} ${layout.name} rows rejected, above the ${(maxRejected * 100).toFixed(1)} % threshold`,
    );
  }
  // Per file too: a broken small file must not hide behind the other sources of its table.
  const byFile = new Map<string, RowIssue[]>();
  for (const issue of build.rejected) byFile.set(issue.location.file, [...(byFile.get(issue.location.file) ?? []), issue]);
  for (const [file, issues] of byFile) {
    const records = recordsByFile.get(file);
    if (records !== undefined && issues.length / records > maxRejected) {
      throw new PipelineError(
        issues[0]!.location,
        `${issues[0]!.reason} — ${issues.length} of the ${records} records of this file rejected, above the ${(maxRejected * 100).toFixed(1)} % threshold`,
      );
    }
  }
  return summary;
}

function compareKeys(a: Record<string, unknown>, b: Record<string, unknown>, key: readonly string[]): number {
  for (const k of key) {
    const x = String(a[k]);
    const y = String(b[k]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

