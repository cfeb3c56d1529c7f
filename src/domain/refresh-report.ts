import { z } from 'zod';

/**
 * The refresh report: what a pipeline run changed against the data it replaced, written by
 * the pipeline beside the manifest (`data-pipeline/report/`) and shown in the Données panel.
 * One shape for both sides, validated where the app reads it.
 *
 * Secret statistique: the report compares published data only (a hidden value is null in
 * both runs, so it never shows as changed), and it gives no figure from the rows — no value,
 * no difference between two values — only which rows and columns changed, and for a QPV
 * indicator which way it moved past the threshold below, or that it became hidden or shown.
 * A difference between two published counts could be under the threshold (1 200 → 1 195
 * inhabitants: 5 people left); a direction cannot be turned back into a count.
 */
export const REFRESH_REPORT_FILE = 'refresh-report.json';

/**
 * When a QPV indicator « moved »: a rate (`type_valeur` 'taux', in %) by at least 5 points,
 * any other value by at least 10 % of its previous value (any change from 0).
 */
export const INDICATOR_MOVE_THRESHOLD = { points: 5, relative: 0.1 } as const;

/** Items kept per highlight list and example keys per table: a national refresh can change thousands. */
export const REPORT_LIST_LIMIT = 200;
export const REPORT_EXAMPLE_KEYS = 5;

/** What happened to an indicator of a QPV published in both runs. */
export const INDICATOR_MOVES = ['hausse', 'baisse', 'masque', 'publie', 'retire', 'disponible'] as const;
export type IndicatorMove = (typeof INDICATOR_MOVES)[number];

/**
 * The move of one indicator value between two runs, or null when it did not move past the
 * threshold. `statut` is the published status ('ok', 'secret', 'secret_secondaire', 'nd').
 */
export function indicatorMove(
  before: { valeur: number | null; statut: string },
  after: { valeur: number | null; statut: string },
  typeValeur: string,
): IndicatorMove | null {
  const hidden = (s: string) => s === 'secret' || s === 'secret_secondaire';
  if (hidden(before.statut) !== hidden(after.statut)) return hidden(after.statut) ? 'masque' : 'publie';
  if (hidden(after.statut)) return null;
  if ((before.valeur === null) !== (after.valeur === null)) return after.valeur === null ? 'retire' : 'disponible';
  if (before.valeur === null || after.valeur === null) return null;
  const delta = after.valeur - before.valeur;
  const moved = typeValeur === 'taux' ? Math.abs(delta) >= INDICATOR_MOVE_THRESHOLD.points : before.valeur === 0 ? delta !== 0 : Math.abs(delta) >= INDICATOR_MOVE_THRESHOLD.relative * Math.abs(before.valeur);
  if (!moved) return null;
  return delta > 0 ? 'hausse' : 'baisse';
}

const count = z.number().int().nonnegative();
const keys = z.array(z.string());

const TableChangeSchema = z.object({
  name: z.string(),
  /** `compared`; `new`: no such table before; `dropped`: no longer published; `not_compared`: the previous file was unreadable or had no key column. */
  status: z.enum(['compared', 'new', 'dropped', 'not_compared']),
  rows: count.nullable(),
  previous_rows: count.nullable(),
  added: count,
  removed: count,
  changed: count,
  /** Column → number of changed rows where it changed, in the layout's order. */
  changed_columns: z.record(z.string(), count),
  new_columns: keys,
  dropped_columns: keys,
  /** A few keys of each kind (key columns joined by ' · '), in key order. */
  examples: z.object({ added: keys, removed: keys, changed: keys }),
});

const SourceChangeSchema = z.object({
  id: z.string(),
  tables: keys,
  publisher: z.string(),
  millesime: z.string(),
  file: z.string(),
  /** `new`, `changed` (other bytes), `unchanged`, or `dropped` (read by the previous run only). */
  status: z.enum(['new', 'changed', 'unchanged', 'dropped']),
  previous_millesime: z.string().nullable(),
});

const EpChangeSchema = z.object({ uai: z.string(), nom: z.string(), commune: z.string(), from: z.string().nullable(), to: z.string().nullable() });
const IndicatorChangeSchema = z.object({ qpv_code: z.string(), qpv_nom: z.string(), indicateur: z.string(), libelle: z.string(), move: z.enum(INDICATOR_MOVES) });
const list = <T extends z.ZodType>(item: T) => z.object({ total: count, items: z.array(item) });

export const RefreshReportSchema = z.object({
  schema_version: z.literal(1),
  built_at: z.string(),
  /** Build time of the data replaced; null on a first run (nothing published there before). */
  previous_built_at: z.string().nullable(),
  thresholds: z.object({ indicator_points: z.number(), indicator_relative: z.number() }),
  sources: z.array(SourceChangeSchema),
  tables: z.array(TableChangeSchema),
  highlights: z.object({
    /** Schools that entered or left REP / REP+ (from or to null: the school was added or removed). */
    education_prioritaire: list(EpChangeSchema),
    /** QPV indicators (latest edition of each) that moved past the threshold, or were hidden or shown. */
    indicateurs: list(IndicatorChangeSchema),
  }),
  /** The run's warnings by table and reason (the reason's text before any value it quotes). */
  warnings: z.object({ total: count, tables: z.array(z.object({ table: z.string(), count, reasons: z.array(z.object({ reason: z.string(), count })) })) }),
});

export type RefreshReport = z.infer<typeof RefreshReportSchema>;
export type TableChange = z.infer<typeof TableChangeSchema>;

/**
 * A table with no row-by-row comparison: new in this run, dropped by it, unreadable before, or
 * `compared` when its bytes are those published before (nothing changed).
 */
export function tableWithoutChanges(name: string, status: TableChange['status'], rows: number | null, previousRows: number | null): TableChange {
  return {
    name,
    status,
    rows,
    previous_rows: previousRows,
    added: 0,
    removed: 0,
    changed: 0,
    changed_columns: {},
    new_columns: [],
    dropped_columns: [],
    examples: { added: [], removed: [], changed: [] },
  };
}
export type SourceChange = z.infer<typeof SourceChangeSchema>;
export type EpChange = z.infer<typeof EpChangeSchema>;
export type IndicatorChange = z.infer<typeof IndicatorChangeSchema>;
