import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../geo/distance.ts';
import { type LonLat, PointIndex } from '../../geo/point-index.ts';

/** A fixed pseudo-random sequence (mulberry32), so the brute-force cases are the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (from: LonLat, meters: number, bearing: number): LonLat => {
  const [lon = NaN, lat = NaN] = destination([from[0], from[1]], meters, bearing, { units: 'meters' }).geometry.coordinates;
  return [lon, lat];
};

function bruteNearest(points: readonly LonLat[], q: LonLat): { index: number; meters: number } | null {
  let best: { index: number; meters: number } | null = null;
  points.forEach((p, index) => {
    const meters = haversineMeters(q, p);
    if (Number.isFinite(meters) && (best === null || meters < best.meters)) best = { index, meters };
  });
  return best;
}

describe('PointIndex.nearest', () => {
  it('finds the great-circle nearest where the nearest in degrees is another point (60° N)', () => {
    const q: LonLat = [5, 60];
    // 0.01° of longitude is ~556 m at 60° N, 0.008° of latitude ~890 m: in degrees the second is nearer.
    const points: LonLat[] = [[5.01, 60], [5, 60.008]];
    expect(Math.hypot(0.01, 0)).toBeGreaterThan(Math.hypot(0, 0.008));
    const found = new PointIndex(points).nearest(...q);
    expect(found?.index).toBe(0);
    expect(found?.meters).toBeCloseTo(haversineMeters(q, points[0]!), 6);
  });

  it('gives 0 m for a point of the index, and the lowest index on a tie', () => {
    const p: LonLat = [1.44, 43.6];
    const points = [at(p, 500, 90), p, p, at(p, 500, 270)];
    expect(new PointIndex(points).nearest(...p)).toEqual({ index: 1, meters: 0 });
    // Two points at the same distance, east and west.
    expect(new PointIndex([points[3]!, points[0]!]).nearest(...p)?.index).toBe(0);
  });

  it('agrees with brute force on 2,000 random queries over 300 points (métropole, Réunion)', () => {
    const next = random(42);
    const points: LonLat[] = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? [55.2 + next() * 0.6, -21.4 + next() * 0.5] : [-5 + next() * 13, 42 + next() * 9]));
    const index = new PointIndex(points);
    for (let k = 0; k < 2000; k += 1) {
      const q: LonLat = k % 10 === 0 ? [55.2 + next() * 0.6, -21.4 + next() * 0.5] : [-5 + next() * 13, 42 + next() * 9];
      expect(index.nearest(...q)).toEqual(bruteNearest(points, q));
    }
  });

  it('skips points that are not on earth, and answers null when there is none or for a bad query', () => {
    const points: LonLat[] = [[NaN, 45], [2, 95], [2, 45]];
    const index = new PointIndex(points);
    expect(index.size).toBe(3);
    expect(index.nearest(2.1, 45)?.index).toBe(2);
    expect(new PointIndex([]).nearest(2, 45)).toBeNull();
    expect(new PointIndex([[NaN, NaN]]).nearest(2, 45)).toBeNull();
    expect(index.nearest(NaN, 45)).toBeNull();
    expect(index.nearest(2, 91)).toBeNull();
  });
});

describe('PointIndex.withinDistance', () => {
  const centre: LonLat = [-1.68, 48.11];
  const points: LonLat[] = [at(centre, 999, 10), at(centre, 1001, 100), at(centre, 2999, 200), at(centre, 4999.9, 300), at(centre, 5001, 45), centre];

  it('lists the points within a radius, indices ascending, the point itself included', () => {
    const index = new PointIndex(points);
    expect(index.withinDistance(...centre, 1000)).toEqual([0, 5]);
    expect(index.withinDistance(...centre, 3000)).toEqual([0, 1, 2, 5]);
    expect(index.withinDistance(...centre, 5000)).toEqual([0, 1, 2, 3, 5]);
    expect(index.withinDistance(...centre, 0)).toEqual([5]);
  });

  it('includes a point exactly at the radius', () => {
    const index = new PointIndex(points);
    const exact = haversineMeters(centre, points[1]!);
    expect(index.withinDistance(...centre, exact)).toContain(1);
  });

  it('agrees with brute force on random radii', () => {
    const next = random(7);
    const many: LonLat[] = Array.from({ length: 400 }, () => [1 + next() * 0.5, 43.4 + next() * 0.4]);
    const index = new PointIndex(many);
    for (let k = 0; k < 300; k += 1) {
      const q: LonLat = [1 + next() * 0.5, 43.4 + next() * 0.4];
      const r = next() * 8000;
      const brute = many.flatMap((p, i) => (haversineMeters(q, p) <= r ? [i] : []));
      expect(index.withinDistance(...q, r)).toEqual(brute);
    }
  });

  it('refuses a negative or infinite radius, even on an empty index', () => {
    expect(() => new PointIndex(points).withinDistance(...centre, -1)).toThrow(RangeError);
    expect(() => new PointIndex([]).withinDistance(...centre, Infinity)).toThrow(RangeError);
    expect(new PointIndex(points).withinDistance(NaN, 48, 1000)).toEqual([]);
  });
});
