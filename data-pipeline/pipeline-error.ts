/** Where a problem sits in an input file. Every field but `file` is optional. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** Index of the GeoJSON feature (0-based), when the format has no useful line. */
  feature?: number;
  field?: string;
  value?: unknown;
}

export function formatLocation(loc: Location): string {
  let where = loc.file;
  if (loc.line !== undefined) where += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.feature !== undefined) where += ` feature ${loc.feature}`;
  if (loc.field !== undefined) where += ` field ${loc.field}`;
  if (loc.value !== undefined) where += ` value ${JSON.stringify(truncate(loc.value))}`;
  return where;
}

function truncate(value: unknown): unknown {
  return typeof value === 'string' && value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** A problem that fails the run: the message names the file and the position. */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  constructor(
    readonly location: Location,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${formatLocation(location)}: ${reason}`, options);
  }
}

/** A problem with one row: the row is rejected, the run goes on (up to a threshold). */
export interface RowIssue {
  location: Location;
  reason: string;
}

export function formatIssue(issue: RowIssue): string {
  return `${formatLocation(issue.location)}: ${issue.reason}`;
}

/** The kind of an issue: its reason before any detail or value it quotes (`:` or `(`), to count issues by kind. */
export function issueKind(issue: RowIssue): string {
  return issue.reason.replace(/[:(].*$/, '').trim();
}
