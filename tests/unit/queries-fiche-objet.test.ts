import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildFicheLinksQuery, buildFicheObjetQuery, buildQpvNamesQuery, FICHE_OBJET_TECHNICAL_COLUMNS } from '../../src/queries/fiche-objet-queries.ts';
import { LOCAL_ACTIONS_SETUP } from '../../src/queries/local-actions-queries.ts';
import { buildSelectionShapeQuery } from '../../src/queries/map-objects-queries.ts';
import { OBJECT_KINDS, type SelectedObject } from '../../src/domain/selected-object.ts';
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
    const fields = Object.keys(rows[0]!).filter((k) => !FICHE_OBJET_TECHNICAL_COLUMNS.includes(k));
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

  it('a place known by its contrat de ville names it, and its département', async () => {
    const place = await first("SELECT l.id, t.nom FROM lieux l JOIN territoires t ON t.niveau = 'contrat_de_ville' AND t.code = l.code_cv WHERE l.commune_nom IS NULL ORDER BY l.id LIMIT 1");
    const [row] = await fiche({ kind: 'lieu', id: String(place.id) });
    expect(row!.Commune).toBeNull();
    expect(row!['Département']).toMatch(/^\S.* \((\d{2}|2[AB]|97\d)\)$/);
    expect(row!['Contrat de ville']).toMatch(new RegExp(`^${String(place.nom).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(CV\\w+\\)$`));
  });

  it('the Cité de La Mosson says its perimeter is the QPV its source names, shows the match and links that QPV only', async () => {
    const row = (await fiche({ kind: 'cite', id: 'Cité éducative de La Mosson' }))[0]!;
    expect(row).toMatchObject({
      Périmètre: 'QPV nommés par la source',
      'QPV nommés par la source, appariés aux QPV publiés': '« La Mosson » → QP034005 « Mosson »',
      'QPV nommés par la source, absents des données chargées': null,
      qpv_lies: 'QP034005',
    });
  });

  it('a Cité drawn as its commune says « périmètre approché », lists the QPV its source names that are not loaded, and links the commune’s QPV', async () => {
    const [bordeaux] = await fiche({ kind: 'cite', id: 'Cité éducative de Bordeaux' });
    expect(bordeaux).toMatchObject({
      Périmètre: 'périmètre approché (commune entière)',
      'QPV nommés par la source, absents des données chargées': 'Grand Parc, Bacalan, Lac, Marne Capucins, Carle Vernet, Benauges',
    });
    // No QPV of Bordeaux is loaded: nothing to link.
    expect(bordeaux!.qpv_lies).toBeNull();
    const [pre] = await fiche({ kind: 'pre', id: 'PRE de Grenoble' });
    expect(pre).toMatchObject({ Périmètre: 'programme communal, placé à sa commune (quartiers suivis non précisés par la source)' });
  });

  it('names the QPV of the links, with their boxes', async () => {
    const box = await first("SELECT xmin, ymin, xmax, ymax FROM qpv WHERE code = 'QP031007'");
    expect(tableRows(await db.query(buildQpvNamesQuery(['QP031007', "QP'X"])))).toEqual([{ code: 'QP031007', nom: expect.stringMatching(/Mirail/), ...box }]);
  });

  it('an unknown key gives no row (the fiche says so), and quotes are escaped', async () => {
    expect(await fiche({ kind: 'pre', id: "PRE d'Ailleurs" })).toEqual([]);
  });
});

describe('objects a fiche links to', () => {
  const links = async (object: SelectedObject) => tableRows(await db.query(buildFicheLinksQuery(object)!));

  it('a network links to its collège, then to its écoles nearest first, as the published members', async () => {
    const network = await first('SELECT uai_college, ecoles, membres FROM reseaux_ep WHERE ecoles >= 3 ORDER BY uai_college LIMIT 1');
    const rows = await links({ kind: 'reseau', id: String(network.uai_college) });
    expect(rows[0]).toMatchObject({ section: 'Collège tête de réseau', kind: 'etablissement', id: network.uai_college });
    const ecoles = rows.slice(1);
    expect(ecoles.map((r) => r.id)).toEqual(String(network.membres).split('|'));
    expect(ecoles).toHaveLength(Number(network.ecoles));
    for (const r of ecoles) expect(r).toMatchObject({ section: expect.stringMatching(/^Écoles du réseau/), kind: 'etablissement', label: expect.stringMatching(/\(.+\)$/) });
    // Each école's box is its point.
    const school = await first(`SELECT lon, lat FROM etablissements WHERE uai = '${String(ecoles[0]!.id)}'`);
    expect(ecoles[0]).toMatchObject({ xmin: school.lon, ymin: school.lat, xmax: school.lon, ymax: school.lat });
    const [fields] = await fiche({ kind: 'reseau', id: String(network.uai_college) });
    expect(fields!['Écoles']).toMatch(new RegExp(`^${network.ecoles}, rattachées par l’observatoire au collège REP\\+? le plus proche du département \\(5 km au plus\\)$`));
  });

  it('a network of a département without école in the sources says so, and links to its collège only', async () => {
    const network = await first('SELECT uai_college FROM reseaux_ep WHERE ecoles IS NULL ORDER BY uai_college LIMIT 1');
    const [fields] = await fiche({ kind: 'reseau', id: String(network.uai_college) });
    expect(fields!['Écoles']).toMatch(/^non connues/);
    expect(fields!.Commune).toMatch(/^.+ \(\d[\dAB]\)$/);
    expect((await links({ kind: 'reseau', id: String(network.uai_college) })).map((r) => r.section)).toEqual(['Collège tête de réseau']);
  });

  it('a school links to its network, as member or as its collège', async () => {
    const network = await first('SELECT uai_college, nom, ep, membres, xmin, ymin, xmax, ymax FROM reseaux_ep WHERE ecoles >= 1 ORDER BY uai_college LIMIT 1');
    const box = { xmin: network.xmin, ymin: network.ymin, xmax: network.xmax, ymax: network.ymax };
    const expected = [{ section: 'Réseau d’éducation prioritaire', kind: 'reseau', id: network.uai_college, label: `${String(network.nom)} (${String(network.ep)})`, ...box }];
    expect(await links({ kind: 'etablissement', id: String(network.membres).split('|')[0]! })).toEqual(expected);
    expect(await links({ kind: 'etablissement', id: String(network.uai_college) })).toEqual(expected);
    const outside = await first("SELECT uai FROM etablissements WHERE ep = 'hors_ep' ORDER BY uai LIMIT 1");
    expect(await links({ kind: 'etablissement', id: String(outside.uai) })).toEqual([]);
    // An unknown status builds no network either.
    const unknown = await first("SELECT uai FROM etablissements WHERE ep = 'inconnu' AND type = 'college' ORDER BY uai LIMIT 1");
    expect(await links({ kind: 'etablissement', id: String(unknown.uai) })).toEqual([]);
  });

  it('a Cité links to the actions of the recueil that name it', async () => {
    const cite = await first("SELECT c.nom, count(*) AS n FROM cites c JOIN actions a ON list_contains(string_split(a.cite, '|'), c.nom) GROUP BY c.nom ORDER BY n DESC, c.nom LIMIT 1");
    const rows = await links({ kind: 'cite', id: String(cite.nom) });
    expect(rows).toHaveLength(Number(cite.n));
    for (const r of rows) expect(r).toMatchObject({ section: 'Actions recensées', kind: 'action' });
  });

  it('places and PRE link to nothing but their QPV', () => {
    expect(buildFicheLinksQuery({ kind: 'lieu', id: 'x' })).toBeNull();
    expect(buildFicheLinksQuery({ kind: 'pre', id: 'x' })).toBeNull();
  });
});

describe('where the object of a fiche lies, to ring it on the map', () => {
  it.each(KINDS)('%s: a point, or the footprint of a network or a Cité', async (kind) => {
    const id = String((await first(SAMPLES[kind])).id);
    const { table, sql } = buildSelectionShapeQuery({ kind, id });
    expect(table).toMatch(/^[a-z_]+$/);
    const rows = tableRows(await db.query(sql));
    expect(rows).toHaveLength(1);
    const { lon, lat, geometry } = rows[0]!;
    if (kind === 'reseau' || kind === 'cite') expect(JSON.parse(String(geometry)).type).toMatch(/Polygon$/);
    else expect(geometry).toBeNull();
    expect(lon).toEqual(expect.any(Number));
    expect(lat).toEqual(expect.any(Number));
  });

  it('action: its point, read with the actions imported in the browser', async () => {
    for (const statement of LOCAL_ACTIONS_SETUP) await db.exec(statement);
    const action = await first('SELECT id, lon, lat FROM actions WHERE lon IS NOT NULL ORDER BY id LIMIT 1');
    const { table, sql } = buildSelectionShapeQuery({ kind: 'action', id: String(action.id) });
    expect(table).toBe('actions');
    expect(tableRows(await db.query(sql))).toEqual([{ lon: action.lon, lat: action.lat, geometry: null }]);
  });

  it('an unknown key gives no row', async () => {
    expect(tableRows(await db.query(buildSelectionShapeQuery({ kind: 'lieu', id: "l'inconnu" }).sql))).toEqual([]);
  });
});

