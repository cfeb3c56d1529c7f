import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildFicheObjetQuery, buildQpvNamesQuery } from '../../src/queries/fiche-objet-queries.ts';
import { OBJECT_KINDS, type SelectedObject } from '../../src/state/store.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

const first = async (sql: string) => tableRows(await db.query(sql))[0]!;
type NotAction = SelectedObject & { kind: Exclude<SelectedObject['kind'], 'action'> };
const KINDS = OBJECT_KINDS.filter((k): k is NotAction['kind'] => k !== 'action');
const fiche = async (object: NotAction) => tableRows(await db.query(buildFicheObjetQuery(object)));

/** One real key of each kind, and the QPV it should list. */
const SAMPLES: Record<NotAction['kind'], string> = {
  etablissement: "SELECT uai AS id FROM etablissements WHERE qpv_code IS NOT NULL AND qpv_300m IS NOT NULL ORDER BY uai LIMIT 1",
  lieu: "SELECT id FROM lieux WHERE qpv_code IS NOT NULL ORDER BY id LIMIT 1",
  pre: 'SELECT nom AS id FROM pre ORDER BY nom LIMIT 1',
  cite: "SELECT nom AS id FROM cites WHERE nom = 'Cité éducative de La Mosson'",
  reseau: "SELECT r.uai_college AS id FROM reseaux_ep r JOIN etablissements e ON e.uai = r.uai_college WHERE e.qpv_code IS NOT NULL ORDER BY 1 LIMIT 1",
};

describe('fiches of the objects drawn over the QPV', () => {
  it.each(KINDS)('%s: one row of French labels, from the published data', async (kind) => {
    const id = String((await first(SAMPLES[kind])).id);
    const rows = await fiche({ kind, id });
    expect(rows).toHaveLength(1);
    const fields = Object.keys(rows[0]!).filter((k) => k !== 'qpv_lies');
    expect(fields.length).toBeGreaterThan(2);
    // Labels are French words for people, not column names.
    for (const field of fields) expect(field).toMatch(/^[A-ZÉÈ]/);
  });

  it('a school lists the QPV it lies in and those within 300 m', async () => {
    const school = await first(SAMPLES.etablissement);
    const row = (await fiche({ kind: 'etablissement', id: String(school.id) }))[0]!;
    const expected = await first(`SELECT concat_ws(',', qpv_code, qpv_300m) AS q FROM etablissements WHERE uai = '${String(school.id)}'`);
    expect(row.qpv_lies).toBe(expected.q);
  });

  it('the Cité de La Mosson lists the QPV of Montpellier', async () => {
    const row = (await fiche({ kind: 'cite', id: 'Cité éducative de La Mosson' }))[0]!;
    const montpellier = tableRows(await db.query("SELECT code FROM qpv WHERE commune_code = '34172' ORDER BY code")).map((r) => r.code);
    expect(String(row.qpv_lies).split(',')).toEqual(expect.arrayContaining(montpellier));
  });

  it('names the QPV of the links', async () => {
    expect(tableRows(await db.query(buildQpvNamesQuery(['QP031007', "QP'X"])))).toEqual([{ code: 'QP031007', nom: expect.stringMatching(/Mirail/) }]);
  });

  it('an unknown key gives no row (the fiche says so), and quotes are escaped', async () => {
    expect(await fiche({ kind: 'pre', id: "PRE d'Ailleurs" })).toEqual([]);
  });
});
