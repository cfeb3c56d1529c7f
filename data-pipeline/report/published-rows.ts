import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { MANIFEST_FILE } from '../pipeline-output.ts';
import { sha256 } from '../publish.ts';

/** A published table as the app reads it: its columns and, per key, the row's values. */
export interface PublishedRows {
  readonly columns: readonly string[];
  /** Key (key columns joined by ' · ') → values in `columns` order; in published (key) order. */
  readonly rows: ReadonlyMap<string, readonly unknown[]>;
}

/** What the report needs of a published manifest (written by `run-pipeline.ts`). */
export interface PublishedManifest {
  built_at: string;
  tables: { name: string; file: string; checksum: string; rows: number; sources: { id: string; file: string; publisher: string; millesime: string; checksum: string }[] }[];
}

/** The data a run replaces: its manifest, and each table's rows or why they cannot be read. */
export interface PreviousOutput {
  manifest: PublishedManifest;
  tables: ReadonlyMap<string, Uint8Array | null>;
}

export const joinKey = (values: readonly unknown[]) => values.map(String).join(' · ');

/**
 * Decodes Arrow IPC bytes into rows keyed by `key`, or null when the bytes are unreadable or
 * lack a key column. Values are those a reader of the file gets (apache-arrow, as the app).
 */
export function decodePublishedRows(bytes: Uint8Array, key: readonly string[]): PublishedRows | null {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch {
    return null;
  }
  const columns = table.schema.fields.map((f) => f.name);
  const vectors = columns.map((c) => table.getChild(c)!);
  const keyAt = key.map((k) => columns.indexOf(k));
  if (keyAt.some((i) => i === -1)) return null;
  const rows = new Map<string, unknown[]>();
  for (let r = 0; r < table.numRows; r++) {
    const values = vectors.map((v) => v.get(r) as unknown);
    rows.set(joinKey(keyAt.map((i) => values[i])), values);
  }
  return { columns, rows };
}

/**
 * The output a run is about to replace, read under the output lock: null when `outDir` holds no
 * previous output (a first run). A table file whose bytes are not those its manifest lists is
 * given as null: the report says it was not compared rather than compare altered data.
 */
export async function readPreviousOutput(outDir: string): Promise<PreviousOutput | null> {
  let manifest: PublishedManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as PublishedManifest;
  } catch {
    return null;
  }
  if (!Array.isArray(manifest.tables)) return null;
  const tables = new Map<string, Uint8Array | null>();
  for (const table of manifest.tables) {
    const bytes = await readFile(path.join(outDir, path.basename(table.file))).catch(() => null);
    tables.set(table.name, bytes !== null && sha256(bytes) === table.checksum ? bytes : null);
  }
  return { manifest, tables };
}
