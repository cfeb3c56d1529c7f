import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, bbox as turfBBox, destination, pointToPolygonDistance } from '@turf/turf';
import { polygonDistanceMeters } from '../../geo/polygon-distance.ts';
import { PolygonIndex } from '../../geo/polygon-index.ts';
import { readSourceText } from '../support/source-files.ts';

// ---------------------------------------------------------------- fixtures

function box(minX: number, minY: number, maxX: number, maxY: number): [number, number][] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

/** 0.01° square at 45° N with a 0.004° hole in its middle. */
const donut: Polygon = {
  type: 'Polygon',
  coordinates: [box(2, 45, 2.01, 45.01), box(2.003, 45.003, 2.007, 45.007).reverse()],
};
/** Two parts, the first with a hole; the second in La Réunion (Saint-Denis). */
const multi: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [box(3, 44, 3.02, 44.02), box(3.005, 44.005, 3.015, 44.015).reverse()],
    [box(55.44, -20.9, 55.46, -20.88)],
  ],
};
const guyane: Polygon = { type: 'Polygon', coordinates: [box(-52.34, 4.93, -52.31, 4.95)] };
const mayotte: Polygon = { type: 'Polygon', coordinates: [[[45.22, -12.79], [45.24, -12.79], [45.23, -12.77], [45.22, -12.79]]] };
/** Shares its west edge (x = 2.01) with donut's east edge. */
const neighbour: Polygon = { type: 'Polygon', coordinates: [box(2.01, 45, 2.02, 45.01)] };
/** Overlaps donut's south-west corner. */
const overlap: Polygon = { type: 'Polygon', coordinates: [box(1.995, 44.995, 2.002, 45.002)] };
const empty: Polygon = { type: 'Polygon', coordinates: [] };

const all = [donut, multi, guyane, mayotte, neighbour, overlap, empty];
const index = new PolygonIndex(all);
const [DONUT, MULTI, GUYANE, MAYOTTE, NEIGHBOUR, OVERLAP] = [0, 1, 2, 3, 4, 5];

// ---------------------------------------------------------------- containing

describe('PolygonIndex.containing', () => {
  it('counts every polygon given, empty ones included', () => {
    expect(index.size).toBe(7);
  });

  it('finds the polygon around a point', () => {
    expect(index.containing(2.001, 45.005)).toEqual([DONUT]);
    expect(index.containing(-52.32, 4.94)).toEqual([GUYANE]);
    expect(index.containing(45.23, -12.785)).toEqual([MAYOTTE]);
  });

  it('leaves out a point in a hole, of a Polygon and of a MultiPolygon part', () => {
    expect(index.containing(2.005, 45.005)).toEqual([]);
    expect(index.containing(3.01, 44.01)).toEqual([]);
    expect(index.containing(3.002, 44.01)).toEqual([MULTI]);
  });

  it('finds the second part of a MultiPolygon (La Réunion, southern hemisphere)', () => {
    expect(index.containing(55.45, -20.89)).toEqual([MULTI]);
  });

  it('counts points on the boundary as inside: outer edge, vertex, hole edge', () => {
    expect(index.containing(2.0, 45.005)).toEqual([DONUT]);
    expect(index.containing(2.005, 45.0)).toEqual([DONUT]);
    expect(index.containing(2.0, 45.01)).toEqual([DONUT]);
    expect(index.containing(2.003, 45.005)).toEqual([DONUT]);
    expect(index.containing(2.007, 45.007)).toEqual([DONUT]);
    expect(index.containing(55.46, -20.9)).toEqual([MULTI]);
  });

  it('gives a point on a shared edge to both neighbours, indices ascending', () => {
    expect(index.containing(2.01, 45.005)).toEqual([DONUT, NEIGHBOUR]);
    expect(index.containing(2.01, 45.01)).toEqual([DONUT, NEIGHBOUR]);
  });

  it('is not affected by later changes to the array it was given', () => {
    const list: Polygon[] = [donut];
    const idx = new PolygonIndex(list);
    list.push(guyane);
    list[0] = guyane;
    expect(idx.size).toBe(1);
    expect(idx.containing(2.001, 45.005)).toEqual([0]);
  });

  it('returns overlapping polygons in ascending order whatever the insertion order', () => {
    expect(index.containing(2.001, 45.001)).toEqual([DONUT, OVERLAP]);
    const reversed = new PolygonIndex([overlap, empty, donut]);
    expect(reversed.containing(2.001, 45.001)).toEqual([0, 2]);
  });

  it('misses points just outside, and points inside the bbox but outside the shape', () => {
    expect(index.containing(1.9999, 45.005)).toEqual([]);
    expect(index.containing(45.239, -12.771)).toEqual([]); // in the triangle's bbox corner
  });

  it('does not read swapped coordinates as a hit', () => {
    expect(index.containing(45.005, 2.001)).toEqual([]);
    expect(index.containing(-20.89, 55.45)).toEqual([]);
  });

  it('returns [] for NaN and infinite input', () => {
    expect(index.containing(NaN, 45)).toEqual([]);
    expect(index.containing(2.005, NaN)).toEqual([]);
    expect(index.containing(Infinity, 45)).toEqual([]);
  });

  it('works with no polygons, or only empty ones', () => {
    for (const idx of [new PolygonIndex([]), new PolygonIndex([empty, { type: 'MultiPolygon', coordinates: [] }])]) {
      expect(idx.containing(2, 45)).toEqual([]);
      expect(idx.withinDistance(2, 45, 1000)).toEqual([]);
    }
    expect(new PolygonIndex([]).size).toBe(0);
  });

  it('matches a brute-force turf loop on 2,000 random points', () => {
    const random = mulberry32(42);
    for (let k = 0; k < 2000; k += 1) {
      const lon = 1.99 + random() * 0.04;
      const lat = 44.99 + random() * 0.03;
      const expected = all.flatMap((g, i) => (g.coordinates.length > 0 && booleanPointInPolygon([lon, lat], g) ? [i] : []));
      expect(index.containing(lon, lat)).toEqual(expected);
    }
  });
});

// ---------------------------------------------------------------- withinDistance

function east(lon: number, lat: number, meters: number): [number, number] {
  const [x = NaN, y = NaN] = destination([lon, lat], meters, 90, { units: 'meters' }).geometry.coordinates;
  return [x, y];
}

describe('PolygonIndex.withinDistance', () => {
  it('includes polygons containing the point, even at 0 m', () => {
    expect(index.withinDistance(2.001, 45.005, 0)).toEqual([DONUT]);
    expect(index.withinDistance(2.0, 45.005, 0)).toEqual([DONUT]);
  });

  it('measures from outside to the nearest edge (400 m north of donut)', () => {
    // 0.0036° of latitude ≈ 400.3 m (1° = 111,195 m on turf's sphere)
    expect(index.withinDistance(2.005, 45.0136, 300)).toEqual([]);
    expect(index.withinDistance(2.005, 45.0136, 399)).toEqual([]);
    expect(index.withinDistance(2.005, 45.0136, 401)).toEqual([DONUT]);
  });

  it('measures from inside a hole to the hole edge', () => {
    // Hole centre: 0.002° of longitude at 45° N ≈ 157 m from the hole's east/west edges.
    expect(index.withinDistance(2.005, 45.005, 150)).toEqual([]);
    expect(index.withinDistance(2.005, 45.005, 160)).toEqual([DONUT]);
  });

  it('widens the longitude search with latitude (60° N, 1 longitude degree ≈ 55.6 km)', () => {
    const north: Polygon = { type: 'Polygon', coordinates: [box(2, 60, 2.01, 60.01)] };
    const idx = new PolygonIndex([north]);
    const [lon, lat] = east(2.01, 60.005, 290);
    expect(lon - 2.01).toBeGreaterThan(290 / 111_195); // outside a latitude-sized margin
    expect(idx.withinDistance(lon, lat, 300)).toEqual([0]);
    expect(idx.withinDistance(lon, lat, 280)).toEqual([]);
  });

  it('works in the outre-mer (Réunion, Guyane, Mayotte)', () => {
    const [rx, ry] = east(55.46, -20.89, 250);
    expect(index.withinDistance(rx, ry, 240)).toEqual([]);
    expect(index.withinDistance(rx, ry, 260)).toEqual([MULTI]);
    const [gx, gy] = east(-52.31, 4.94, 1000);
    expect(index.withinDistance(gx, gy, 1010)).toEqual([GUYANE]);
    expect(index.withinDistance(45.23, -12.785, 10)).toEqual([MAYOTTE]);
  });

  it('returns every polygon in range, ascending', () => {
    expect(index.withinDistance(2.0105, 45.005, 100)).toEqual([DONUT, NEIGHBOUR]);
    expect(index.withinDistance(2.01, 45.0, 5000)).toEqual([DONUT, NEIGHBOUR, OVERLAP]);
  });

  it('returns [] for NaN points and rejects bad distances', () => {
    expect(index.withinDistance(NaN, 45, 100)).toEqual([]);
    expect(index.withinDistance(2, 95, 100)).toEqual([]);
    expect(() => index.withinDistance(2, 45, -1)).toThrow(RangeError);
    expect(() => index.withinDistance(2, 45, NaN)).toThrow(RangeError);
  });

  it('matches a brute-force turf loop on 500 random points and radii', () => {
    const random = mulberry32(7);
    const nonEmpty = all.map((g, i) => [g, i] as const).filter(([g]) => g.coordinates.length > 0);
    for (let k = 0; k < 500; k += 1) {
      const lon = 1.98 + random() * 0.06;
      const lat = 44.98 + random() * 0.05;
      const meters = random() * 1500;
      const expected = nonEmpty
        .filter(([g]) => pointToPolygonDistance([lon, lat], g, { units: 'meters' }) <= meters)
        .map(([, i]) => i);
      expect(index.withinDistance(lon, lat, meters)).toEqual(expected);
    }
  });
});

describe('PolygonIndex.distancesWithin', () => {
  it('gives 0 m inside, the distance to the edge outside, for the polygons withinDistance finds', () => {
    expect(index.distancesWithin(2.001, 45.005, 0)).toEqual([{ index: DONUT, meters: 0 }]);
    const [north] = index.distancesWithin(2.005, 45.0136, 401);
    expect(north!.index).toBe(DONUT);
    expect(north!.meters).toBeGreaterThan(399);
    expect(north!.meters).toBeLessThan(401);
    const random = mulberry32(11);
    for (let k = 0; k < 200; k += 1) {
      const [lon, lat, meters] = [1.98 + random() * 0.06, 44.98 + random() * 0.05, random() * 1500];
      const found = index.distancesWithin(lon, lat, meters);
      expect(found.map((d) => d.index)).toEqual(index.withinDistance(lon, lat, meters));
      for (const d of found) expect(d.meters).toBe(Math.max(0, pointToPolygonDistance([lon, lat], all[d.index]!, { units: 'meters' })));
    }
  });
});

// ---------------------------------------------------------------- real data

/**
 * Minimal RFC 4180 reader for the annuaire: `;` separator, `"` quoting with `""`
 * escapes (one name in the file is quoted), BOM stripped. No field spans lines.
 */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

describe('PolygonIndex on real data: QPV 2015 and schools of Occitanie', () => {
  const qpv = JSON.parse(readSourceText('qpv-occitanie-2015/qp.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
  const polygons = qpv.features.map((f) => f.geometry);
  const [header = [], ...rows] = readSourceText('annuaire-education-occitanie-2024/fr-en-annuaire-education.csv')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map(parseCsvLine);
  const col = (name: string): number => header.indexOf(name);
  const [LAT, LON, EP] = [col('latitude'), col('longitude'), col('Appartenance_Education_Prioritaire')];
  const schools = rows
    .filter((r) => r[LAT] !== '' && r[LON] !== '')
    .map((r) => ({ lon: Number(r[LON]), lat: Number(r[LAT]), ep: r[EP] ?? '' }));
  const qpvIndex = new PolygonIndex(polygons);

  it('reads the files as documented in SOURCE.md', () => {
    expect(polygons).toHaveLength(105);
    expect(header).toHaveLength(72);
    expect(rows).toHaveLength(6240);
    expect(rows.every((r) => r.length === 72)).toBe(true);
    expect(rows.length - schools.length).toBe(31);
    expect(schools.every((s) => Number.isFinite(s.lon) && Number.isFinite(s.lat))).toBe(true);
  });

  it('gives the same QPV as a brute-force turf loop for all 6,209 located schools', () => {
    for (const s of schools) {
      const brute = polygons.flatMap((g, i) => (booleanPointInPolygon([s.lon, s.lat], g) ? [i] : []));
      expect(qpvIndex.containing(s.lon, s.lat)).toEqual(brute);
    }
  });

  it('finds 344 schools in a QPV, 151 of them REP/REP+ (SOURCE.md cross-check)', () => {
    const inside = schools.filter((s) => qpvIndex.containing(s.lon, s.lat).length > 0);
    expect(inside).toHaveLength(344);
    expect(inside.filter((s) => s.ep === 'REP' || s.ep === 'REP+')).toHaveLength(151);
    expect(schools.filter((s) => qpvIndex.containing(s.lon, s.lat).length > 1)).toHaveLength(0);
  });

  it('gives the same QPV within 300 m as a turf loop for all located schools', () => {
    // Reference: turf distance to every polygon whose bbox, widened by a crude 0.02°
    // (≥ 1.5 km at these latitudes, ≫ 300 m), holds the school. turf's distance costs
    // ~0.4 ms a call: 105 calls a school would take a minute.
    const boxes = polygons.map((g) => turfBBox(g));
    const pad = 0.02;
    let near = 0;
    for (const s of schools) {
      const reference = polygons.flatMap((g, i) => {
        const [minX = NaN, minY = NaN, maxX = NaN, maxY = NaN] = boxes[i] ?? [];
        if (s.lon < minX - pad || s.lon > maxX + pad || s.lat < minY - pad || s.lat > maxY + pad) return [];
        return pointToPolygonDistance([s.lon, s.lat], g, { units: 'meters' }) <= 300 ? [i] : [];
      });
      const found = qpvIndex.withinDistance(s.lon, s.lat, 300);
      expect(found).toEqual(reference);
      if (found.length > 0) near += 1;
    }
    expect(near).toBe(881);
  }, 60_000);
});

// ---------------------------------------------------------------- distances, bit for bit

/**
 * `distancesWithin` no longer calls turf (polygon-distance.ts recomputes turf's value without
 * its allocations): the metres must be turf's, exactly (toBe), on real outlines, for points
 * inside, outside, on vertices and on edges, whatever the radius that prunes the search.
 */
describe('PolygonIndex.distancesWithin gives turf\'s exact distance', () => {
  const turfMeters = (g: Polygon | MultiPolygon, lon: number, lat: number) => Math.max(0, pointToPolygonDistance([lon, lat], g, { units: 'meters' }));

  function checkAround(polygons: (Polygon | MultiPolygon)[], pointsPerPolygon: number, seed: number): { found: number; inside: number } {
    const idx = new PolygonIndex(polygons);
    const random = mulberry32(seed);
    let [found, inside] = [0, 0];
    polygons.forEach((g, i) => {
      const [minX = NaN, minY = NaN, maxX = NaN, maxY = NaN] = turfBBox(g);
      const points: [number, number][] = [];
      for (let k = 0; k < pointsPerPolygon; k += 1) {
        const pad = k % 2 === 0 ? 0.003 : 0.05; // near the outline, or up to ~5 km away
        points.push([minX - pad + random() * (maxX - minX + 2 * pad), minY - pad + random() * (maxY - minY + 2 * pad)]);
      }
      // Vertices and edge midpoints: distance 0 by pip, or turf's rounding residue.
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      for (const ring of rings.slice(0, 2)) {
        for (let v = 0; v + 1 < ring.length; v += Math.max(1, Math.floor(ring.length / 8))) {
          const [ax = NaN, ay = NaN] = ring[v] ?? [];
          const [bx = NaN, by = NaN] = ring[v + 1] ?? [];
          points.push([ax, ay], [(ax + bx) / 2, (ay + by) / 2]);
        }
      }
      points.forEach(([lon, lat], k) => {
        const meters = [300, 5000, 1e7][k % 3]!;
        const expected = turfMeters(g, lon, lat);
        const got = idx.distancesWithin(lon, lat, meters).find((d) => d.index === i);
        if (expected <= meters) {
          expect(got?.meters).toBe(expected);
          found += 1;
          if (expected === 0) inside += 1;
        } else expect(got).toBeUndefined();
      });
    });
    return { found, inside };
  }

  it('on the 105 QPV 2015 outlines of Occitanie', () => {
    const qpv = JSON.parse(readSourceText('qpv-occitanie-2015/qp.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
    const { found, inside } = checkAround(
      qpv.features.map((f) => f.geometry),
      40,
      2024,
    );
    expect([found, inside]).toEqual([4948, 1900]); // within the radius, of which at 0 m
  }, 60_000);

  it('on holes and MultiPolygon parts (donut, multi), in and around them', () => {
    const { found, inside } = checkAround([donut, multi, guyane, mayotte], 400, 99);
    expect([found, inside]).toEqual([1096, 304]);
    // In a hole: the distance to the hole's edge, also of a MultiPolygon part.
    const idx = new PolygonIndex([donut, multi]);
    for (const [lon, lat, g] of [[2.005, 45.005, donut], [3.01, 44.01, multi], [3.006, 44.0101, multi]] as const) {
      const [d] = idx.distancesWithin(lon, lat, 5000);
      expect(d!.meters).toBeGreaterThan(0);
      expect(d!.meters).toBe(turfMeters(g, lon, lat));
    }
  });
});

describe('polygonDistanceMeters', () => {
  it('is turf\'s clamped distance, exactly, with no radius, and again from its cache', () => {
    const qpv = JSON.parse(readSourceText('qpv-occitanie-2015/qp.geojson')) as FeatureCollection<Polygon | MultiPolygon>;
    const random = mulberry32(5);
    for (const g of [...qpv.features.map((f) => f.geometry), donut, multi]) {
      const [minX = NaN, minY = NaN, maxX = NaN, maxY = NaN] = turfBBox(g);
      for (let k = 0; k < 6; k += 1) {
        const [lon, lat] = [minX - 0.5 + random() * (maxX - minX + 1), minY - 0.5 + random() * (maxY - minY + 1)];
        const expected = Math.max(0, pointToPolygonDistance([lon, lat], g, { units: 'meters' }));
        expect(polygonDistanceMeters(lon, lat, g)).toBe(expected);
        expect(polygonDistanceMeters(lon, lat, g)).toBe(expected);
      }
    }
  });
});

/** Small deterministic PRNG (public-domain mulberry32) so failures replay. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
