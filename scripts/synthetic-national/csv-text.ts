/** A CSV file's text: the header, then one line per row, cells quoted when they must be. */
export function csvText(header: readonly string[], rows: readonly Record<string, string | number | null | undefined>[], delimiter: ';' | ','): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[header.join(delimiter), ...rows.map((r) => header.map((h) => cell(r[h])).join(delimiter))].join('\n')}\n`;
}
