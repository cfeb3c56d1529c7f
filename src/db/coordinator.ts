import type { Table } from 'apache-arrow';
import { type Connector, tableRows } from '../domain/connector.ts';
import type { TableName } from '../domain/table-layouts.ts';
import { ExplainedError, TableUnavailableError, userMessage } from '../data/user-message.ts';
import { buildTableCountsQuery } from '../queries/table-counts-query.ts';

/**
 * The one owner of the database (docs/architecture.md, « Database »): it starts DuckDB, loads
 * the published tables, builds the derived tables when what they read is ready (again when a
 * revision they follow changes), runs the views' queries once what each one needs is there,
 * and tells whoever subscribes how far it got. Created once by the app (main.tsx), handed to
 * the views by `DatabaseProvider` (use-sql.ts); nothing in `src/db/` keeps state of its own.
 */

/** Tables built in the browser from the published ones (see derived-tables.ts). */
export type DerivedId = 'search_objets' | 'actions_toutes' | 'cross_filter_facts' | 'cf_qpv_actions';
/** What a query reads: published tables and derived tables. */
export type Need = TableName | DerivedId;
/** Counters of changes made in the browser; a derived table following one is rebuilt when it moves. */
export type RevisionKey = 'localActions';

/** A table built from others by SQL, declared once (derived-tables.ts). */
export interface DerivedTable {
  readonly id: DerivedId;
  /** Tables (published or derived) that must be ready before `setup` runs. */
  readonly needs: readonly Need[];
  /** Statements that (re)build it, in order; run again when `revisionKey` moves. */
  readonly setup: readonly string[];
  /** Its content follows this revision: rebuilt when it changes, not otherwise. */
  readonly revisionKey?: RevisionKey;
  /** Once, after the first setup (the local actions kept in the browser are put back). */
  readonly afterFirstSetup?: (db: Connector, coordinator: Coordinator) => Promise<void>;
}

/** Where the published tables come from: the browser's fetches, or files in tests. */
export interface DatabaseSource {
  /** Starts the engine. */
  connect(): Promise<Connector>;
  /** The published tables, with their size in bytes (the manifest). */
  tables(): Promise<readonly { name: string; bytes: number }[]>;
  /** The Arrow bytes of one table, checked. */
  read(name: string): Promise<Uint8Array>;
}

export interface DatabaseStatus {
  state: 'idle' | 'loading' | 'ready' | 'error';
  /** What it is doing, in French, while loading. */
  step: string;
  tableCounts: { table: string; rows: number }[];
  /** Tables left out, with why (French). */
  failedTables: { table: string; message: string }[];
  /** Why the database is not usable at all (French). */
  error: string | null;
}

/** What the app knows of the actions imported in this browser (the rows live in DuckDB). */
export interface LocalActionsInfo {
  fichier: string;
  /** ISO date-time of the import. */
  importeLe: string;
  count: number;
}

export interface LocalActionsStatus {
  info: LocalActionsInfo | null;
  /** Why the actions kept in the browser could not be restored, if so. */
  error: string | null;
}

/** Tables loaded first, before the big ones: the QPV's fiche and the territory views need them. */
export const FIRST_TABLES = ['territoires', 'qpv'] as const satisfies readonly TableName[];

/** DuckDB-WASM could not start; `reason` names the file at fault, when known. */
export class DatabaseStartError extends ExplainedError {
  override readonly name = 'DatabaseStartError';
  constructor(
    cause: unknown,
    readonly reason = cause instanceof ExplainedError ? cause.userMessage : 'son démarrage a échoué',
  ) {
    super(`DuckDB did not start: ${cause instanceof Error ? cause.message : String(cause)}`, `la base de données du navigateur (DuckDB) n’a pas démarré — ${reason}`, { cause });
  }
}

interface Loading {
  /** Resolves when that table is in DuckDB. */
  tables: Map<string, Promise<Connector>>;
  /** Resolves when every table is loaded (or left out) and counted. */
  all: Promise<Connector>;
}

interface Build {
  /** The revision it was (is being) built for. */
  revision: string;
  done: Promise<Connector>;
}

export class Coordinator {
  private readonly derived: ReadonlyMap<DerivedId, DerivedTable>;
  private loading: Promise<Loading> | undefined;
  private announceStart: (loading: Promise<Loading>) => void = () => {};
  /** Queries wait on this until `start` is called: they never start DuckDB themselves. */
  private readonly whenStarted = new Promise<Loading>((resolve) => {
    this.announceStart = resolve;
  });
  private readonly failed = new Map<string, TableUnavailableError>();
  private readonly builds = new Map<DerivedId, Build>();
  private readonly revisions = new Map<RevisionKey, number>();
  private readonly listeners = new Set<() => void>();
  private lastChange: Promise<unknown> = Promise.resolve();
  private current: DatabaseStatus = { state: 'idle', step: '', tableCounts: [], failedTables: [], error: null };
  private actions: LocalActionsStatus = { info: null, error: null };

  constructor(derived: readonly DerivedTable[]) {
    this.derived = new Map(derived.map((d) => [d.id, d]));
  }

  /** Where loading is: a new object at each change (for `useSyncExternalStore`). */
  get status(): DatabaseStatus {
    return this.current;
  }

  get localActions(): LocalActionsStatus {
    return this.actions;
  }

  /** `listener` is called after every change of `status`, `localActions` or a revision; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private setStatus(patch: Partial<DatabaseStatus>): void {
    this.current = { ...this.current, ...patch };
    this.emit();
  }

  /**
   * Starts the engine (once) and loads every table of `source`: the first tables (`FIRST_TABLES`), then
   * the others from the smallest to the largest. A table that cannot be loaded is left out,
   * the others load: what needs it says so.
   */
  start(source: DatabaseSource): Promise<unknown> {
    this.loading ??= this.load(source);
    this.announceStart(this.loading);
    return this.loading;
  }

  private async load(source: DatabaseSource): Promise<Loading> {
    this.setStatus({ state: 'loading', step: 'démarrage de DuckDB' });
    try {
      const [tables, connector] = await Promise.all([source.tables(), source.connect().catch((error: unknown) => Promise.reject(new DatabaseStartError(error)))]);
      const rank = (name: string) => (FIRST_TABLES as readonly string[]).indexOf(name);
      const order = [...tables].sort((a, b) => {
        const [ra, rb] = [rank(a.name), rank(b.name)];
        return ra !== rb ? (ra === -1 ? 1 : rb === -1 ? -1 : ra - rb) : a.bytes - b.bytes;
      });
      let chain: Promise<unknown> = Promise.resolve();
      const loaded = new Map(
        order.map((table, i) => {
          const done = chain.then(async () => {
            this.setStatus({ step: `chargement des tables (${i}/${order.length}) : ${table.name}` });
            try {
              await connector.loadArrow(table.name, await source.read(table.name));
            } catch (error) {
              const unavailable = new TableUnavailableError(table.name, error);
              this.failed.set(table.name, unavailable);
              console.error(`table "${table.name}" not loaded:`, error);
              throw unavailable;
            }
            return connector;
          });
          chain = done.catch(() => {});
          return [table.name, done] as const;
        }),
      );
      const all = chain.then(async () => {
        const names = tables.map((t) => t.name).filter((name) => !this.failed.has(name));
        const counts = tableRows(await connector.query(buildTableCountsQuery(names)));
        this.setStatus({
          state: 'ready',
          step: '',
          tableCounts: counts.map((r) => ({ table: String(r.table_name), rows: Number(r.row_count) })),
          failedTables: [...this.failed.values()].map((e) => ({ table: e.table, message: e.reason })),
        });
        return connector;
      });
      all.catch((error: unknown) => this.setStatus({ state: 'error', error: userMessage(error, 'DuckDB: counting the tables') }));
      return { tables: loaded, all };
    } catch (error) {
      this.setStatus({ state: 'error', error: error instanceof DatabaseStartError ? error.reason : userMessage(error, 'DuckDB start') });
      throw error;
    }
  }

  private started(): Promise<Loading> {
    return this.loading ?? this.whenStarted;
  }

  /** Resolves once every table is loaded (or left out) and counted: for exports of everything and test hooks. */
  async whenAllLoaded(): Promise<void> {
    await (await this.started()).all;
  }

  /**
   * The connector once every one of `needs` is ready: published tables loaded, derived ones
   * built for the current revisions. Rejects with `TableUnavailableError` if a table cannot be.
   */
  async whenReady(needs: readonly Need[]): Promise<Connector> {
    const loading = await this.started();
    const waits = needs.map((need) => (this.derived.has(need as DerivedId) ? this.ensure(need as DerivedId) : (loading.tables.get(need) ?? Promise.reject(new Error(`no published table "${need}"`)))));
    const [connector] = await Promise.all(waits);
    return connector ?? loading.all;
  }

  /** Builds `id` for the current revisions, unless it is built (or being built) for them already. */
  private ensure(id: DerivedId): Promise<Connector> {
    const table = this.derived.get(id)!;
    const revision = this.revisionOf([id]);
    const previous = this.builds.get(id);
    if (previous?.revision === revision) return previous.done;
    const after = previous?.done.catch(() => {});
    const done = (async () => {
      const db = await this.whenReady(table.needs);
      // One build at a time: DuckDB runs statements in order, queries of this revision wait for `done`.
      await after;
      for (const statement of table.setup) await db.exec(statement);
      if (previous === undefined) await table.afterFirstSetup?.(db, this);
      return db;
    })();
    this.builds.set(id, { revision, done });
    return done;
  }

  /**
   * The revisions `needs` follow, as a key: it changes when what they read changed in the
   * browser, and only then. A query's result is (its SQL, this key).
   */
  revisionOf(needs: readonly Need[]): string {
    const keys = new Set<RevisionKey>();
    const visit = (need: Need) => {
      const table = this.derived.get(need as DerivedId);
      if (table === undefined) return;
      if (table.revisionKey !== undefined) keys.add(table.revisionKey);
      table.needs.forEach(visit);
    };
    needs.forEach(visit);
    return [...keys]
      .sort()
      .map((key) => `${key}:${this.revisions.get(key) ?? 0}`)
      .join(',');
  }

  /** Runs `sql` once `needs` are ready; a failure reading a table left out says so (`TableUnavailableError`). */
  async query(sql: string, needs: readonly Need[]): Promise<Table> {
    const db = await this.whenReady(needs);
    try {
      return await db.query(sql);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /**
   * Runs `sql` once `needs` are ready and hands its outcome to `deliver`, unless the returned
   * `drop` was called first: a view drops the result of a query it superseded (`useSql`).
   */
  run(sql: string, needs: readonly Need[], deliver: (outcome: { table: Table } | { error: unknown }) => void): () => void {
    let current = true;
    this.query(sql, needs).then(
      (table) => current && deliver({ table }),
      (error: unknown) => current && deliver({ error }),
    );
    return () => {
      current = false;
    };
  }

  /** `error` of a query, as a `TableUnavailableError` when DuckDB says it does not know a table that could not be loaded. */
  explain(error: unknown): unknown {
    const missing = error instanceof Error ? /Table with name (\S+) does not exist/.exec(error.message)?.[1] : undefined;
    return (missing !== undefined && this.failed.get(missing)) || error;
  }

  /** Records that what `key` counts changed: derived tables following it are rebuilt before their next query. */
  bump(key: RevisionKey): void {
    this.revisions.set(key, (this.revisions.get(key) ?? 0) + 1);
    this.emit();
  }

  /** The local actions now in DuckDB (`changed`: they differ from those queries read so far). */
  setLocalActions(info: LocalActionsInfo | null, changed = true): void {
    this.actions = { info, error: null };
    if (changed) this.bump('localActions');
    else this.emit();
  }

  setLocalActionsError(error: string | null): void {
    this.actions = { ...this.actions, error };
    this.emit();
  }

  /** Runs `change` after the previous one settled: each change of the browser's data reads what the previous one left. */
  oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = this.lastChange.then(change, change);
    this.lastChange = run.catch(() => {});
    return run;
  }
}
