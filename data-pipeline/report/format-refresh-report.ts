import type { IndicatorMove, RefreshReport, TableChange } from '../../src/domain/refresh-report.ts';

/** Items of each highlight printed; the rest are in the report file. */
const PRINTED_ITEMS = 10;

const MOVES: Record<IndicatorMove, string> = {
  hausse: 'up',
  baisse: 'down',
  masque: 'now hidden (secret statistique)',
  publie: 'no longer hidden',
  retire: 'no longer available',
  disponible: 'now available',
};

const more = (total: number, shown: number) => (total > shown ? [`    … and ${total - shown} more in the report file`] : []);

function tableLine(t: TableChange): string | null {
  switch (t.status) {
    case 'new':
      return `  ${t.name}: new table, ${t.rows} rows`;
    case 'dropped':
      return `  ${t.name}: no longer published (had ${t.previous_rows} rows)`;
    case 'not_compared':
      return `  ${t.name}: not compared (the previous file did not match its manifest or has no key column), ${t.rows} rows`;
    case 'compared': {
      if (t.added + t.removed + t.changed === 0 && t.new_columns.length + t.dropped_columns.length === 0) return null;
      const columns = Object.keys(t.changed_columns);
      const layout = [...t.new_columns.map((c) => `+${c}`), ...t.dropped_columns.map((c) => `-${c}`)];
      return (
        `  ${t.name}: ${t.added} added, ${t.removed} removed, ${t.changed} changed` +
        (columns.length > 0 ? ` (${columns.join(', ')})` : '') +
        `; ${t.previous_rows} → ${t.rows} rows` +
        (layout.length > 0 ? `; columns ${layout.join(' ')}` : '')
      );
    }
  }
}

/** The report as the CLI prints it at the end of a run: a few lines, in English like the rest of its output. */
export function formatRefreshReport(report: RefreshReport, file: string): string[] {
  if (report.previous_built_at === null) {
    return [`refresh report: first run, no previous data to compare with (${report.tables.length} tables published) → ${file}`];
  }
  const lines = [`refresh report, against the data built ${report.previous_built_at}:`];
  const changed = report.tables.map(tableLine).filter((l) => l !== null);
  const unchanged = report.tables.length - changed.length;
  lines.push(...changed, `  ${unchanged === report.tables.length ? 'no table changed' : `${unchanged} table(s) unchanged`}`);
  const sources = report.sources.filter((s) => s.status !== 'unchanged');
  if (sources.length > 0) lines.push(`  sources: ${sources.map((s) => `${s.id} ${s.status}${s.previous_millesime !== null && s.previous_millesime !== s.millesime ? ` (${s.previous_millesime} → ${s.millesime})` : ''}`).join(', ')}`);
  const { education_prioritaire: ep, indicateurs } = report.highlights;
  if (ep.total > 0) {
    lines.push(`  éducation prioritaire, ${ep.total} school(s) entered or left REP / REP+:`);
    for (const e of ep.items.slice(0, PRINTED_ITEMS)) lines.push(`    ${e.uai} ${e.nom} (${e.commune}): ${e.from ?? 'absent'} → ${e.to ?? 'absent'}`);
    lines.push(...more(ep.total, Math.min(ep.items.length, PRINTED_ITEMS)));
  }
  if (indicateurs.total > 0) {
    const { indicator_points: points, indicator_relative: relative } = report.thresholds;
    lines.push(`  QPV indicators that moved (rates by ${points} points or more, other values by ${relative * 100} % or more; no figure given, secret statistique), ${indicateurs.total}:`);
    for (const i of indicateurs.items.slice(0, PRINTED_ITEMS)) lines.push(`    ${i.qpv_code} ${i.qpv_nom}: ${i.indicateur} ${MOVES[i.move]}`);
    lines.push(...more(indicateurs.total, Math.min(indicateurs.items.length, PRINTED_ITEMS)));
  }
  lines.push(`  warnings: ${report.warnings.total}${report.warnings.tables.length > 0 ? ` (${report.warnings.tables.map((t) => `${t.table} ${t.count}`).join(', ')})` : ''}`);
  lines.push(`  written to ${file}`);
  return lines;
}
