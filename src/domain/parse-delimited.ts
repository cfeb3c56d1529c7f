import { parse } from 'csv-parse/browser/esm/sync';
import { checkSheetHeader, decodeText, detectDelimiter, type Sheet, SheetError } from './delimited-text.ts';

/**
 * A CSV template file imported in the browser: encoding and delimiter detected as the pipeline
 * does, quoted fields, CRLF or LF. A line with the wrong number of fields is rejected with its
 * line number; an unclosed quote fails the whole file.
 */
export function parseDelimited(bytes: Uint8Array): Sheet {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new SheetError('texte UTF-16 non pris en charge : enregistrer le fichier en UTF-8', 1);
  const { text } = decodeText(bytes, 'auto');
  if (text.trim() === '') throw new SheetError('fichier vide');
  const delimiter = detectDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    throw new SheetError(`CSV illisible : ${(cause as Error).message}`, line);
  }
  const [head, ...body] = records;
  if (head === undefined) throw new SheetError('fichier vide');
  const header = checkSheetHeader(head.record);
  const sheet: Sheet = { header, rows: [], rejected: [] };
  for (const { record, info } of body) {
    if (record.length !== header.length) sheet.rejected.push({ line: info.lines, reason: `${record.length} champs au lieu de ${header.length}` });
    else sheet.rows.push({ line: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]!])) });
  }
  return sheet;
}
