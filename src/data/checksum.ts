/**
 * The manifest's checksum of a published file, `sha256:<hex>` (as `data-pipeline/publish.ts`
 * writes it), computed with Web Crypto: off the main thread in the browsers we target, a few
 * milliseconds for the largest file on the first-paint path (docs/architecture.md).
 * Null where Web Crypto is missing: a page served over plain HTTP from another host than
 * localhost is not a secure context, and has no `crypto.subtle`.
 */
export async function sha256Checksum(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
