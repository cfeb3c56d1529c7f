import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { Coordinator, type DatabaseSource } from '../../src/db/coordinator.ts';
import { TableUnavailableError } from '../../src/data/user-message.ts';
import { CROSS_FILTER_TABLES, DERIVED_TABLES } from '../../src/db/derived-tables.ts';
import { checkActionsSheet, replaceLocalActions } from '../../src/db/local-actions.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { parseDelimited } from '../../src/domain/parse-delimited.ts';
import { qpvActionsTableSql } from '../../src/queries/cross-filter-queries.ts';
import { ALL_ACTIONS_VIEW } from '../../src/queries/local-actions-queries.ts';
import { OBJECT_SEARCH_SETUP } from '../../src/queries/search-query.ts';
import { PUBLISHED_DIR, readManifest } from '../support/published-data.ts';

/** The statements the connector ran, in order: the engine is the real one, only watched. */
interface Watched {
  connector: Connector;
  statements: string[];
}

async function watchedConnector(): Promise<Watched> {
  const real = await createNodeConnector();
  const statements: string[] = [];
  return {
    statements,
    connector: {
      ...real,
      exec: (sql) => {
        statements.push(sql);
        return real.exec(sql);
      },
    },
  };
}

/** The published tables as files; `hold` (a table name) waits for `release`, `fail` ones cannot be read. */
function publishedSource(connect: () => Promise<Connector>, options: { only?: readonly string[]; fail?: readonly string[]; hold?: string } = {}) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const source: DatabaseSource = {
    connect,
    tables: async () => (await readManifest()).tables.filter((t) => options.only === undefined || options.only.includes(t.name)),
    read: async (name) => {
      if (options.fail?.includes(name)) throw new Error(`${name}: damaged file`);
      if (name === options.hold) await held;
      const table = (await readManifest()).tables.find((t) => t.name === name)!;
      return readFile(path.join(PUBLISHED_DIR, table.file));
    },
  };
  return { source, release };
}

// The app's declarations, without putting back the actions kept in a browser (no IndexedDB here).
const DECLARED = DERIVED_TABLES.map((d) => ({ ...d, afterFirstSetup: undefined }));

describe('the database coordinator on the real DuckDB', () => {
  let watched: Watched;
  let database: Coordinator;
  let release: () => void;
  const statuses: string[] = [];

  beforeAll(async () => {
    watched = await watchedConnector();
    database = new Coordinator(DECLARED);
    database.subscribe(() => statuses.push(database.status.state));
    const published = publishedSource(async () => watched.connector, { hold: 'acces_services' });
    release = published.release;
    void database.start(published.source);
  });
  afterAll(() => watched.connector.close());

  it('drops the result of a superseded query, delivers the current one', async () => {
    const delivered: string[] = [];
    const deliver = (name: string) => (outcome: { table: unknown } | { error: unknown }) => delivered.push(`${name}:${'table' in outcome ? 'table' : 'error'}`);
    // Both wait for `acces_services`, held back: the first is superseded (dropped) before it can run.
    const dropFirst = database.run('SELECT count(*) AS n FROM acces_services', ['acces_services'], deliver('first'));
    dropFirst();
    const second = new Promise<void>((resolve) =>
      database.run('SELECT count(*) AS n FROM acces_services WHERE n_1km = 0', ['acces_services'], (outcome) => {
        deliver('second')(outcome);
        resolve();
      }),
    );
    release();
    await second;
    // The first query was sent first to the same connection: had it not been dropped, it would have been delivered first.
    expect(delivered).toEqual(['second:table']);
  });

  it('builds a derived table once its needs are loaded, and once only', async () => {
    const searchBuilds = () => watched.statements.filter((s) => s === OBJECT_SEARCH_SETUP).length;
    await Promise.all([database.query('SELECT count(*) FROM search_objets', ['search_objets']), database.query("SELECT * FROM search_objets WHERE kind = 'cite'", ['search_objets'])]);
    await database.query('SELECT count(*) FROM search_objets', ['search_objets']);
    expect(searchBuilds()).toBe(1);
    expect(database.revisionOf(['search_objets', 'qpv'])).toBe('');
  });

  it('rebuilds a derived table when the revision it follows moves, not otherwise', async () => {
    const actionsTableBuilds = () => watched.statements.filter((s) => s === qpvActionsTableSql(ALL_ACTIONS_VIEW)).length;
    const attributesOf = async (code: string) => tableRows(await database.query(`SELECT dimension, valeur FROM cf_qpv_actions WHERE code = '${code}'`, CROSS_FILTER_TABLES));
    // A QPV without any action yet.
    const [qpv] = tableRows(await database.query('SELECT code FROM qpv WHERE code NOT IN (SELECT code FROM cf_qpv_actions) ORDER BY code LIMIT 1', CROSS_FILTER_TABLES));
    const code = String(qpv!.code);
    expect(await attributesOf(code)).toEqual([]);
    expect(actionsTableBuilds()).toBe(1);
    const before = database.revisionOf(CROSS_FILTER_TABLES);

    // An import, as `importActionsFile` does it (without the browser's storage).
    const db = await database.whenReady(['actions_toutes']);
    const sheet = parseDelimited(new TextEncoder().encode(`id;titre;spheres;tranches;qpv_code;source\natelier-coordinateur;Atelier;famille;0-3;${code};saisie\n`));
    const checked = await checkActionsSheet(db, sheet);
    if (!checked.ok) throw new Error('fixture sheet must be valid');
    await replaceLocalActions(db, checked.actions);
    database.setLocalActions({ fichier: 'atelier.csv', importeLe: '2026-12-07T12:00:00Z', count: 1 });

    expect(database.revisionOf(CROSS_FILTER_TABLES)).not.toBe(before);
    expect(database.revisionOf(['search_objets'])).toBe('');
    expect(await attributesOf(code)).toEqual([{ dimension: 'spheres', valeur: 'famille' }]);
    await attributesOf(code);
    expect(actionsTableBuilds()).toBe(2);
    // The facts that do not follow the imports were built once.
    expect(watched.statements.filter((s) => s.startsWith('CREATE OR REPLACE TABLE cf_qpv AS')).length).toBe(1);
  });

  it('says when every table is loaded, with their counts', async () => {
    await database.whenAllLoaded();
    expect(database.status).toMatchObject({ state: 'ready', failedTables: [], error: null });
    expect(database.status.tableCounts.map((c) => c.table).sort()).toEqual((await readManifest()).tables.map((t) => t.name).sort());
    expect(statuses[0]).toBe('loading');
    expect(statuses.at(-1)).toBe('ready');
  });
});

describe('a table that cannot be loaded', () => {
  it('is left out, the others load, and what needs it says why', async () => {
    const connector = await createNodeConnector();
    const database = new Coordinator(DECLARED);
    void database.start(publishedSource(async () => connector, { only: ['qpv', 'territoires', 'pre', 'cites'], fail: ['pre'] }).source);
    try {
      await database.whenAllLoaded();
      expect(database.status.failedTables).toEqual([{ table: 'pre', message: 'son chargement a échoué' }]);
      expect(database.status.tableCounts.map((c) => c.table).sort()).toEqual(['cites', 'qpv', 'territoires']);
      await expect(database.whenReady(['qpv', 'pre'])).rejects.toBeInstanceOf(TableUnavailableError);
      await expect(database.query('SELECT * FROM pre', [])).rejects.toBeInstanceOf(TableUnavailableError);
      expect(tableRows(await database.query('SELECT count(*) AS n FROM cites', ['cites']))[0]!.n).toBeGreaterThan(0);
    } finally {
      await connector.close();
    }
  });
});
