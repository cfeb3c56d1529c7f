import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import { representativePoint } from '../../geo/centroid.ts';
import { GeometryError } from '../../geo/validate-geometry.ts';
import { readSourceText } from '../support/source-files.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

function strictlyInside(p: [number, number], g: Polygon | MultiPolygon): boolean {
  return booleanPointInPolygon(p, g, { ignoreBoundary: true });
}

describe('representativePoint', () => {
  it('is the centroid when the centroid is inside', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01)] };
    const [x, y] = representativePoint(g);
    expect(x).toBeCloseTo(2.005, 12);
    expect(y).toBeCloseTo(45.005, 12);
  });

  it('stays inside a U-shaped polygon whose centroid is outside', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(strictlyInside(centroid(u).geometry.coordinates as [number, number], u)).toBe(false);
    expect(strictlyInside(representativePoint(u), u)).toBe(true);
  });

  it('is never in a hole (ring-shaped district)', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01), box(2.001, 45.001, 2.009, 45.009).reverse()] };
    const p = representativePoint(donut);
    expect(strictlyInside(p, donut)).toBe(true);
  });

  it('lands in the largest part of a MultiPolygon (Réunion, not the islet)', () => {
    const islet = box(55.0, -21.0, 55.01, -20.99);
    const main = box(55.2, -21.4, 55.8, -20.9);
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[islet], [main]] };
    const p = representativePoint(g);
    expect(strictlyInside(p, { type: 'Polygon', coordinates: [main] })).toBe(true);
  });

  it('uses area, not vertex count, to pick the part (Guyane vs a detailed small part)', () => {
    const detailed: Position[] = [];
    for (let i = 0; i < 200; i += 1) {
      const a = (2 * Math.PI * i) / 200;
      detailed.push([-52.3 + 0.001 * Math.cos(a), 4.9 + 0.001 * Math.sin(a)]);
    }
    detailed.push(detailed[0]!);
    const big = box(-54.0, 3.0, -53.0, 4.0);
    const p = representativePoint({ type: 'MultiPolygon', coordinates: [[detailed], [big]] });
    expect(strictlyInside(p, { type: 'Polygon', coordinates: [big] })).toBe(true);
  });

  it('skips empty MultiPolygon parts', () => {
    const p = representativePoint({ type: 'MultiPolygon', coordinates: [[], [box(45.1, -12.9, 45.2, -12.7)]] });
    expect(p[0]).toBeCloseTo(45.15, 10);
    expect(p[1]).toBeCloseTo(-12.8, 10);
  });

  it('throws a GeometryError for an empty geometry', () => {
    expect(() => representativePoint({ type: 'Polygon', coordinates: [] })).toThrow(GeometryError);
    expect(() => representativePoint({ type: 'MultiPolygon', coordinates: [] })).toThrow(/empty MultiPolygon/);
    expect(() => representativePoint({ type: 'MultiPolygon', coordinates: [[]] })).toThrow(GeometryError);
    expect(() => representativePoint({ type: 'Polygon', coordinates: [[]] })).toThrow(GeometryError);
  });

  it('falls back to a vertex for a ring with no area, without throwing', () => {
    const flat: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [2, 0], [0, 0]]] };
    const p = representativePoint(flat);
    expect(flat.coordinates[0]).toContainEqual(p);
  });

  it('is strictly inside every real QPV and host commune, 23 of which have their centroid outside', () => {
    let centroidOutside = 0;
    for (const file of ['qp.geojson', 'communes.geojson']) {
      const fc = JSON.parse(
        readSourceText(`qpv-occitanie-2015/${file}`),
      ) as FeatureCollection<Polygon | MultiPolygon>;
      for (const f of fc.features) {
        expect(strictlyInside(representativePoint(f.geometry), f.geometry)).toBe(true);
        if (!strictlyInside(centroid(f.geometry).geometry.coordinates as [number, number], f.geometry)) centroidOutside += 1;
      }
    }
    // 21 QPV (e.g. QP030001) and 2 communes (Auch, Sète): turf pointOnFeature would
    // have returned a boundary vertex for each.
    expect(centroidOutside).toBe(23);
  });
});
