import { Inflate } from 'fflate';
import { SheetError } from './delimited-text.ts';
import { formatCountFr, formatMegabytes, IMPORT_LIMITS, ImportLimitError, type ImportLimits } from './import-limits.ts';
import { declaredEntryCount, readZipDirectory, type ZipEntry, ZipFormatError } from './zip-directory.ts';

/**
 * An XLSX file checked as an archive before exceljs inflates it (a zip bomb would take the
 * tab's or the pipeline's memory): first the entries and sizes its central directory declares,
 * against the limits, without inflating anything; then each entry inflated as a stream,
 * chunk by chunk, and dropped, stopping as soon as it gives more than it declared (a directory
 * may lie). What passes can only inflate to what was declared, within the limits.
 */
export function checkXlsxArchive(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): void {
  try {
    const maxEntries = limits.xlsxEntries.max;
    const declared = declaredEntryCount(bytes);
    const entries = readZipDirectory(bytes, maxEntries);
    const count = Math.max(declared, entries.length);
    if (count > maxEntries) throw new ImportLimitError('xlsxEntries', `Le classeur XLSX dépasse ${formatCountFr(maxEntries)} fichiers internes (${count > entries.length ? formatCountFr(count) : `plus de ${formatCountFr(maxEntries)}`} ; limite : ${formatCountFr(maxEntries)})`);
    const maxBytes = limits.xlsxInflatedBytes.max;
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (total > maxBytes) throw inflatedError(maxBytes, `${formatMegabytes(total)} annoncés`);
    for (const entry of entries) checkInflatedSize(bytes, entry, maxBytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new SheetError(`classeur XLSX illisible (${error.message})`);
    throw error;
  }
}

const inflatedError = (max: number, detail: string) => new ImportLimitError('xlsxInflatedBytes', `Le classeur XLSX décompressé dépasse ${formatMegabytes(max)} (${detail} ; limite : ${formatMegabytes(max)})`);

/** Compressed bytes given to the inflater at a time: at most ~1,000 times as many come out. */
const CHUNK = 16 * 1024;

function checkInflatedSize(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): void {
  if (entry.dataOffset + entry.compressedSize > bytes.length) throw new ZipFormatError(`entrée « ${entry.name} » tronquée`);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError(`entrée « ${entry.name} » de taille incohérente`);
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`entrée « ${entry.name} » : méthode de compression ${entry.method} inconnue`);
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && inflated <= entry.uncompressedSize; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch (cause) {
    throw new ZipFormatError(`entrée « ${entry.name} » illisible (${(cause as Error).message})`);
  }
  if (inflated > entry.uncompressedSize) throw inflatedError(maxBytes, `« ${entry.name} » se décompresse au-delà des ${formatCountFr(entry.uncompressedSize)} octets qu’il annonce`);
}
