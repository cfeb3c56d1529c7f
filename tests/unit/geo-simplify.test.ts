import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { area, booleanValid, cleanCoords } from '@turf/turf';
import { roundGeometry, simplifyGeometry } from '../../geo/simplify.ts';
import { validateGeometry } from '../../geo/validate-geometry.ts';
import { readSourceText } from '../support/source-files.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

function expectSoundRings(g: Polygon | MultiPolygon): void {
  expect(validateGeometry(g)).toEqual([]);
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i += 1) expect(ring[i]).not.toEqual(ring[i - 1]);
  }
}

describe('roundGeometry', () => {
  it('rounds x, y and z to the given decimals', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[2.123456, 48.987654, 35.55], [2.2, 48.9], [2.3, 49.0], [2.123456, 48.987654, 35.55]]] };
    expect(roundGeometry(g, 2).coordinates[0]![0]).toEqual([2.12, 48.99, 35.55]);
    expect(roundGeometry(g, 0).coordinates[0]![0]).toEqual([2, 49, 36]);
  });

  it('rounds negative ordinates (Guyane, Réunion) to the nearest value', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[-52.32394, -20.89334], [-52.3, -20.8], [-52.2, -20.9], [-52.32394, -20.89334]]]],
    };
    expect(roundGeometry(g, 3).coordinates[0]![0]![0]).toEqual([-52.324, -20.893]);
    expect(roundGeometry(g, 3).type).toBe('MultiPolygon');
  });

  it('leaves its input untouched', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(2.123456, 45.111111, 2.2, 45.2)] };
    const before = JSON.stringify(g);
    roundGeometry(g, 3);
    expect(JSON.stringify(g)).toBe(before);
  });

  it('rejects decimals that are not an integer from 0 to 15', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] };
    for (const d of [-1, 2.5, NaN, 16, Infinity]) expect(() => roundGeometry(g, d)).toThrow(RangeError);
  });
});

describe('simplifyGeometry', () => {
  it('drops points within tolerance and keeps the shape', () => {
    const ring: Position[] = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0.5, 0.99999], [0, 1], [0, 0]];
    const out = simplifyGeometry<Polygon>({ type: 'Polygon', coordinates: [ring] }, 0.001, 6);
    expect(out).not.toBeNull();
    expect(out!.coordinates[0]).toHaveLength(5);
    expectSoundRings(out!);
  });

  it('never erases a ring by tolerance alone (turf backs off), only by rounding', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01)] };
    const out = simplifyGeometry(g, 10, 6);
    expect(out?.coordinates[0]).toHaveLength(5);
  });

  it('removes repeated points, also those created by rounding', () => {
    const ring: Position[] = [[0, 0], [0, 0], [1, 0], [1.00001, 0.00001], [1, 1], [0, 1], [0, 1], [0, 0]];
    const out = simplifyGeometry<Polygon>({ type: 'Polygon', coordinates: [ring] }, 0, 3);
    expect(out?.coordinates).toEqual([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]);
  });

  it('drops a hole that rounding collapses, keeps the outer ring', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [box(2, 45, 2.01, 45.01), box(2.00501, 45.00501, 2.00502, 45.00502).reverse()],
    };
    const out = simplifyGeometry(g, 0, 4);
    expect(out?.coordinates).toHaveLength(1);
    expectSoundRings(out!);
  });

  it('keeps a hole that survives', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01), box(2.003, 45.003, 2.007, 45.007).reverse()] };
    const out = simplifyGeometry(g, 0.0001, 5);
    expect(out?.coordinates).toHaveLength(2);
    expectSoundRings(out!);
  });

  it('drops a MultiPolygon part whose outer ring collapses, with its holes', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [box(55.2, -21.4, 55.8, -20.9)],
        [box(45.00001, -12.80001, 45.00003, -12.79999), box(45.000015, -12.800005, 45.000025, -12.799995).reverse()],
      ],
    };
    const out = simplifyGeometry(g, 0, 3);
    expect(out?.type).toBe('MultiPolygon');
    expect(out?.coordinates).toEqual([[box(55.2, -21.4, 55.8, -20.9)]]);
  });

  it('returns null when nothing survives, for Polygons and MultiPolygons', () => {
    const tiny = box(2.00001, 45.00001, 2.00002, 45.00002);
    expect(simplifyGeometry({ type: 'Polygon', coordinates: [tiny] }, 0, 3)).toBeNull();
    expect(simplifyGeometry({ type: 'MultiPolygon', coordinates: [[tiny], [tiny]] }, 0, 3)).toBeNull();
  });

  it('returns null for empty geometries', () => {
    expect(simplifyGeometry({ type: 'Polygon', coordinates: [] }, 0.001, 5)).toBeNull();
    expect(simplifyGeometry({ type: 'MultiPolygon', coordinates: [] }, 0.001, 5)).toBeNull();
    expect(simplifyGeometry({ type: 'MultiPolygon', coordinates: [[]] }, 0.001, 5)).toBeNull();
  });

  it('treats collinear (zero-area) and too-short rings as collapsed instead of throwing', () => {
    const flat: Position[] = [[0, 0], [1, 0], [2, 0], [0, 0]];
    const short: Position[] = [[0, 0], [1, 0], [0, 0]];
    expect(simplifyGeometry({ type: 'Polygon', coordinates: [flat] }, 0.001, 5)).toBeNull();
    expect(simplifyGeometry({ type: 'Polygon', coordinates: [short] }, 0.001, 5)).toBeNull();
    const withFlatHole: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 3, 3), [[1, 1], [1.5, 1], [2, 1], [1, 1]]] };
    expect(simplifyGeometry(withFlatHole, 0.001, 5)?.coordinates).toHaveLength(1);
  });

  it('closes rings that came unclosed', () => {
    const open: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const out = simplifyGeometry<Polygon>({ type: 'Polygon', coordinates: [open] }, 0, 5);
    expect(out?.coordinates[0]).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('leaves its input untouched', () => {
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[0, 0], [0.5, 0.000001], [1, 0], [1, 1], [0, 1], [0, 0]]]] };
    const before = JSON.stringify(g);
    simplifyGeometry(g, 0.01, 2);
    expect(JSON.stringify(g)).toBe(before);
  });

  it('rejects bad tolerances and decimals', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 1, 1)] };
    expect(() => simplifyGeometry(g, -0.1, 5)).toThrow(RangeError);
    expect(() => simplifyGeometry(g, NaN, 5)).toThrow(/invalid tolerance/);
    expect(() => simplifyGeometry(g, Infinity, 5)).toThrow(RangeError);
    expect(() => simplifyGeometry(g, 0.001, 1.5)).toThrow(/invalid decimals/);
  });

  it('shrinks the 105 real QPV of Occitanie into sound rings with nearly the same area', () => {
    const fc = JSON.parse(
      readSourceText('qpv-occitanie-2015/qp.geojson'),
    ) as FeatureCollection<Polygon>;
    let before = 0;
    let after = 0;
    let invalidBefore = 0;
    let areaBefore = 0;
    let areaAfter = 0;
    for (const f of fc.features) {
      const code = String(f.properties?.code_qp);
      const out = simplifyGeometry(f.geometry, 0.0002, 5);
      expect(out, code).not.toBeNull();
      expectSoundRings(out!);
      // ≈ 20 m tolerance: small or jagged districts move most (QP034013: 7.9 %).
      expect(Math.abs(area(out!) / area(f.geometry) - 1), code).toBeLessThan(0.1);
      areaBefore += area(f.geometry);
      areaAfter += area(out!);
      // The file is truncated to 4 decimals: 1,022 repeated points, and 27 polygons
      // self-intersect even once those are removed. Simplifying must not add any.
      const inputValid = booleanValid(cleanCoords(f.geometry));
      if (!inputValid) invalidBefore += 1;
      if (inputValid) expect(booleanValid(out!), code).toBe(true);
      before += f.geometry.coordinates.flat().length;
      after += out!.coordinates.flat().length;
    }
    expect(invalidBefore).toBe(27);
    expect(after).toBeLessThan(before * 0.6);
    expect(Math.abs(areaAfter / areaBefore - 1)).toBeLessThan(0.01);
  });
});
