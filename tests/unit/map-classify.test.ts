import { describe, expect, it } from 'vitest';
import { classify, classIndex } from '../../src/map/classify.ts';
import { hexToRgba, NO_DATA_COLOUR, palette } from '../../src/map/palettes.ts';

const clustered = [1, 1.1, 1.2, 10, 10.5, 11, 50, 51];

describe('classify', () => {
  it('quantiles: classes of equal size, bounds from the data', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const { bounds, counts } = classify(values, 'quantiles', 4);
    expect(counts).toEqual([25, 25, 25, 25]);
    expect(bounds[0]).toBe(1);
    expect(bounds[4]).toBe(100);
  });

  it('equal intervals: bounds evenly spaced between min and max', () => {
    const { bounds, counts } = classify([0, 1, 2, 9, 10], 'egales', 5);
    expect(bounds).toEqual([0, 2, 4, 6, 8, 10]);
    expect(counts).toEqual([2, 1, 0, 0, 2]);
  });

  it('Jenks: natural breaks find clusters', () => {
    const { bounds, counts } = classify(clustered, 'jenks', 3);
    expect(counts).toEqual([3, 3, 2]);
    expect(bounds[0]).toBe(1);
    expect(bounds.at(-1)).toBe(51);
  });

  it('every value falls in exactly one class; counts add up', () => {
    for (const method of ['quantiles', 'egales', 'jenks'] as const) {
      for (let k = 3; k <= 7; k++) {
        const values = Array.from({ length: 57 }, (_, i) => Math.round(Math.sin(i) * 1000) / 10);
        const { bounds, counts } = classify(values, method, k);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(57);
        for (let i = 1; i < bounds.length; i++) expect(bounds[i]!).toBeGreaterThan(bounds[i - 1]!);
      }
    }
  });

  it('fewer distinct values than classes: fewer classes, never an empty duplicate', () => {
    expect(classify([5, 5, 5], 'quantiles', 5)).toEqual({ bounds: [5, 5], counts: [3] });
    expect(classify([1, 2], 'jenks', 5).counts).toEqual([1, 1]);
    expect(classify([], 'quantiles', 5)).toEqual({ bounds: [], counts: [] });
  });

  it('ignores non-finite values (n.d. is counted apart)', () => {
    expect(classify([1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3], 'egales', 3).counts).toEqual([1, 1, 1]);
  });
});

describe('classIndex', () => {
  const bounds = [0, 10, 20, 30];
  it('puts a bound in the upper class, the maximum in the last class, null in none', () => {
    expect(classIndex(0, bounds)).toBe(0);
    expect(classIndex(9.99, bounds)).toBe(0);
    expect(classIndex(10, bounds)).toBe(1);
    expect(classIndex(30, bounds)).toBe(2);
    expect(classIndex(null, bounds)).toBe(-1);
    expect(classIndex(Number.NaN, bounds)).toBe(-1);
    expect(classIndex(5, [])).toBe(-1);
  });
});

describe('palette', () => {
  it('is red where it is worse: rising for hausse_defavorable, falling for hausse_favorable', () => {
    const worse = palette('hausse_defavorable', 5);
    const better = palette('hausse_favorable', 5);
    expect(worse).toHaveLength(5);
    expect(better).toEqual([...worse].reverse());
    const redness = (hex: string) => hexToRgba(hex)[0] - hexToRgba(hex)[2];
    expect(redness(worse[4]!)).toBeGreaterThan(redness(worse[0]!) - 200);
    expect(hexToRgba(worse[4]!)[1]).toBeLessThan(hexToRgba(worse[0]!)[1]);
  });

  it('uses blues for neutral figures and a distinct grey for n.d.', () => {
    const [r, , b] = hexToRgba(palette('neutre', 5)[4]!);
    expect(b).toBeGreaterThan(r);
    expect(palette('neutre', 7)).not.toContain(NO_DATA_COLOUR);
    expect(hexToRgba('#c8c8c8', 10)).toEqual([200, 200, 200, 10]);
  });
});
