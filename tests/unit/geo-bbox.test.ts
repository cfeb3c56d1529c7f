import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { EMPTY_BBOX, type BBox, bboxContains, geometryBBox, isEmptyBBox, unionBBox } from '../../geo/bbox.ts';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[2, 45], [3, 45], [3, 46], [2, 46], [2, 45]]],
};

describe('geometryBBox', () => {
  it('spans the vertices of a Polygon', () => {
    expect(geometryBBox(square)).toEqual([2, 45, 3, 46]);
  });

  it('spans every part of a MultiPolygon (a hole cannot widen it)', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
          [[2, 2], [2, 8], [8, 8], [8, 2], [2, 2]],
        ],
        [[[55.2, -21.4], [55.8, -21.4], [55.8, -20.9], [55.2, -21.4]]],
      ],
    };
    expect(geometryBBox(g)).toEqual([0, -21.4, 55.8, 10]);
  });

  it('handles negative coordinates (Guyane, west and north of 0)', () => {
    const guyane: Polygon = {
      type: 'Polygon',
      coordinates: [[[-52.4, 4.9], [-52.3, 4.9], [-52.3, 5.0], [-52.4, 4.9]]],
    };
    expect(geometryBBox(guyane)).toEqual([-52.4, 4.9, -52.3, 5.0]);
  });

  it('ignores z and returns exactly four numbers', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [[[1, 2, 100], [4, 2, -5], [4, 6, 0], [1, 2, 100]]] };
    const b = geometryBBox(g);
    expect(b).toHaveLength(4);
    expect(b).toEqual([1, 2, 4, 6]);
  });

  it('ignores a stale bbox member carried by the input', () => {
    const stale: Polygon = { ...square, bbox: [0, 0, 1, 1] };
    expect(geometryBBox(stale)).toEqual([2, 45, 3, 46]);
  });

  it('gives the empty box for an empty geometry', () => {
    const b = geometryBBox({ type: 'Polygon', coordinates: [] });
    expect(b).toEqual([...EMPTY_BBOX]);
    expect(isEmptyBBox(b)).toBe(true);
    expect(isEmptyBBox(geometryBBox({ type: 'MultiPolygon', coordinates: [] }))).toBe(true);
  });
});

describe('unionBBox', () => {
  it('covers both boxes', () => {
    expect(unionBBox([0, 0, 1, 1], [2, -1, 3, 0.5])).toEqual([0, -1, 3, 1]);
  });

  it('is commutative and idempotent', () => {
    const a: BBox = [-61.8, 15.8, -61.0, 16.5];
    const b: BBox = [55.2, -21.4, 55.8, -20.9];
    expect(unionBBox(a, b)).toEqual(unionBBox(b, a));
    expect(unionBBox(a, a)).toEqual(a);
  });

  it('has the empty box as neutral element', () => {
    const a: BBox = [1, 2, 3, 4];
    expect(unionBBox([...EMPTY_BBOX], a)).toEqual(a);
    expect(unionBBox(a, [...EMPTY_BBOX])).toEqual(a);
    expect(isEmptyBBox(unionBBox([...EMPTY_BBOX], [...EMPTY_BBOX]))).toBe(true);
  });

  it('does not mutate its inputs', () => {
    const a: BBox = [0, 0, 1, 1];
    unionBBox(a, [5, 5, 6, 6]);
    expect(a).toEqual([0, 0, 1, 1]);
  });
});

describe('isEmptyBBox / bboxContains', () => {
  it('a degenerate point box is not empty and contains its point', () => {
    expect(isEmptyBBox([1, 1, 1, 1])).toBe(false);
    expect(bboxContains([1, 1, 1, 1], 1, 1)).toBe(true);
  });

  it('NaN boxes are empty; NaN points are never contained', () => {
    expect(isEmptyBBox([NaN, 0, 1, 1])).toBe(true);
    expect(bboxContains([0, 0, 1, 1], NaN, 0.5)).toBe(false);
    expect(bboxContains([0, 0, 1, 1], 0.5, NaN)).toBe(false);
  });

  it('is closed: edges and corners are inside', () => {
    const b: BBox = [0, 0, 1, 1];
    expect(bboxContains(b, 0, 0)).toBe(true);
    expect(bboxContains(b, 1, 0.5)).toBe(true);
    expect(bboxContains(b, 1.0000001, 0.5)).toBe(false);
    expect(bboxContains([...EMPTY_BBOX], 0, 0)).toBe(false);
  });
});
