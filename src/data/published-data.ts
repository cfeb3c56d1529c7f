import { type Table, tableFromIPC } from 'apache-arrow';
import { type Manifest, ManifestSchema } from './manifest.ts';

/** Base URL of the published dataset, relative to the page (works under any sub-path). */
const DATA_URL = `${import.meta.env.BASE_URL}data/`;

export class DataLoadError extends Error {
  override readonly name = 'DataLoadError';
  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${message}`, options);
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new DataLoadError(url, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let manifestPromise: Promise<Manifest> | undefined;
const bytesPromises = new Map<string, Promise<Uint8Array>>();

/** The manifest, fetched once. */
export function loadManifest(): Promise<Manifest> {
  manifestPromise ??= (async () => {
    const url = `${DATA_URL}manifest.json`;
    const response = await fetch(url);
    if (!response.ok) throw new DataLoadError(url, `HTTP ${response.status}`);
    const parsed = ManifestSchema.safeParse(await response.json());
    if (!parsed.success) throw new DataLoadError(url, `invalid manifest: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  })();
  return manifestPromise;
}

/**
 * The Arrow IPC bytes of a published table, fetched once and shared by the map (first paint)
 * and DuckDB (loaded later from the same bytes, no second download).
 */
export function loadTableBytes(name: string): Promise<Uint8Array> {
  let promise = bytesPromises.get(name);
  if (promise === undefined) {
    promise = loadManifest().then((manifest) => {
      const entry = manifest.tables.find((t) => t.name === name);
      if (entry === undefined) throw new DataLoadError(`${DATA_URL}manifest.json`, `no table "${name}"`);
      return fetchBytes(`${DATA_URL}${entry.file}`);
    });
    bytesPromises.set(name, promise);
  }
  return promise;
}

export async function loadArrowTable(name: string): Promise<Table> {
  return tableFromIPC(await loadTableBytes(name));
}
