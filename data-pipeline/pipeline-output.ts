import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REFRESH_REPORT_FILE } from '../src/domain/refresh-report.ts';

export const MANIFEST_FILE = 'manifest.json';
/** Written in every manifest: the only sure sign that a folder is an output of this pipeline. */
export const MANIFEST_GENERATOR = 'observatoire-reussite-educative/data-pipeline';

/** What a folder given as `--out` holds, as far as replacing it is concerned. */
export type OutputFolder = { kind: 'absent' } | { kind: 'empty' } | { kind: 'output' } | { kind: 'foreign'; reason: string };

const isNamedOutputFile = (name: string) => name === MANIFEST_FILE || name === REFRESH_REPORT_FILE || /^[a-z0-9_]+\.arrow$/.test(name);

/**
 * Only regular files named as the pipeline names its files (`manifest.json`, `<table>.arrow`,
 * `refresh-report.json`).
 * The check for the pipeline's own leftovers (`<out>.staging-<pid>`, `<out>.previous-<pid>`),
 * whose name alone must not be enough to delete a folder.
 */
export async function holdsOnlyOutputFiles(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.every((e) => e.isFile() && isNamedOutputFile(e.name));
}

/**
 * A previous output is a folder whose `manifest.json` this pipeline wrote (its `generator`; or,
 * before that field existed, schema 1 with a sha256 per Arrow table) and which holds nothing
 * else than that manifest and the files it lists: replacing it loses nobody's file.
 */
export async function inspectOutputFolder(dir: string): Promise<OutputFolder> {
  const stats = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stats === null) return { kind: 'absent' };
  if (!stats.isDirectory()) return { kind: 'foreign', reason: 'it is a file, not a folder' };
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.length === 0) return { kind: 'empty' };
  const listed = await manifestFiles(path.join(dir, MANIFEST_FILE));
  if (listed === null) {
    const shown = entries.slice(0, 3).map((e) => e.name).join(', ');
    return { kind: 'foreign', reason: `it is not empty (${shown}${entries.length > 3 ? ', …' : ''}) and has no manifest.json written by this pipeline` };
  }
  const extra = entries.filter((e) => !e.isFile() || !(e.name === MANIFEST_FILE || listed.has(e.name))).map((e) => e.name);
  if (extra.length > 0) {
    return { kind: 'foreign', reason: `besides a previous output it holds ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''}, which publishing would delete` };
  }
  return { kind: 'output' };
}

/** The files a manifest of this pipeline lists, or null when the file is not such a manifest. */
async function manifestFiles(file: string): Promise<Set<string> | null> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null) return null;
  const { generator, schema_version: schema, tables, refresh_report: report } = manifest as Record<string, unknown>;
  if (!Array.isArray(tables) || tables.length === 0) return null;
  const files = tables.map((t) => (typeof t === 'object' && t !== null ? (t as Record<string, unknown>) : {}));
  const legacy = generator === undefined && schema === 1 && files.every((t) => t.format === 'arrow-ipc-stream' && /^sha256:[0-9a-f]{64}$/.test(String(t.checksum)));
  if (generator !== MANIFEST_GENERATOR && !legacy) return null;
  if (!files.every((t) => typeof t.file === 'string' && isNamedOutputFile(t.file))) return null;
  // The refresh report is listed apart from the tables (a manifest before it has none).
  const reportFile = typeof report === 'object' && report !== null ? (report as Record<string, unknown>).file : undefined;
  return new Set([...files.map((t) => t.file as string), ...(reportFile === REFRESH_REPORT_FILE ? [reportFile] : [])]);
}
