import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanClockwise } from '@turf/turf';
import { GeometryError, rewindGeometry, validateGeometry } from '../../geo/validate-geometry.ts';
import { readSourceText } from '../support/source-files.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

function readFc(path: string): FeatureCollection<Polygon | MultiPolygon> {
  return JSON.parse(readSourceText(path)) as FeatureCollection<Polygon | MultiPolygon>;
}

describe('validateGeometry: sound input', () => {
  it('accepts Polygons and MultiPolygons with holes, z and outre-mer coordinates', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [box(2, 45, 3, 46), box(2.2, 45.2, 2.4, 45.4)] })).toEqual([]);
    expect(
      validateGeometry({
        type: 'MultiPolygon',
        coordinates: [[box(55.2, -21.4, 55.8, -20.9)], [box(-52.4, 4.9, -52.3, 5.0), box(-52.38, 4.92, -52.32, 4.98)]],
      }),
    ).toEqual([]);
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[0, 0, 10], [1, 0, 10], [1, 1, 12], [0, 0, 10]]] })).toEqual([]);
  });

  it('accepts every QPV and host commune of the Occitanie files', () => {
    for (const file of ['qpv-occitanie-2015/qp.geojson', 'qpv-occitanie-2015/communes.geojson']) {
      for (const f of readFc(file).features) expect(validateGeometry(f.geometry)).toEqual([]);
    }
  });
});

describe('validateGeometry: located problems', () => {
  it.each([
    [null, '', /expected a GeoJSON geometry object, got null/],
    ['POLYGON((0 0, 1 0, 1 1, 0 0))', '', /got "POLYGON/],
    [42, '', /got 42/],
    [[], '', /got an array of 0/],
    [{ coordinates: [] }, 'type', /expected "Polygon" or "MultiPolygon", got undefined/],
    [{ type: 'Point', coordinates: [2, 45] }, 'type', /got "Point"/],
    [{ type: 'polygon', coordinates: [box(0, 0, 1, 1)] }, 'type', /got "polygon"/],
    [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } }, 'type', /got "Feature"/],
    [{ type: 'Polygon' }, 'coordinates', /expected an array, got undefined/],
    [{ type: 'Polygon', coordinates: '[[0,0]]' }, 'coordinates', /expected an array/],
    [{ type: 'Polygon', coordinates: [] }, 'coordinates', /empty Polygon/],
    [{ type: 'MultiPolygon', coordinates: [] }, 'coordinates', /empty MultiPolygon/],
  ])('%j → problem at "%s"', (g, path, reason) => {
    const problems = validateGeometry(g);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.reason).toMatch(reason);
  });

  it('locates a bad ordinate in a MultiPolygon as coordinates[polygon][ring][position]', () => {
    const rings = [box(0, 0, 10, 10), box(1, 1, 2, 2), box(3, 3, 4, 4)];
    rings[2]![3] = [3, NaN];
    const g = { type: 'MultiPolygon', coordinates: [rings] };
    expect(validateGeometry(g)).toEqual([{ path: 'coordinates[0][2][3]', reason: 'ordinate 1 is NaN, expected a finite number' }]);
  });

  it.each([
    [[2, Infinity], /ordinate 1 is Infinity/],
    [['2.35', 48.85], /ordinate 0 is "2.35"/],
    [[2, null], /ordinate 1 is null/],
    [[2], /expected a position \[lon, lat\], got an array of 1/],
    [{ lon: 2, lat: 45 }, /got object/],
  ])('rejects the position %j', (position, reason) => {
    const ring: unknown[] = box(0, 0, 1, 1);
    ring[2] = position;
    const problems = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('coordinates[0][2]');
    expect(problems[0]?.reason).toMatch(reason);
  });

  it('rejects rings of fewer than 4 positions', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toEqual([
      { path: 'coordinates[0]', reason: 'ring has 3 positions, expected at least 4' },
    ]);
    expect(validateGeometry({ type: 'Polygon', coordinates: [[]] })).toEqual([
      { path: 'coordinates[0]', reason: 'ring has 0 positions, expected at least 4' },
    ]);
  });

  it('rejects unclosed rings, holes included', () => {
    const problems = validateGeometry({ type: 'Polygon', coordinates: [box(0, 0, 10, 10), [[1, 1], [2, 1], [2, 2], [1, 2]]] });
    expect(problems).toEqual([{ path: 'coordinates[1]', reason: 'ring is not closed: first position [1, 1] differs from last [1, 2]' }]);
  });

  it('still judges closure when a middle position is bad, not when an end is', () => {
    const middleBad = [[0, 0], [1, 0], [1, NaN], [0, 1], [0, 0.5]];
    expect(validateGeometry({ type: 'Polygon', coordinates: [middleBad] }).map((p) => p.path)).toEqual([
      'coordinates[0][2]',
      'coordinates[0]',
    ]);
    const endBad = [[0, 0], [1, 0], [1, 1], [0, 1], [NaN, 0]];
    expect(validateGeometry({ type: 'Polygon', coordinates: [endBad] }).map((p) => p.path)).toEqual(['coordinates[0][4]']);
  });

  it('compares only x and y to decide closure', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 0, 2]]] })).toEqual([]);
  });

  it('rejects rings and polygons that are not arrays, and empty MultiPolygon parts', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [5] })).toEqual([
      { path: 'coordinates[0]', reason: 'expected a ring (array of positions), got 5' },
    ]);
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], []] })).toEqual([
      { path: 'coordinates[1]', reason: 'polygon has no ring' },
    ]);
    // A Polygon's coordinates given as a MultiPolygon's: one nesting level short.
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [box(0, 0, 1, 1)] })[0]).toEqual({
      path: 'coordinates[0][0][0]',
      reason: 'expected a position [lon, lat], got 0',
    });
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [null] })).toEqual([
      { path: 'coordinates[0]', reason: 'expected an array of rings, got null' },
    ]);
  });

  it('reports several problems in document order', () => {
    const g = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [0, 0]]], [[[0, 0], [NaN, 0], [1, 1], [0, 1]]]] };
    expect(validateGeometry(g).map((p) => p.path)).toEqual(['coordinates[0][0]', 'coordinates[1][0][1]', 'coordinates[1][0]']);
  });

  it('stops at 100 problems', () => {
    const ring = Array.from({ length: 1000 }, () => [NaN, NaN]);
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring] })).toHaveLength(100);
  });
});

describe('GeometryError', () => {
  it('is a named error carrying problems and cause', () => {
    const cause = new Error('root');
    const e = new GeometryError('bad', [{ path: 'type', reason: 'x' }], { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('GeometryError');
    expect(e.problems).toHaveLength(1);
    expect(e.cause).toBe(cause);
  });
});

describe('rewindGeometry', () => {
  const cw = (ring: Position[]): boolean => booleanClockwise(ring);

  it('makes outer rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10).reverse(), box(2, 2, 4, 4)] };
    expect(cw(g.coordinates[0]!)).toBe(true);
    expect(cw(g.coordinates[1]!)).toBe(false);
    const out = rewindGeometry(g);
    expect(cw(out.coordinates[0]!)).toBe(false);
    expect(cw(out.coordinates[1]!)).toBe(true);
    expect(out.type).toBe('Polygon');
  });

  it('rewinds every MultiPolygon part, in the southern hemisphere too', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[box(55.2, -21.4, 55.8, -20.9).reverse()], [box(45.0, -13.0, 45.3, -12.6), box(45.1, -12.9, 45.2, -12.7)]],
    };
    const out = rewindGeometry(g);
    expect(out.coordinates.map((rings) => rings.map(cw))).toEqual([[false], [false, true]]);
  });

  it('keeps a correctly wound geometry as is, and never mutates its input', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(2, 2, 4, 4).reverse()] };
    const before = JSON.stringify(g);
    expect(rewindGeometry(g)).toEqual(g);
    const wrong: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10).reverse()] };
    const wrongBefore = JSON.stringify(wrong);
    rewindGeometry(wrong);
    expect(JSON.stringify(g)).toBe(before);
    expect(JSON.stringify(wrong)).toBe(wrongBefore);
  });

  it('winds all 105 real QPV outer rings counter-clockwise', () => {
    for (const f of readFc('qpv-occitanie-2015/qp.geojson').features) {
      const out = rewindGeometry(f.geometry);
      const parts = out.type === 'Polygon' ? [out.coordinates] : out.coordinates;
      for (const [outer] of parts) expect(cw(outer!)).toBe(false);
    }
  });
});
