/**
 * The central directory of a ZIP archive (an XLSX file is one), read without inflating
 * anything: each entry's name, compression method, sizes as the archive declares them, and
 * where its data starts. Minimal on purpose (no ZIP64, no multi-disk: a workbook of the
 * template needs neither), and strict: the directory must end where the end record starts
 * and hold exactly the entries that record declares. A laxer reader (JSZip, under exceljs,
 * reads entries while their signature matches, and moves a directory that does not end there)
 * would otherwise inflate entries this one never saw. fflate's `unzipSync` filter sees the declared sizes too, but not
 * the offsets that `checkXlsxArchive` needs to verify them against the data.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory: the data may inflate to more (`checkXlsxArchive`). */
  uncompressedSize: number;
  /** Offset of the entry's data in the archive (after its local header). */
  dataOffset: number;
}

/** A file that is not a ZIP archive this reader accepts; the message is French, for people. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** The number of entries the end-of-directory record declares: read first, before any entry. */
export function declaredEntryCount(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint16(endOfDirectory(view) + 10, true);
}

/** Every entry of the central directory, stopping (and returning what it read) past `maxEntries`. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (start === ZIP64_MARK || size === ZIP64_MARK) throw new ZipFormatError('archive ZIP64 non prise en charge');
  if (start + size !== end) throw new ZipFormatError('répertoire de l’archive mal placé');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = start;
  while (at < start + size && entries.length <= maxEntries) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipFormatError('répertoire de l’archive corrompu');
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const entry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.local === ZIP64_MARK) throw new ZipFormatError('archive ZIP64 non prise en charge');
    entries.push({ name: entry.name, method: entry.method, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, dataOffset: dataOffset(view, entry.local, entry.name) });
    at = next;
  }
  if (entries.length <= maxEntries && (at !== end || entries.length !== view.getUint16(end + 10, true))) throw new ZipFormatError('répertoire de l’archive incohérent');
  return entries;
}

function dataOffset(view: DataView, local: number, name: string): number {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) throw new ZipFormatError(`entrée « ${name} » introuvable dans l’archive`);
  return local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
}

/** Offset of the end-of-directory record: searched from the end, past a comment of up to 64 KiB. */
function endOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('fin de l’archive introuvable (fichier tronqué ?)');
}
