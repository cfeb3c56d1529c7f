import { INDICATOR_MOVE_THRESHOLD, type RefreshReport, type SourceChange, type TableChange, tableWithoutChanges } from '../../src/domain/refresh-report.ts';
import type { TableLayout } from '../../src/domain/table-layouts.ts';
import { issueKind, type RowIssue } from '../pipeline-error.ts';
import { compareTables } from './compare-tables.ts';
import { decodePublishedRows, type PreviousOutput, type PublishedManifest, type PublishedRows } from './published-rows.ts';
import { epChanges, indicatorChanges } from './report-highlights.ts';

/** Tables the highlights read names and kinds of value from. */
const NAMING_TABLES: readonly string[] = ['qpv', 'indicateurs_meta'];

/** Reasons kept per table in the report's warnings (the most frequent). */
const REASONS_PER_TABLE = 5;

/** One table as this run publishes it. */
export interface PublishedTable {
  layout: TableLayout;
  bytes: Uint8Array;
  warnings: readonly RowIssue[];
}

/**
 * The refresh report of a run: `tables` as it is about to publish them (with `manifest`, the
 * manifest it writes) against `previous`, the output it replaces (null on a first run). Both
 * sides are read from their Arrow bytes, as the app reads them.
 */
export function buildRefreshReport(tables: readonly PublishedTable[], manifest: PublishedManifest, previous: PreviousOutput | null): RefreshReport {
  const after = new Map<string, PublishedRows>();
  const before = new Map<string, PublishedRows>();
  const changes: TableChange[] = tables.map(({ layout, bytes }) => {
    const { rows, checksum } = manifest.tables.find((t) => t.name === layout.name)!;
    const entry = previous?.manifest.tables.find((t) => t.name === layout.name);
    if (previous === null || entry === undefined) return tableWithoutChanges(layout.name, 'new', rows, null);
    const old = previous.tables.get(layout.name);
    // Same bytes, same rows: most tables of a refresh, and the largest (contours), left undecoded.
    if (old !== null && old !== undefined && entry.checksum === checksum) return tableWithoutChanges(layout.name, 'compared', rows, rows);
    const oldRows = old === null || old === undefined ? null : decodePublishedRows(old, layout.key);
    if (oldRows === null) return tableWithoutChanges(layout.name, 'not_compared', rows, entry.rows);
    const newRows = decodePublishedRows(bytes, layout.key)!;
    before.set(layout.name, oldRows);
    after.set(layout.name, newRows);
    return compareTables(layout.name, oldRows, newRows);
  });
  for (const entry of previous?.manifest.tables ?? []) {
    if (!tables.some((t) => t.layout.name === entry.name)) changes.push(tableWithoutChanges(entry.name, 'dropped', null, entry.rows));
  }
  // The highlights name QPV and indicators from tables that may not have changed.
  for (const { layout, bytes } of tables) {
    if (NAMING_TABLES.includes(layout.name) && !after.has(layout.name) && before.size > 0) after.set(layout.name, decodePublishedRows(bytes, layout.key)!);
  }
  return {
    schema_version: 1,
    built_at: manifest.built_at,
    previous_built_at: previous?.manifest.built_at ?? null,
    thresholds: { indicator_points: INDICATOR_MOVE_THRESHOLD.points, indicator_relative: INDICATOR_MOVE_THRESHOLD.relative },
    sources: sourceChanges(manifest, previous?.manifest ?? null),
    tables: changes,
    highlights: { education_prioritaire: epChanges(before, after), indicateurs: indicatorChanges(before, after) },
    warnings: warningSummary(tables),
  };
}

type ManifestSource = PublishedManifest['tables'][number]['sources'][number];

/** Each source once, with the tables it feeds, in the manifest's order. */
function sourcesOf(manifest: PublishedManifest): Map<string, { source: ManifestSource; tables: string[] }> {
  const out = new Map<string, { source: ManifestSource; tables: string[] }>();
  for (const table of manifest.tables) {
    for (const source of table.sources) {
      const seen = out.get(source.id) ?? { source, tables: [] };
      seen.tables.push(table.name);
      out.set(source.id, seen);
    }
  }
  return out;
}

function sourceChanges(manifest: PublishedManifest, previous: PublishedManifest | null): SourceChange[] {
  const [now, old] = [sourcesOf(manifest), previous === null ? new Map() : sourcesOf(previous)];
  const change = ({ source, tables }: { source: ManifestSource; tables: string[] }, status: SourceChange['status'], previousMillesime: string | null): SourceChange => ({
    id: source.id,
    tables,
    publisher: source.publisher,
    millesime: source.millesime,
    file: source.file,
    status,
    previous_millesime: previousMillesime,
  });
  const changes = [...now.values()].map((s) => {
    const was = old.get(s.source.id)?.source;
    return change(s, was === undefined ? 'new' : was.checksum === s.source.checksum ? 'unchanged' : 'changed', was?.millesime ?? null);
  });
  for (const [id, s] of old) if (!now.has(id)) changes.push(change(s, 'dropped', s.source.millesime));
  return changes;
}

function warningSummary(tables: readonly PublishedTable[]): RefreshReport['warnings'] {
  const summary = tables
    .filter((t) => t.warnings.length > 0)
    .map(({ layout, warnings }) => {
      const byReason = new Map<string, number>();
      for (const issue of warnings) byReason.set(issueKind(issue), (byReason.get(issueKind(issue)) ?? 0) + 1);
      const reasons = [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'en'));
      return { table: layout.name, count: warnings.length, reasons: reasons.slice(0, REASONS_PER_TABLE) };
    });
  return { total: summary.reduce((n, t) => n + t.count, 0), tables: summary };
}
