import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import type { PipelineResult } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { ACTIONS_LAYOUT, CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import { SPHERES, TRANCHES } from '../../src/domain/vocabulary.ts';
import { sharedFullRun } from '../support/full-pipeline-run.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/*
 * One full pipeline run into a temp folder (never public/data), every table loaded into the
 * Node DuckDB as the app loads them; the actions checked against actions.csv read on its own
 * (csv-parse, not the pipeline's reader).
 */
let db: Connector;
let result: PipelineResult;
let csv: Record<string, string>[];

beforeAll(async () => {
  let out: string;
  ({ out, result } = await sharedFullRun());
  db = await connectToPublishedData(out);
  csv = parse(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv')), { columns: true, delimiter: ';' }) as Record<string, string>[];
});
afterAll(async () => {
  await db?.close();
});

const rows = async (sql: string) => tableRows(await db.query(sql));
const one = async (sql: string) => (await rows(sql))[0]!;
const summary = (table: string) => result.tables.find((t) => t.table === table);

describe('pipeline: actions, cites and pre', () => {
  it('publishes the 30 actions of the seeds, 19 Cités and 2 PRE, nothing rejected', async () => {
    expect(summary('actions')).toMatchObject({ rowsIn: 30, rowsKept: 30, rejected: 0 });
    expect(summary('cites')).toMatchObject({ rowsIn: 19, rowsKept: 19, rejected: 0, warnings: 8 }); // the 8 QPV the seeds name outside the loaded data (pipeline-cite-perimeters)
    expect(summary('pre')).toMatchObject({ rowsIn: 2, rowsKept: 2, rejected: 0 });
    expect(await one('SELECT (SELECT count(*) FROM actions) AS actions, (SELECT count(*) FROM cites) AS cites, (SELECT count(*) FROM pre) AS pre')).toEqual({ actions: 30, cites: 19, pre: 2 });
  });

  it('gives every action at least one sphère of the vocabulary and a source citing its document', async () => {
    expect(await one("SELECT count(*) AS n FROM actions WHERE spheres IS NULL OR spheres = '' OR source NOT LIKE '%seeds/00%lignes%'")).toEqual({ n: 0 });
    const ids = SPHERES.map((s) => `'${s.id}'`).join(', ');
    expect(await one(`SELECT count(*) AS n FROM (SELECT unnest(string_split(spheres, '|')) AS s FROM actions) WHERE s NOT IN (${ids})`)).toEqual({ n: 0 });
  });

  it('places the fiches at their communes and the Cités at theirs', async () => {
    expect(await rows("SELECT id, commune_code, commune, departement_code FROM actions WHERE id IN ('fiche-01', 'fiche-05', 'fiche-08', 'fiche-11') ORDER BY id")).toEqual([
      { id: 'fiche-01', commune_code: '64445', commune: 'Pau', departement_code: '64' },
      { id: 'fiche-05', commune_code: null, commune: null, departement_code: '37' },
      { id: 'fiche-08', commune_code: '17300', commune: 'La Rochelle', departement_code: '17' },
      { id: 'fiche-11', commune_code: '33069', commune: 'Le Bouscat', departement_code: '33' },
    ]);
    expect(await one("SELECT count(*) AS n FROM actions WHERE id LIKE 'orientation-%' AND commune_code IS NULL AND cite IS NULL AND lon IS NULL")).toEqual({ n: 18 });
    // Every Cité an action refers to is in the registry, and lies in its commune's territory.
    expect(await one("SELECT count(*) AS n FROM (SELECT unnest(string_split(cite, '|')) AS c FROM actions) WHERE c NOT IN (SELECT nom FROM cites)")).toEqual({ n: 0 });
    expect(await one("SELECT count(*) AS n FROM cites c JOIN territoires t ON t.niveau = 'commune' AND t.code = split_part(c.communes, '|', 1) WHERE c.lon <> t.lon OR c.lat <> t.lat")).toEqual({ n: 0 });
  });

  it('holds no e-mail and no phone number in any text of actions, cites or pre', async () => {
    for (const layout of [ACTIONS_LAYOUT, CITES_LAYOUT, PRE_LAYOUT]) {
      const text = `concat_ws(' ', ${layout.columns.filter((c) => c.type === 'utf8').map((c) => c.name).join(', ')})`;
      expect(await one(`SELECT count(*) AS n, count(*) FILTER (WHERE ${text} LIKE '%@%' OR regexp_matches(${text}, '0[1-9]([ .]?[0-9]{2}){4}')) AS bad FROM ${layout.name}`), layout.name).toMatchObject({ bad: 0 });
    }
  });

  it('answers the parcours matrix (tranche × sphère) with string_split + unnest, as actions.csv does', async () => {
    const matrix = await rows(`
      WITH t AS (SELECT id, spheres, unnest(string_split(tranches, '|')) AS tranche FROM actions),
           ts AS (SELECT id, tranche, unnest(string_split(spheres, '|')) AS sphere FROM t)
      SELECT tranche, sphere, count(DISTINCT id)::INTEGER AS n FROM ts GROUP BY ALL`);
    const expected = new Map<string, number>();
    for (const action of csv) {
      for (const tranche of action.tranches!.split('|').filter(Boolean)) {
        for (const sphere of action.spheres!.split('|')) expected.set(`${tranche} ${sphere}`, (expected.get(`${tranche} ${sphere}`) ?? 0) + 1);
      }
    }
    expect(new Map(matrix.map((r) => [`${String(r.tranche)} ${String(r.sphere)}`, r.n]))).toEqual(expected);
    expect(expected.get('0-3 famille')).toBeGreaterThan(0);
    // Gaps exist: cells of the 5 × 5 matrix no action covers.
    expect(expected.size).toBeLessThan(TRANCHES.length * SPHERES.length);
  });
});
