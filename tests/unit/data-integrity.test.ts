import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../data-pipeline/publish.ts';
import { sha256Checksum } from '../../src/data/checksum.ts';
import { DataIntegrityError, verifyTableBytes } from '../../src/data/published-data.ts';
import { PUBLISHED_DIR, readManifest } from '../support/published-data.ts';

// The app's check of each published file against the manifest, on the committed files.
const manifest = await readManifest();
const entry = manifest.tables.find((t) => t.name === 'qpv')!;
const bytes = new Uint8Array(await readFile(path.join(PUBLISHED_DIR, entry.file)));

const refusal = async (altered: Uint8Array) => {
  const error = await verifyTableBytes(entry, altered).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataIntegrityError);
  return (error as DataIntegrityError).userMessage;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the integrity of published files', () => {
  it('computes the manifest’s checksum (`sha256:<hex>`) with Web Crypto, as the pipeline does with node:crypto', async () => {
    for (const table of manifest.tables.slice(0, 4)) {
      const file = new Uint8Array(await readFile(path.join(PUBLISHED_DIR, table.file)));
      expect(await sha256Checksum(file)).toBe(table.checksum);
      expect(await sha256Checksum(file)).toBe(sha256(file));
    }
  });

  it('checks the sha256 without Web Crypto too (a page served over plain HTTP has no crypto.subtle)', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(globalThis.crypto).toBeUndefined();
    expect(await sha256Checksum(bytes)).toBe(entry.checksum);
    const altered = bytes.slice();
    altered[altered.length >> 1]! ^= 0x01;
    expect(await refusal(altered)).toMatch(/empreinte sha256 différente/);
  });

  it('accepts the file the manifest describes', async () => {
    await expect(verifyTableBytes(entry, bytes)).resolves.toBe(bytes);
  });

  it('refuses a truncated file, naming it and both sizes', async () => {
    const fr = new Intl.NumberFormat('fr-FR');
    expect(await refusal(bytes.subarray(0, 1000))).toBe(`le fichier « qpv.arrow » est incomplet ou périmé : ${fr.format(1000)} octets reçus, ${fr.format(entry.bytes)} octets attendus ; il n’est pas utilisé`);
  });

  it('refuses a file of the right size with one byte altered', async () => {
    const altered = bytes.slice();
    altered[altered.length >> 1]! ^= 0x01;
    expect(await refusal(altered)).toBe('le fichier « qpv.arrow » ne correspond pas au manifeste des données (empreinte sha256 différente) ; il n’est pas utilisé');
  });
});
