import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { area, kinks } from '@turf/turf';
import { repairGeometry, rewindGeometry, selfIntersections, simplifyGeometry, validateGeometry } from '../../geo/index.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}

/** A repaired geometry, or the test fails naming what came back. */
function repaired(g: Polygon | MultiPolygon, decimals: number) {
  const out = repairGeometry(g, decimals);
  if (out === null || 'problem' in out) throw new Error(`expected a repair, got ${JSON.stringify(out)}`);
  return out;
}

describe('selfIntersections', () => {
  it('finds nothing in a square with a hole', () => {
    expect(selfIntersections({ type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01), box(2.003, 45.003, 2.007, 45.007).reverse()] })).toEqual([]);
  });

  it('finds the crossing of a bow tie once', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2.01, 45.01], [2.01, 45], [2, 45.01], [2, 45]]] };
    const points = selfIntersections(bowTie);
    expect(points).toHaveLength(1);
    expect(points[0]![0]).toBeCloseTo(2.005, 9);
    expect(points[0]![1]).toBeCloseTo(45.005, 9);
  });
});

describe('selfIntersections is turf kinks\' points, deduplicated, in kinks\' order', () => {
  function turfPoints(g: Polygon | MultiPolygon): Position[] {
    const seen = new Set<string>();
    return kinks(g).features.map((k) => k.geometry.coordinates).filter((p) => !seen.has(`${p[0]},${p[1]}`) && seen.add(`${p[0]},${p[1]}`));
  }

  it('on the QPV 2015 outlines of Occitanie, as given and simplified as the pipeline does (kinks appear)', () => {
    const qpv = JSON.parse(readFileSync(new URL('../../data-pipeline/sources/qpv-occitanie-2015/qp.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    let kinked = 0;
    for (const { geometry } of qpv.features) {
      for (const [tolerance, decimals] of [[0, 6], [0.00005, 5], [0.0005, 4], [0.002, 3]] as const) {
        const g = tolerance === 0 ? geometry : simplifyGeometry(rewindGeometry(geometry), tolerance, decimals);
        if (g === null) continue;
        const expected = turfPoints(g);
        expect(selfIntersections(g)).toEqual(expected);
        if (expected.length > 0) kinked += 1;
      }
    }
    expect(kinked).toBeGreaterThan(20);
  });

  it('across rings and parts, past the R-tree threshold (two 64-step circles crossing, a ring touching another)', () => {
    const ring = (cx: number, cy: number, r: number): Position[] => {
      const out: Position[] = [];
      for (let i = 0; i <= 64; i += 1) out.push([cx + r * Math.cos((2 * Math.PI * (i % 64)) / 64), cy + r * Math.sin((2 * Math.PI * (i % 64)) / 64)]);
      return out;
    };
    const crossing: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(2, 45, 0.01)], [ring(2.012, 45.003, 0.008), box(2.01, 45.0, 2.02, 45.01)]] };
    const expected = turfPoints(crossing);
    expect(expected.length).toBeGreaterThan(4);
    expect(selfIntersections(crossing)).toEqual(expected);
  });
});

describe('repairGeometry', () => {
  it('leaves a valid geometry alone (null)', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01)] };
    expect(repairGeometry(square, 5)).toBeNull();
  });

  it('rebuilds a self-crossing ring (a bow tie) as two simple lobes, area kept', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2.01, 45.01], [2.01, 45], [2, 45.01], [2, 45]]] };
    const { geometry, points, areaChange } = repaired(bowTie, 5);
    expect(points).toHaveLength(1);
    expect(kinks(geometry).features).toEqual([]);
    expect(validateGeometry(geometry)).toEqual([]);
    // Two triangles of a quarter of the 0.01° square each.
    const square = area({ type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01)] });
    expect(area(geometry) / (square / 2)).toBeCloseTo(1, 3);
    // turf reads the input's two lobes as cancelling out: no ratio to give.
    expect(areaChange).toBeNull();
  });

  it('pulls apart two parts that touch at a corner (valid for OGC, a kink for turf)', () => {
    const touching: MultiPolygon = { type: 'MultiPolygon', coordinates: [[box(2, 45, 2.01, 45.01)], [box(2.01, 45.01, 2.02, 45.02)]] };
    const before = area(touching);
    const { geometry, areaChange } = repaired(touching, 5);
    expect(kinks(geometry).features).toEqual([]);
    expect(validateGeometry(geometry)).toEqual([]);
    // A disc of 2 grid cells (≈ 2.2 m) is cut at the corner: a few square metres of ~1.2 km².
    expect(Math.abs(area(geometry) - before)).toBeLessThan(20);
    expect(Math.abs(areaChange!)).toBeLessThan(1e-4);
  });

  it('pulls a hole off the outer ring it touches', () => {
    const hole = [[2, 45.005], [2.004, 45.004], [2.004, 45.006], [2, 45.005]].reverse();
    const pinched: Polygon = { type: 'Polygon', coordinates: [box(2, 45, 2.01, 45.01), hole] };
    expect(selfIntersections(pinched).length).toBeGreaterThan(0);
    const { geometry, areaChange } = repaired(pinched, 5);
    expect(kinks(geometry).features).toEqual([]);
    expect(Math.abs(areaChange!)).toBeLessThan(0.001);
  });

  it('says so when nothing with area is left (a ring that only goes out and back)', () => {
    const spike: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2.01, 45], [2.01, 45.01], [2.01, 45], [2, 45]]] };
    expect(repairGeometry(spike, 5)).toEqual({ problem: expect.stringMatching(/^self-intersecting geometry \(\d+ points? first at .*\) has no area left once repaired$/) });
  });

  it('does not mutate its input', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[2, 45], [2.01, 45.01], [2.01, 45], [2, 45.01], [2, 45]]] };
    const copy = structuredClone(bowTie);
    repaired(bowTie, 5);
    expect(bowTie).toEqual(copy);
  });

  it('repairs the Occitanie 2015 QPV that self-intersect once simplified as published: 28, each within 0.1 % of its area, none left with a kink', () => {
    const file = JSON.parse(readFileSync('data-pipeline/sources/qpv-occitanie-2015/qp.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const fixed: string[] = [];
    for (const f of file.features) {
      // As build-qpv publishes them: ~5 m, 5 decimals.
      const simplified = simplifyGeometry(rewindGeometry(f.geometry), 0.00005, 5)!;
      const out = repairGeometry(simplified, 5);
      if (out === null) continue;
      if ('problem' in out) throw new Error(`${String(f.properties?.code_qp)}: ${out.problem}`);
      fixed.push(String(f.properties?.code_qp));
      expect(kinks(out.geometry).features, String(f.properties?.code_qp)).toEqual([]);
      expect(Math.abs(area(out.geometry) / area(simplified) - 1), String(f.properties?.code_qp)).toBeLessThan(0.001);
    }
    expect(fixed).toHaveLength(28);
    expect(fixed).toContain('QP034021');
  });
});
