import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import {
  buildActionPointsQuery,
  buildCiteFootprintsQuery,
  buildLieuPointsQuery,
  buildPrePointsQuery,
  buildReseauFootprintsQuery,
  type MapFootprint,
  type MapPoint,
} from '../../src/queries/map-objects-queries.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

const rows = async <T>(sql: string) => tableRows(await db.query(sql)) as unknown as T[];
const count = async (sql: string) => Number(tableRows(await db.query(sql))[0]!.n);

describe('map object queries on the published data', () => {
  it('draws one marker per point and category, every located place counted once', async () => {
    const points = await rows<MapPoint>(buildLieuPointsQuery());
    expect(points.reduce((sum, p) => sum + p.count, 0)).toBe(await count('SELECT count(*) AS n FROM lieux WHERE lon IS NOT NULL'));
    expect(new Set(points.map((p) => `${p.lon} ${p.lat} ${p.categorie}`)).size).toBe(points.length);
    const cio = points.find((p) => p.categorie === 'cio')!;
    expect(cio.detail).not.toContain('position approchée');
    const grouped = points.find((p) => p.count > 3)!;
    expect(grouped.detail).toMatch(/^\d+ structures : .+…/);
    expect(grouped.detail).toContain('position approchée : point du contrat de ville');
  });

  it('groups actions sharing a point and keeps the first id for the fiche', async () => {
    const points = await rows<MapPoint>(buildActionPointsQuery());
    expect(points.reduce((sum, p) => sum + p.count, 0)).toBe(await count('SELECT count(*) AS n FROM actions WHERE lon IS NOT NULL'));
    const actions = await rows<{ id: string; lon: number; lat: number }>('SELECT id, lon, lat FROM actions WHERE lon IS NOT NULL ORDER BY id');
    for (const p of points) {
      const here = actions.filter((a) => a.lon === p.lon && a.lat === p.lat);
      expect(here.length).toBe(p.count);
      expect(here[0]!.id).toBe(p.id);
    }
  });

  it('locates PRE and outlines every Cité with a perimeter, as parseable GeoJSON', async () => {
    expect((await rows<MapPoint>(buildPrePointsQuery())).length).toBe(await count('SELECT count(*) AS n FROM pre WHERE lon IS NOT NULL'));
    const cites = await rows<MapFootprint>(buildCiteFootprintsQuery());
    expect(cites.length).toBe(await count('SELECT count(*) AS n FROM cites WHERE geometry IS NOT NULL'));
    for (const c of cites) expect(['Polygon', 'MultiPolygon']).toContain((JSON.parse(c.geometry) as { type: string }).type);
  });

  it('tells each Cité’s perimeter kind to the map (its style) and to the tooltip, in words', async () => {
    const cites = await rows<MapFootprint>(buildCiteFootprintsQuery());
    const byName = new Map(cites.map((c) => [c.nom, c]));
    expect(byName.get('Cité éducative de La Mosson')).toMatchObject({ categorie: 'qpv', detail: 'Montpellier · périmètre : QPV nommés par la source · QPV : « La Mosson » → QP034005 « Mosson »' });
    expect(byName.get('Cité éducative Marseille Nord')).toMatchObject({ categorie: 'commune_approchee', detail: 'Marseille · périmètre : périmètre approché (commune entière)' });
    expect(byName.get('Cité éducative de La Rochelle')!.detail).toBe('La Rochelle · périmètre : périmètre approché (commune entière) · nommés par la source, absents des données chargées : Mireuil');
    expect(byName.get('Cité éducative de Grigny')).toMatchObject({ categorie: 'commune', detail: 'Grigny · périmètre : commune entière (selon la source)' });
    expect(cites.every((c) => ['qpv', 'commune', 'commune_approchee'].includes(c.categorie))).toBe(true);
    const [pre] = await rows<MapPoint>(buildPrePointsQuery());
    expect(pre!.detail).toMatch(/ · programme communal, placé à sa commune \(quartiers suivis non précisés par la source\)$/);
  });

  it('outlines the REP and REP+ networks', async () => {
    const reseaux = await rows<MapFootprint>(buildReseauFootprintsQuery());
    expect(reseaux.length).toBeGreaterThan(0);
    expect(new Set(reseaux.map((r) => r.categorie))).toEqual(new Set(['REP', 'REP+']));
  });

  it('says in every network tooltip that its footprint is estimated, and which are a collège alone', async () => {
    const reseaux = await rows<MapFootprint>(buildReseauFootprintsQuery());
    const [counts] = await rows<{ seul: number; avec: number }>('SELECT count(*) FILTER (WHERE coalesce(ecoles, 0) = 0) AS seul, count(*) FILTER (WHERE ecoles > 0) AS avec FROM reseaux_ep');
    expect(reseaux.filter((r) => / · emprise estimée : collège seul \(disque de 300 m\)$/.test(r.detail))).toHaveLength(Number(counts!.seul));
    expect(reseaux.filter((r) => / · emprise estimée : collège et \d+ écoles? \(enveloppe élargie de 300 m\)$/.test(r.detail))).toHaveLength(Number(counts!.avec));
  });
});
