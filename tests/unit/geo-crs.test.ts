import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { CrsError, SUPPORTED_EPSG, epsgFromGeoJsonCrs, fromWgs84, isSupportedEpsg, reprojectGeometry, toWgs84 } from '../../geo/crs.ts';
import { readSourceText } from '../support/source-files.ts';

/*
 * Where the expected values come from (none from proj4js):
 * - "IGN/Krüger": a throw-away Python implementation of the published formulas, GRS80,
 *   no projection library: IGN NTG_71 algorithms ALG0054 / ALG0004 / ALG0002 for the
 *   Lambert conformal conic, Krüger's n-series (6th order, Karney 2011) for UTM.
 * - "ministry": the official file "Adresse et géolocalisation des établissements"
 *   (data.education.gouv.fr, data-pipeline/sources/colleges-geolocalisation-dnb/), which gives
 *   each collège's x/y in its source EPSG next to WGS84 latitude/longitude computed by
 *   the ministry's own GIS. x/y are rounded to 0.1 m (≤ 1e-6°).
 */
const DEG_1E5 = 1e-5; // ≈ 1.1 m
const DEG_1E6 = 1e-6; // ≈ 0.11 m

function expectLonLat(actual: [number, number], lon: number, lat: number, tolerance: number): void {
  expect(Math.abs(actual[0] - lon)).toBeLessThan(tolerance);
  expect(Math.abs(actual[1] - lat)).toBeLessThan(tolerance);
}

describe('toWgs84: Lambert-93 (EPSG:2154)', () => {
  it('puts (652469.02, 6862035.26) in central Paris (IGN/Krüger: 2.35220, 48.85660)', () => {
    // Not 2.3488, 48.8534 (Notre-Dame area), which is 330 m away: that pair is another
    // popular "Paris" point, not the conversion of these metres.
    expectLonLat(toWgs84(652469.02, 6862035.26, 2154), 2.3522, 48.8566, DEG_1E5);
  });

  it.each([
    ['Ajaccio (Corsica)', 1177000, 6100000, 8.735366379183105, 41.84485880077878],
    ['Brest', 145000, 6836000, -4.507722262247745, 48.38665781086069],
    ['origin meridian 3° E at 46.5° N', 700000, 6600000, 3, 46.5],
  ])('matches IGN/Krüger at %s', (_name, x, y, lon, lat) => {
    expectLonLat(toWgs84(x, y, 2154), lon, lat, 1e-9);
  });

  it('matches the ministry at the Collège Charles de Foucauld, Lamastre (0071168G)', () => {
    expectLonLat(toWgs84(824876.1, 6433018.3, 2154), 4.584419934777967, 44.98511168476998, DEG_1E6);
  });
});

describe('fromWgs84', () => {
  it('puts central Paris back at its Lambert-93 metres (IGN/Krüger: 652469.02, 6862035.26)', () => {
    const [x, y] = fromWgs84(2.3522, 48.8566, 2154);
    // 1e-5° of the expected lon/lat is under a metre.
    expect(Math.abs(x - 652469.02)).toBeLessThan(1);
    expect(Math.abs(y - 6862035.26)).toBeLessThan(1);
  });

  it('inverts toWgs84 in every supported CRS, and leaves WGS84 as it is', () => {
    for (const [epsg, x, y] of [[2154, 824876.1, 6433018.3], [2975, 339309.2, 7689176.2], [4471, 512000, 8588000], [5490, 700000, 1800000]] as const) {
      const [lon, lat] = toWgs84(x, y, epsg);
      const [bx, by] = fromWgs84(lon, lat, epsg);
      expect(Math.abs(bx - x)).toBeLessThan(1e-3);
      expect(Math.abs(by - y)).toBeLessThan(1e-3);
    }
    expect(fromWgs84(2.5, 48.9, 4326)).toEqual([2.5, 48.9]);
    expect(() => fromWgs84(2.5, 48.9, 3857)).toThrow(CrsError);
  });
});

describe('toWgs84: outre-mer', () => {
  it.each([
    ['Réunion, RGR92 / UTM 40S, Saint-Denis (9740042C)', 2975, 335915.9, 7688850.9, 55.422455336711415, -20.893340132831486],
    ['Guyane, RGFG95 / UTM 22N, Cayenne (9730020J)', 2972, 353209.0, 545956.6, -52.32393839584209, 4.937997093332722],
    ['Guadeloupe, WGS84 / UTM 20N, Le Moule (9710015P)', 32620, 676302.3, 1806377.2, -61.34962529479824, 16.332028081035617],
    ['Mayotte, WGS84 / UTM 38S, Mamoudzou (9760162X)', 32738, 524282.9, 8588298.1, 45.22372172962821, -12.769912365713084],
  ])('matches the ministry: %s', (_name, epsg, x, y, lon, lat) => {
    expectLonLat(toWgs84(x, y, epsg), lon, lat, DEG_1E6);
  });

  it.each([
    ['Martinique, RGAF09 / UTM 20N', 5490, 708000, 1616000, -61.06903376850383, 14.609319279532958],
    ['Martinique, RRAF 1991 / UTM 20N', 4559, 708000, 1616000, -61.06903376850383, 14.609319279532958],
    ['Mayotte, RGM04 / UTM 38S', 4471, 515000, 8580000, 45.138238201436074, -12.84500921962922],
    ['Réunion, WGS84 / UTM 40S', 32740, 340000, 7660000, 55.459033733770006, -21.154289194060585],
    ['Guyane, WGS84 / UTM 22N', 32622, 260000, 420000, -53.16102123093241, 3.7971032560165106],
  ])('matches IGN/Krüger: %s', (_name, epsg, x, y, lon, lat) => {
    // The Python reference uses GRS80; WGS84's ellipsoid differs by < 1e-9° here.
    expectLonLat(toWgs84(x, y, epsg), lon, lat, 1e-8);
  });

  it('treats RGxx frames as WGS84 (zero shift): same metres, same place', () => {
    const pairs: [number, number, number, number][] = [
      [2972, 32622, 353209, 545956],
      [2975, 32740, 335916, 7688851],
      [4471, 32738, 524283, 8588298],
      [5490, 32620, 676302, 1806377],
    ];
    for (const [local, utm, x, y] of pairs) expectLonLat(toWgs84(x, y, local), ...toWgs84(x, y, utm), 1e-8);
  });

  it('matches every located collège of the national ministry file (7,504 rows) to 1e-6°', () => {
    const text = readSourceText('colleges-geolocalisation-dnb/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.csv');
    // No field holds a `;` (every line splits into the 35 header columns), so split is safe.
    const [header = [], ...rows] = text.split(/\r?\n/).filter((l) => l.length > 0).map((l) => l.split(';'));
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const [X, Y, EPSG, LAT, LON] = ['coordonnee_x', 'coordonnee_y', 'EPSG', 'latitude', 'longitude'].map((c) => header.indexOf(c));
    const byEpsg = new Map<number, number>();
    for (const r of rows) {
      if (!r[X!] || !r[Y!]) continue;
      const epsg = Number(r[EPSG!]?.replace('EPSG:', ''));
      if (epsg === 32621) {
        // Saint-Pierre-et-Miquelon: not a territory geo/ serves.
        expect(() => toWgs84(Number(r[X!]), Number(r[Y!]), epsg)).toThrow(CrsError);
        continue;
      }
      expectLonLat(toWgs84(Number(r[X!]), Number(r[Y!]), epsg), Number(r[LON!]), Number(r[LAT!]), DEG_1E6);
      byEpsg.set(epsg, (byEpsg.get(epsg) ?? 0) + 1);
    }
    expect(Object.fromEntries(byEpsg)).toEqual({ 2154: 7227, 2975: 94, 32620: 118, 2972: 40, 32738: 25 });
  });
});

describe('toWgs84: identity, errors, NaN', () => {
  it('returns lon/lat unchanged for 4326', () => {
    expect(toWgs84(2.35, 48.85, 4326)).toEqual([2.35, 48.85]);
    expect(toWgs84(55.45, -20.9, 4326)).toEqual([55.45, -20.9]);
  });

  it('throws a CrsError naming an unknown code', () => {
    expect(() => toWgs84(0, 0, 3857)).toThrow(CrsError);
    expect(() => toWgs84(0, 0, 3857)).toThrow(/EPSG:3857/);
    let caught: unknown = null;
    try {
      toWgs84(0, 0, 27572);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CrsError);
    expect(caught).toMatchObject({ epsg: 27572, name: 'CrsError' });
  });

  it('gives NaN for non-finite input rather than a wrong place', () => {
    expect(toWgs84(NaN, 6862035, 2154)).toEqual([NaN, NaN]);
    expect(toWgs84(652469, Infinity, 2975)).toEqual([NaN, NaN]);
  });

  it('lists what it supports', () => {
    expect([...SUPPORTED_EPSG].sort((a, b) => a - b)).toEqual([2154, 2972, 2975, 4326, 4471, 4559, 5490, 32620, 32622, 32738, 32740]);
    expect(isSupportedEpsg(2154)).toBe(true);
    expect(isSupportedEpsg(3857)).toBe(false);
  });
});

describe('reprojectGeometry', () => {
  const l93: Polygon = {
    type: 'Polygon',
    bbox: [652000, 6861000, 654000, 6863000],
    coordinates: [
      [[652000, 6861000], [654000, 6861000], [654000, 6863000], [652000, 6863000], [652000, 6861000]],
      [[652500, 6861500], [652500, 6862500], [653500, 6862500], [653500, 6861500], [652500, 6861500]],
    ],
  };

  it('converts every position, holes included, and keeps the structure', () => {
    const out = reprojectGeometry(l93, 2154);
    expect(out.type).toBe('Polygon');
    expect(out.coordinates.map((r) => r.length)).toEqual([5, 5]);
    out.coordinates.flat().forEach((p, i) => {
      const src = l93.coordinates.flat()[i]!;
      expect(p).toEqual(toWgs84(src[0]!, src[1]!, 2154));
    });
    // Rings stay closed exactly (same input → same output).
    for (const ring of out.coordinates) expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(out.coordinates[0]![0]![0]).toBeCloseTo(2.3456, 3);
  });

  it('drops the source-CRS bbox and leaves the input untouched', () => {
    const before = JSON.stringify(l93);
    const out = reprojectGeometry(l93, 2154);
    expect(out.bbox).toBeUndefined();
    expect(JSON.stringify(l93)).toBe(before);
  });

  it('handles MultiPolygons in the outre-mer and keeps z', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[335900, 7688800, 12], [336000, 7688800, 12], [336000, 7688900, 15], [335900, 7688800, 12]]],
        [[[336100, 7688800, 0], [336200, 7688800, 0], [336200, 7688900, 0], [336100, 7688800, 0]]],
      ],
    };
    const out = reprojectGeometry(g, 2975);
    expect(out.type).toBe('MultiPolygon');
    expect(out.coordinates).toHaveLength(2);
    const [lon, lat, z] = out.coordinates[0]![0]![2]!;
    expect(z).toBe(15);
    expect([lon, lat]).toEqual(toWgs84(336000, 7688900, 2975));
    expect(out.coordinates[1]![0]![1]).toEqual([...toWgs84(336200, 7688800, 2975), 0]);
    expectLonLat([lon!, lat!], 55.4232, -20.8924, 1e-3); // Saint-Denis
  });

  it('is a deep copy for 4326', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [3, 45], [3, 46], [2, 45]]] };
    const out = reprojectGeometry(g, 4326);
    expect(out).toEqual(g);
    expect(out.coordinates[0]).not.toBe(g.coordinates[0]);
  });

  it('keeps an empty geometry empty, and throws CrsError for an unknown code even then', () => {
    expect(reprojectGeometry({ type: 'MultiPolygon', coordinates: [] }, 2154)).toEqual({ type: 'MultiPolygon', coordinates: [] });
    expect(() => reprojectGeometry({ type: 'Polygon', coordinates: [] }, 3857)).toThrow(CrsError);
  });
});

describe('epsgFromGeoJsonCrs', () => {
  it.each([
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } }, 2154],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG:6.6:2975' } }, 2975],
    [{ type: 'name', properties: { name: 'urn:x-ogc:def:crs:EPSG:32740' } }, 32740],
    [{ type: 'name', properties: { name: 'EPSG:2154' } }, 2154],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, 4326],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC::CRS84' } }, 4326],
    [{ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/EPSG/0/4471' } }, 4471],
    [{ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } }, 4326],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } }, 4326],
    [{ type: 'EPSG', properties: { code: 2972 } }, 2972],
    [{ type: 'EPSG', properties: { code: '5490' } }, 5490],
    ['EPSG:2154', 2154],
    ['epsg:2154', 2154],
    [' EPSG:2154 ', 2154],
    ['CRS84', 4326],
    ['urn:ogc:def:crs:EPSG::3857', 3857], // read, even though toWgs84 will refuse it
  ])('reads %j as %i', (crs, expected) => {
    expect(epsgFromGeoJsonCrs(crs)).toBe(expected);
  });

  it('gives null when there is no crs member (RFC 7946: WGS84)', () => {
    expect(epsgFromGeoJsonCrs(undefined)).toBeNull();
    expect(epsgFromGeoJsonCrs(null)).toBeNull();
  });

  it.each([
    [{ type: 'name', properties: { name: 'Lambert 93' } }],
    [{ type: 'name', properties: {} }],
    [{ type: 'link', properties: { href: 'http://example.org/crs', type: 'proj4' } }],
    [{ type: 'name' }],
    ['EPSG:'],
    ['urn:ogc:def:crs:EPSG::abc'],
    [2154],
    [[]],
  ])('throws a CrsError for the unreadable %j rather than assume WGS84', (crs) => {
    expect(() => epsgFromGeoJsonCrs(crs)).toThrow(CrsError);
    expect(() => epsgFromGeoJsonCrs(crs)).toThrow(/unreadable GeoJSON crs/);
  });

  it('reads the crs of the real QPV file (CRS84)', () => {
    const fc = JSON.parse(
      readSourceText('qpv-occitanie-2015/qp.geojson'),
    ) as { crs: unknown };
    expect(epsgFromGeoJsonCrs(fc.crs)).toBe(4326);
  });
});
