import { sha256 } from '@noble/hashes/sha2.js';

const hex = (digest: Uint8Array) => Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The manifest's checksum of a published file, `sha256:<hex>` (as `data-pipeline/publish.ts`
 * writes it), computed with Web Crypto: off the main thread in the browsers we target, a few
 * milliseconds for the largest file on the first-paint path (docs/architecture.md).
 * A page served over plain HTTP from another host than localhost is not a secure context and
 * has no `crypto.subtle`: there the audited @noble/hashes implementation computes the same
 * digest on the main thread, so every file is checked wherever the app is served.
 */
export async function sha256Checksum(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle === undefined ? sha256(bytes) : new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `sha256:${hex(digest)}`;
}
