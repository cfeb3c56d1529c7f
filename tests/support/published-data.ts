import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '../../src/domain/connector.ts';
import { buildPlaces, type Place } from '../../src/queries/place-search.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The committed output of `npm run pipeline`, read-only for tests. */
export const PUBLISHED_DIR = path.join(REPO_ROOT, 'public', 'data');

export interface ManifestTable {
  name: string;
  file: string;
  rows: number;
  rejected: number;
  warnings: number;
  bytes: number;
  checksum: string;
  /** `records`: features or CSV rows read from the source file. */
  sources: { id: string; file: string; records: number; checksum: string }[];
}
export interface Manifest {
  schema_version: number;
  built_at: string;
  tables: ManifestTable[];
}

export async function readManifest(dir = PUBLISHED_DIR): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * A fresh in-memory DuckDB (the Node build of the engine the app runs) with every table the
 * manifest of `dir` lists, loaded from its Arrow file as the app loads them.
 */
export async function connectToPublishedData(dir = PUBLISHED_DIR): Promise<Connector> {
  const db = await createNodeConnector();
  for (const table of (await readManifest(dir)).tables) {
    await db.loadArrow(table.name, await readFile(path.join(dir, table.file)));
  }
  return db;
}

/** The places the app's search finds before DuckDB (`buildPlaces`), from the `qpv` and `territoires` files of `dir`. */
export async function readPublishedPlaces(dir = PUBLISHED_DIR): Promise<Place[]> {
  const { tables } = await readManifest(dir);
  const table = async (name: string) => tableFromIPC(await readFile(path.join(dir, tables.find((t) => t.name === name)!.file)));
  return buildPlaces(await table('qpv'), await table('territoires'));
}
