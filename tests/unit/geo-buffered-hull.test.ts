import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { area, kinks, pointToPolygonDistance } from '@turf/turf';
import { bufferedHull, validateGeometry } from '../../geo/index.ts';

describe('bufferedHull', () => {
  it('is a disc of the radius around a single point (repeats count once)', () => {
    const g = bufferedHull([[1.44, 43.6], [1.44, 43.6]], 300);
    expect(g.type).toBe('Polygon');
    expect(validateGeometry(g)).toEqual([]);
    // 32 segments: the inscribed polygon has ~0.6 % less area than the circle.
    expect(area(g) / (Math.PI * 300 ** 2)).toBeCloseTo(1, 1);
    expect(pointToPolygonDistance([1.44, 43.6], g, { units: 'meters' })).toBeCloseTo(-300, -1);
  });

  it('is a band around two points', () => {
    const g = bufferedHull([[1.44, 43.6], [1.45, 43.6]], 300);
    expect(g.type).toBe('Polygon');
    const length = 805; // metres between the two points at 43.6° N
    expect(area(g) / (Math.PI * 300 ** 2 + 2 * 300 * length)).toBeCloseTo(1, 1);
  });

  it('covers the convex hull of several points with a margin of the radius, without self-intersection', () => {
    const points: Position[] = [[2.88, 42.69], [2.9, 42.7], [2.89, 42.72], [2.895, 42.705], [2.87, 42.71]];
    const g = bufferedHull(points, 300);
    expect(kinks(g).features).toEqual([]);
    for (const p of points) expect(pointToPolygonDistance(p, g, { units: 'meters' })).toBeLessThan(-290);
  });

  it('refuses no point, and a radius that is not a positive number of metres', () => {
    expect(() => bufferedHull([], 300)).toThrow('no point to cover');
    expect(() => bufferedHull([[1, 43]], 0)).toThrow('invalid buffer 0');
    expect(() => bufferedHull([[1, 43]], Number.NaN)).toThrow(RangeError);
  });
});
