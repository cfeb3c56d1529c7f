import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { destination, earthRadius, greatCircle, midpoint } from '@turf/turf';
import { distanceSearchBox, greatCircleBulgeDeg } from '../../geo/search-window.ts';
import { bboxContains } from '../../geo/bbox.ts';

const DEG_PER_METRE = 180 / Math.PI / earthRadius;

/** Points on the circle of `meters` around (lon, lat), every `step` degrees of bearing. */
function circle(lon: number, lat: number, meters: number, step = 5): [number, number][] {
  const out: [number, number][] = [];
  for (let bearing = -180; bearing < 180; bearing += step) {
    const [x = NaN, y = NaN] = destination([lon, lat], meters, bearing, { units: 'meters' }).geometry.coordinates;
    out.push([x, y]);
  }
  return out;
}

describe('distanceSearchBox', () => {
  it('is square in degrees on the equator', () => {
    const [minX, minY, maxX, maxY] = distanceSearchBox(0, 0, 1000);
    const d = 1000 * DEG_PER_METRE; // ≈ 0.0089932°
    expect(maxY - 0).toBeCloseTo(d, 8);
    expect(0 - minY).toBeCloseTo(d, 8);
    expect(maxX).toBeCloseTo(d, 8);
    expect(minX).toBeCloseTo(-d, 8);
  });

  it('widens in longitude with latitude: about 2× at 60° N, where a naive margin misses', () => {
    const [minX, , maxX, maxY] = distanceSearchBox(2, 60, 300);
    const dLat = maxY - 60;
    expect((maxX - minX) / 2 / dLat).toBeCloseTo(2, 4);
    // A point 299 m due east is 0.0054° of longitude away: outside a latitude-sized margin.
    const [eastX = NaN] = destination([2, 60], 299, 90, { units: 'meters' }).geometry.coordinates;
    expect(eastX - 2).toBeGreaterThan(dLat);
    expect(eastX).toBeLessThan(maxX);
  });

  it.each([
    ['Paris', 2.35, 48.85],
    ['Réunion', 55.45, -21.1],
    ['Guyane', -52.33, 4.94],
    ['Mayotte', 45.23, -12.78],
    ['Lapland', 25.7, 68.9],
  ])('holds the whole circle of radius r, and is tight (%s)', (_name, lon, lat) => {
    for (const meters of [1, 300, 3000, 50_000]) {
      const box = distanceSearchBox(lon, lat, meters);
      const pts = circle(lon, lat, meters, 1);
      for (const [x, y] of pts) expect(bboxContains(box, x, y)).toBe(true);
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      // Tight: the extreme points of the circle touch the box (1° bearing steps).
      expect(box[2] - Math.max(...xs)).toBeLessThan(1e-4 * (box[2] - lon) + 1e-8);
      expect(Math.min(...xs) - box[0]).toBeLessThan(1e-4 * (lon - box[0]) + 1e-8);
      expect(box[3] - Math.max(...ys)).toBeLessThan(1e-8);
      expect(Math.min(...ys) - box[1]).toBeLessThan(1e-8);
    }
  });

  it('takes every longitude when the circle reaches a pole', () => {
    expect(distanceSearchBox(10, 89.99, 5000)).toEqual([-180, expect.any(Number), 180, 90]);
    expect(distanceSearchBox(10, -89.99, 5000)).toEqual([-180, -90, 180, expect.any(Number)]);
  });

  it('gives (almost) the point itself for 0 m', () => {
    const [minX, minY, maxX, maxY] = distanceSearchBox(2.35, 48.85, 0);
    expect(maxX - minX).toBeLessThan(1e-8);
    expect(maxY - minY).toBeLessThan(1e-8);
    expect(bboxContains([minX, minY, maxX, maxY], 2.35, 48.85)).toBe(true);
  });

  it('rejects bad distances and points', () => {
    expect(() => distanceSearchBox(2, 48, -1)).toThrow(RangeError);
    expect(() => distanceSearchBox(2, 48, NaN)).toThrow(/invalid distance NaN/);
    expect(() => distanceSearchBox(2, 48, Infinity)).toThrow(RangeError);
    expect(() => distanceSearchBox(NaN, 48, 10)).toThrow(/invalid point/);
    expect(() => distanceSearchBox(2, 91, 10)).toThrow(RangeError);
  });
});

describe('greatCircleBulgeDeg', () => {
  it('is 0 for meridian edges and for repeated points', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2, 46], [2, 46], [2, 45]]] };
    expect(greatCircleBulgeDeg(g)).toBe(0);
  });

  it('equals the great-circle midpoint excess of an east–west edge', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[0, 60], [1, 60], [1, 59], [0, 60]]] };
    const [, midLat = NaN] = midpoint([0, 60], [1, 60]).geometry.coordinates;
    expect(greatCircleBulgeDeg(g)).toBeCloseTo(midLat - 60, 10);
    expect(greatCircleBulgeDeg(g)).toBeGreaterThan(0.0009); // ≈ 105 m
  });

  it('bounds the latitude of every point of every great-circle edge', () => {
    const ring: [number, number][] = [[-4, 48], [8, 49.5], [9, 42], [-1, 43], [-4, 48]];
    const g: Polygon = { type: 'Polygon', coordinates: [ring] };
    const bulge = greatCircleBulgeDeg(g);
    const ys = ring.map((p) => p[1]);
    for (let i = 1; i < ring.length; i += 1) {
      const arc = greatCircle(ring[i - 1]!, ring[i]!, { npoints: 200 });
      const coords = arc.geometry.type === 'LineString' ? arc.geometry.coordinates : arc.geometry.coordinates.flat();
      for (const [, y = NaN] of coords) {
        expect(y).toBeLessThanOrEqual(Math.max(...ys) + bulge + 1e-12);
        expect(y).toBeGreaterThanOrEqual(Math.min(...ys) - bulge - 1e-12);
      }
    }
  });

  it('is negligible for QPV-sized edges (100 m) at French latitudes', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[1.44, 43.6], [1.4413, 43.6], [1.4413, 43.601], [1.44, 43.6]]] };
    expect(greatCircleBulgeDeg(g)).toBeLessThan(1e-8);
  });

  it('gives up (90°) for edges spanning 180° of longitude or more, and on NaN', () => {
    expect(greatCircleBulgeDeg({ type: 'Polygon', coordinates: [[[-100, 10], [100, 10], [0, 20], [-100, 10]]] })).toBe(90);
    expect(greatCircleBulgeDeg({ type: 'Polygon', coordinates: [[[0, 10], [NaN, 10], [0, 20], [0, 10]]] })).toBe(90);
  });

  it('is 0 for an empty geometry', () => {
    expect(greatCircleBulgeDeg({ type: 'MultiPolygon', coordinates: [] })).toBe(0);
  });
});
