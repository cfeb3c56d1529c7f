import { tableFromIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { etablissementPoints } from '../../src/map/etablissement-points.ts';
import { connectToPublishedData, PUBLISHED_DIR } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

describe('etablissementPoints: the map’s schools, read from the published Arrow file', () => {
  it('gives what the same selection gives in DuckDB: located schools, REP and REP+ last, their QPV', async () => {
    const points = etablissementPoints(tableFromIPC(await readFile(path.join(PUBLISHED_DIR, 'etablissements.arrow'))));
    const expected = tableRows(
      await db.query(`
SELECT uai, nom, type, ep, secteur, commune_nom, lon, lat, concat_ws(',', qpv_code, qpv_300m) AS qpv
FROM etablissements WHERE lon IS NOT NULL AND lat IS NOT NULL
ORDER BY CASE ep WHEN 'REP+' THEN 3 WHEN 'REP' THEN 2 WHEN 'inconnu' THEN 1 ELSE 0 END, uai`),
    );
    expect(points.length).toBeGreaterThan(10_000);
    expect(points).toEqual(expected);
    // Some lie near two QPV, and some schools are not located.
    expect(points.some((p) => p.qpv.includes(','))).toBe(true);
    expect(Number(tableRows(await db.query('SELECT count(*) AS n FROM etablissements'))[0]!.n)).toBeGreaterThan(points.length);
  });
});
