import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../data-pipeline/duckdb-node.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { sqlIdent, sqlNumber, sqlString } from '../../src/domain/sql.ts';

// The quoting helpers are checked by what DuckDB reads back, not only by their text.
let db: Connector;
beforeAll(async () => {
  db = await createNodeConnector();
  await db.exec('CREATE TABLE qpv (code VARCHAR)');
  await db.exec("INSERT INTO qpv VALUES ('QP066007')");
});
afterAll(() => db.close());

const selectOne = async (sql: string) => tableRows(await db.query(sql))[0]!;

describe('sqlString', () => {
  it('doubles single quotes and wraps in single quotes', () => {
    expect(sqlString("L'Isle-d'Abeau")).toBe("'L''Isle-d''Abeau'");
    expect(sqlString('')).toBe("''");
  });

  it.each([
    ['a name with a quote', "L'Isle-Jourdain"],
    ['quotes only', "'''"],
    ['accents and guillemets', 'Saint-Étienne « Cité du Soleil »'],
    ['a backslash (not an escape in SQL)', 'C:\\données\\qp.geojson'],
    ['a new line and a tab', 'ligne 1\nligne 2\tfin'],
    ['a double quote', 'le "Mirail"'],
    ['an empty string', ''],
  ])('round-trips %s through DuckDB', async (_what, value) => {
    expect(await selectOne(`SELECT ${sqlString(value)} AS v`)).toEqual({ v: value });
  });

  it('keeps an injection attempt a plain value: nothing else runs', async () => {
    const attack = "x'); DROP TABLE qpv; --";
    expect(await selectOne(`SELECT ${sqlString(attack)} AS v`)).toEqual({ v: attack });
    expect(await selectOne(`SELECT count(*) AS n FROM qpv WHERE code = ${sqlString(attack)}`)).toEqual({ n: 0 });
    expect(await selectOne('SELECT count(*) AS n FROM qpv')).toEqual({ n: 1 });
  });

  it('refuses a NUL character, which would end DuckDB’s SQL text mid-literal, with a RangeError', async () => {
    expect(() => sqlString('commune:\u0000')).toThrow(RangeError);
    expect(() => sqlString('a\u0000b')).toThrow('NUL character in a SQL string: "a\\u0000b"');
    // Other control characters are plain characters of the literal.
    expect(await selectOne(`SELECT ${sqlString('a\u0001b\u009f')} AS v`)).toEqual({ v: 'a\u0001b\u009f' });
  });
});

describe('sqlIdent', () => {
  it('doubles double quotes and wraps in double quotes', () => {
    expect(sqlIdent('qpv')).toBe('"qpv"');
    expect(sqlIdent('nom "officiel"')).toBe('"nom ""officiel"""');
  });

  it.each([['qpv'], ['nom "officiel"'], ['taux de réussite (%)'], ["l'année"], ['select']])('names a column %j exactly as given', async (name) => {
    const table = await db.query(`SELECT 1 AS ${sqlIdent(name)}`);
    expect(table.schema.fields.map((f) => f.name)).toEqual([name]);
  });

  it('quotes a table name, so a hostile one cannot run a second statement', async () => {
    const name = 'qpv"; DROP TABLE qpv; --';
    await db.exec(`CREATE TABLE ${sqlIdent(name)} (x INTEGER)`);
    expect(await selectOne(`SELECT count(*) AS n FROM ${sqlIdent(name)}`)).toEqual({ n: 0 });
    expect(await selectOne('SELECT count(*) AS n FROM qpv')).toEqual({ n: 1 });
    await db.exec(`DROP TABLE ${sqlIdent(name)}`);
  });
});

describe('sqlNumber', () => {
  it.each([0, 10, -3, 2.9005, -1.661646676502716, 1e-7, 1.5e21, Number.MAX_SAFE_INTEGER])('writes %d so that DuckDB reads the same double', async (value) => {
    expect(await selectOne(`SELECT (${sqlNumber(value)})::DOUBLE AS v`)).toEqual({ v: value });
  });

  it('writes integers without a decimal point (usable as LIMIT)', async () => {
    expect(sqlNumber(10)).toBe('10');
    expect(await selectOne(`SELECT count(*) AS n FROM (SELECT * FROM range(100) LIMIT ${sqlNumber(10)})`)).toEqual({ n: 10 });
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d with a RangeError rather than emitting it', (value) => {
    expect(() => sqlNumber(value)).toThrow(RangeError);
    expect(() => sqlNumber(value)).toThrow(`not a finite number: ${value}`);
  });
});
