import { type Table, tableFromIPC } from 'apache-arrow';
import { type RefreshReport, RefreshReportSchema } from '../domain/refresh-report.ts';
import { sha256Checksum } from './checksum.ts';
import { type Manifest, type ManifestTable, ManifestSchema } from './manifest.ts';
import { ExplainedError, formatBytes } from './user-message.ts';

/** Base URL of the published dataset, relative to the page (works under any sub-path). */
const DATA_URL = `${import.meta.env.BASE_URL}data/`;

/** A published file that could not be fetched or read; `userMessage` names it, in French. */
export class DataLoadError extends ExplainedError {
  override readonly name: string = 'DataLoadError';
  constructor(
    readonly url: string,
    message: string,
    userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${message}`, userMessage, options);
  }
}

/** A published file whose bytes are not those the manifest describes (truncated, stale, altered): never used. */
export class DataIntegrityError extends DataLoadError {
  override readonly name = 'DataIntegrityError';
}

const fileName = (url: string) => url.slice(url.lastIndexOf('/') + 1);

async function fetchBytes(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DataLoadError(url, `fetch failed (${String(error)})`, `le fichier « ${fileName(url)} » est inaccessible (réseau)`, { cause: error });
  }
  if (!response.ok) throw new DataLoadError(url, `HTTP ${response.status}`, `le fichier « ${fileName(url)} » n’a pas pu être chargé (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Checks `bytes` against the manifest's entry: its size, then its sha256. A file that does not
 * match is refused, whatever it holds: a truncated or stale file must not be drawn as if right.
 */
export async function verifyTableBytes(entry: Pick<ManifestTable, 'file' | 'bytes' | 'checksum'>, bytes: Uint8Array, url = `${DATA_URL}${entry.file}`): Promise<Uint8Array> {
  if (bytes.length !== entry.bytes) {
    throw new DataIntegrityError(url, `${bytes.length} bytes, the manifest says ${entry.bytes}`, `le fichier « ${entry.file} » est incomplet ou périmé : ${formatBytes(bytes.length)} reçus, ${formatBytes(entry.bytes)} attendus ; il n’est pas utilisé`);
  }
  const checksum = await sha256Checksum(bytes);
  if (checksum !== entry.checksum) {
    throw new DataIntegrityError(url, `checksum ${checksum}, the manifest says ${entry.checksum}`, `le fichier « ${entry.file} » ne correspond pas au manifeste des données (empreinte sha256 différente) ; il n’est pas utilisé`);
  }
  return bytes;
}

let manifestPromise: Promise<Manifest> | undefined;
const rawPromises = new Map<string, Promise<{ entry: ManifestTable; bytes: Uint8Array }>>();
const verifiedPromises = new Map<string, Promise<Uint8Array>>();

/** The manifest, fetched once. */
export function loadManifest(): Promise<Manifest> {
  manifestPromise ??= (async () => {
    const url = `${DATA_URL}manifest.json`;
    const unreadable = 'le manifeste des données (manifest.json) est illisible';
    const text = new TextDecoder().decode(await fetchBytes(url));
    let parsed;
    try {
      parsed = ManifestSchema.safeParse(JSON.parse(text));
    } catch (error) {
      throw new DataLoadError(url, `invalid JSON (${String(error)})`, unreadable, { cause: error });
    }
    if (!parsed.success) throw new DataLoadError(url, `invalid manifest: ${parsed.error.issues[0]?.message}`, unreadable);
    return parsed.data;
  })();
  return manifestPromise;
}

/** The manifest's entry of a published table. */
async function manifestEntry(name: string): Promise<ManifestTable> {
  const entry = (await loadManifest()).tables.find((t) => t.name === name);
  if (entry === undefined) throw new DataLoadError(`${DATA_URL}manifest.json`, `no table "${name}"`, `la table « ${name} » manque au manifeste des données`);
  return entry;
}

/**
 * A copy of a published table's bytes of its own, fetched again (the browser's cache answers)
 * and checked against the manifest: for the SQL console's database and the places' search
 * (`ui/use-place-search.ts`). DuckDB-WASM takes the
 * bytes it loads (they are transferred to its worker), so those `loadTableBytes` shares may
 * be gone once the app's database has them.
 */
export async function fetchTableBytesCopy(name: string): Promise<Uint8Array> {
  const entry = await manifestEntry(name);
  return verifyTableBytes(entry, await fetchBytes(`${DATA_URL}${entry.file}`));
}

/**
 * The refresh report the manifest lists, checked against it like a table file; null when the
 * data predates the report. Not cached: the Données panel asks for it when it opens.
 */
export async function loadRefreshReport(): Promise<RefreshReport | null> {
  const entry = (await loadManifest()).refresh_report;
  if (entry === undefined) return null;
  const url = `${DATA_URL}${entry.file}`;
  const bytes = await verifyTableBytes(entry, await fetchBytes(url), url);
  let parsed;
  try {
    parsed = RefreshReportSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (error) {
    throw new DataLoadError(url, `invalid JSON (${String(error)})`, `le rapport de mise à jour (${entry.file}) est illisible`, { cause: error });
  }
  if (!parsed.success) throw new DataLoadError(url, `invalid refresh report: ${parsed.error.issues[0]?.message}`, `le rapport de mise à jour (${entry.file}) est illisible`);
  return parsed.data;
}

/** The bytes of a published table as fetched, not yet checked. */
function loadRawBytes(name: string): Promise<{ entry: ManifestTable; bytes: Uint8Array }> {
  let promise = rawPromises.get(name);
  if (promise === undefined) {
    promise = manifestEntry(name).then(async (entry) => ({ entry, bytes: await fetchBytes(`${DATA_URL}${entry.file}`) }));
    rawPromises.set(name, promise);
  }
  return promise;
}

/**
 * The Arrow IPC bytes of a published table, fetched once, checked against the manifest, and
 * shared by the map (first paint) and DuckDB (loaded later from the same bytes, no second
 * download).
 */
export function loadTableBytes(name: string): Promise<Uint8Array> {
  let promise = verifiedPromises.get(name);
  if (promise === undefined) {
    promise = loadRawBytes(name).then(({ entry, bytes }) => verifyTableBytes(entry, bytes));
    // Handled by whoever awaits it; not an unhandled rejection where only the raw bytes were.
    promise.catch(() => {});
    verifiedPromises.set(name, promise);
  }
  return promise;
}

/**
 * A published table read with apache-arrow. The bytes are parsed while Web Crypto hashes
 * them (off the main thread); the table is returned only once they are checked.
 */
export async function loadArrowTable(name: string): Promise<Table> {
  const verified = loadTableBytes(name);
  const { entry, bytes } = await loadRawBytes(name);
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    // A damaged file: the check says which and why; if it passes, the file is unreadable as published.
    await verified;
    throw new DataLoadError(`${DATA_URL}${entry.file}`, `unreadable Arrow IPC (${String(error)})`, `le fichier « ${entry.file} » est illisible`, { cause: error });
  }
  await verified;
  return table;
}
