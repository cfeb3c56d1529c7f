import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area } from '@turf/turf';
import { unionPolygons } from '../../geo/index.ts';
import { validateGeometry } from '../../geo/validate-geometry.ts';

function box(minX: number, minY: number, maxX: number, maxY: number): Polygon {
  const ring: Position[] = [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
  return { type: 'Polygon', coordinates: [ring] };
}

describe('unionPolygons', () => {
  it('dissolves the shared edge of two adjacent squares into one polygon of their total area', () => {
    const west = box(2.0, 48.0, 2.1, 48.1);
    const east = box(2.1, 48.0, 2.2, 48.1);
    const merged = unionPolygons([west, east])!;
    expect(merged.type).toBe('Polygon');
    expect(validateGeometry(merged)).toEqual([]);
    expect(area(merged)).toBeCloseTo(area(west) + area(east), -2);
    // One outer ring, no hole, the shared vertices gone: the rectangle's 4 corners (+ closing).
    expect((merged as Polygon).coordinates).toHaveLength(1);
    expect((merged as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('keeps disjoint polygons apart as a MultiPolygon (a commune of métropole and one of Réunion)', () => {
    const merged = unionPolygons([box(2.0, 48.0, 2.1, 48.1), box(55.4, -21.0, 55.5, -20.9)]);
    expect(merged?.type).toBe('MultiPolygon');
    expect((merged as MultiPolygon).coordinates).toHaveLength(2);
  });

  it('merges a MultiPolygon with a polygon bridging its parts', () => {
    const parts: MultiPolygon = { type: 'MultiPolygon', coordinates: [box(0, 0, 1, 1).coordinates, box(2, 0, 3, 1).coordinates] };
    const merged = unionPolygons([parts, box(1, 0, 2, 1)])!;
    expect(merged.type).toBe('Polygon');
    expect(area(merged)).toBeCloseTo(area(box(0, 0, 3, 1)), -3);
  });

  it('returns null for no geometry, and a copy of a single one', () => {
    expect(unionPolygons([])).toBeNull();
    const single = box(2.0, 48.0, 2.1, 48.1);
    const out = unionPolygons([single]);
    expect(out).toEqual(single);
    expect(out).not.toBe(single);
  });

  it('does not mutate its inputs', () => {
    const west = box(2.0, 48.0, 2.1, 48.1);
    const east = box(2.1, 48.0, 2.2, 48.1);
    const before = structuredClone([west, east]);
    unionPolygons([west, east]);
    expect([west, east]).toEqual(before);
  });
});
