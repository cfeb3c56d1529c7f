import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import { interiorPoint } from '../../geo/interior-point.ts';
import { readSourceText } from '../support/source-files.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

function strictlyInside(p: [number, number] | null, rings: Position[][]): boolean {
  return p !== null && booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings }, { ignoreBoundary: true });
}

/** Star-shaped random polygon around (cx, cy): never self-intersecting. */
function star(random: () => number, cx: number, cy: number, radius: number, n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i += 1) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (0.15 + 0.85 * random());
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('interiorPoint', () => {
  it('takes the middle of a square', () => {
    expect(interiorPoint([box(0, 0, 1, 1)])).toEqual([0.5, 0.5]);
  });

  it('avoids scanning through a vertex (diamond with vertices at mid-height)', () => {
    const diamond: Position[] = [[0, -1], [1, 0], [0, 1], [-1, 0], [0, -1]];
    const p = interiorPoint([diamond]);
    expect(p?.[1]).toBe(0.5);
    expect(strictlyInside(p, [diamond])).toBe(true);
  });

  it('finds the inside of a U shape whose centroid is outside', () => {
    const u: Position[] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const c = centroid({ type: 'Polygon', coordinates: [u] }).geometry.coordinates as [number, number];
    expect(strictlyInside(c, [u])).toBe(false);
    expect(strictlyInside(interiorPoint([u]), [u])).toBe(true);
  });

  it('steps over a hole (ring-shaped district)', () => {
    const rings = [box(0, 0, 10, 10), box(1, 1, 9, 9).reverse()];
    const p = interiorPoint(rings);
    expect(strictlyInside(p, rings)).toBe(true);
    expect(p?.[0]).toBeLessThan(1);
  });

  it('picks the widest stretch', () => {
    // A comb: thin tooth on the left (x 0–1), wide body on the right (x 3–10).
    const comb: Position[] = [[0, 0], [10, 0], [10, 10], [3, 10], [3, 2], [1, 2], [1, 10], [0, 10], [0, 0]];
    const p = interiorPoint([comb]);
    expect(p?.[0]).toBe(6.5);
    expect(strictlyInside(p, [comb])).toBe(true);
  });

  it('works with outre-mer coordinates (negative lon or lat)', () => {
    const reunion = box(55.2, -21.4, 55.8, -20.9);
    const guyane = box(-54.6, 2.1, -51.6, 5.8);
    expect(strictlyInside(interiorPoint([reunion]), [reunion])).toBe(true);
    expect(strictlyInside(interiorPoint([guyane]), [guyane])).toBe(true);
  });

  it('returns null for degenerate input', () => {
    expect(interiorPoint([])).toBeNull();
    expect(interiorPoint([[]])).toBeNull();
    expect(interiorPoint([[[0, 0], [1, 0], [2, 0], [0, 0]]])).toBeNull(); // flat
    expect(interiorPoint([[[0, 0], [NaN, NaN], [1, 1], [0, 0]]])).toBeNull();
    expect(interiorPoint([[[0, 0], [1, NaN], [1, 1], [0, 1], [0, 0]]])).toBeNull();
  });

  it('is strictly inside 1,000 random star polygons, with and without a hole', () => {
    const random = mulberry32(2024);
    for (let k = 0; k < 1000; k += 1) {
      const outer = star(random, 2, 45, 0.01, 5 + Math.floor(random() * 40));
      const rings = k % 2 === 0 ? [outer] : [outer, box(1.9995, 44.9995, 2.0005, 45.0005).reverse()];
      expect(strictlyInside(interiorPoint(rings), rings)).toBe(true);
    }
  });

  it('is strictly inside every real QPV and every part of every host commune of Occitanie', () => {
    for (const file of ['qp.geojson', 'communes.geojson']) {
      const fc = JSON.parse(
        readSourceText(`qpv-occitanie-2015/${file}`),
      ) as FeatureCollection<Polygon | MultiPolygon>;
      for (const f of fc.features) {
        const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const rings of parts) expect(strictlyInside(interiorPoint(rings), rings)).toBe(true);
      }
    }
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
