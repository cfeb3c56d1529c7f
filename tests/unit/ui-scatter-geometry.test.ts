import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/domain/cross-filter.ts';
import { brushAfterKey, brushKey, handleValue, insideBrush, linearScale, NO_BRUSH, pointIndex, rangesOfRect, rectOfRanges } from '../../src/ui/cross-filter/scatter-geometry.ts';

// A plot area from x 40 to 240 px and y 20 (top) to 220 (bottom) px.
const xDomain: Range = [0, 100];
const yDomain: Range = [0, 10_000];
const x = linearScale(xDomain, [40, 240]);
const y = linearScale(yDomain, [220, 20]);
/** The ranges of the rectangle from (left, top) to (right, bottom). */
const read = (left: number, top: number, right: number, bottom: number) =>
  rangesOfRect(
    [
      [left, top],
      [right, bottom],
    ],
    x,
    y,
    xDomain,
    yDomain,
  );

describe('linearScale', () => {
  it('maps the domain onto the range and back, a downward range included', () => {
    expect(x.apply(0)).toBe(40);
    expect(x.apply(50)).toBe(140);
    expect(x.invert(240)).toBe(100);
    expect(y.apply(0)).toBe(220);
    expect(y.apply(10_000)).toBe(20);
    expect(y.invert(120)).toBe(5000);
  });

  it('puts every value of a one-value domain in the middle, and reads any pixel as that value', () => {
    const flat = linearScale([7, 7], [0, 100]);
    expect(flat.apply(7)).toBe(50);
    expect(flat.invert(3)).toBe(7);
  });
});

describe('brush rectangle ↔ ranges', () => {
  it('reads the rectangle top as the high y bound (the y axis runs upwards)', () => {
    const brush = read(90, 70, 190, 170);
    expect(brush.x).toEqual([25, 75]);
    expect(brush.y).toEqual([2500, 7500]);
  });

  it('gives back the rectangle it was read from', () => {
    const rect = rectOfRanges({ x: [25, 75], y: [2500, 7500] }, x, y, xDomain, yDomain);
    expect(rect).toEqual([
      [90, 70],
      [190, 170],
    ]);
  });

  it('spans the whole domain of an axis the brush leaves open; no rectangle for no brush', () => {
    expect(rectOfRanges({ x: [25, 75], y: null }, x, y, xDomain, yDomain)).toEqual([
      [90, 20],
      [190, 220],
    ]);
    expect(rectOfRanges(NO_BRUSH, x, y, xDomain, yDomain)).toBeNull();
  });

  it('reads no rectangle, or one too thin to be meant (a click), as no brush', () => {
    expect(rangesOfRect(null, x, y, xDomain, yDomain)).toEqual(NO_BRUSH);
    expect(
      read(90, 70, 90.5, 170),
    ).toEqual(NO_BRUSH);
  });

  it('clamps a rectangle reaching past the plot area to the domains', () => {
    expect(read(0, 0, 300, 300)).toEqual({ x: [0, 100], y: [0, 10_000] });
  });
});

describe('insideBrush and brushKey', () => {
  it('keeps the bounds, and every point when nothing is brushed', () => {
    const brush = { x: [25, 75] as Range, y: [2500, 7500] as Range };
    expect(insideBrush(brush, 25, 7500)).toBe(true);
    expect(insideBrush(brush, 24.9, 5000)).toBe(false);
    expect(insideBrush(brush, 50, 7501)).toBe(false);
    expect(insideBrush(NO_BRUSH, -1, 1e9)).toBe(true);
  });

  it('writes the brush as lo~hi,lo~hi, empty when cleared', () => {
    expect(brushKey({ x: [1, 2], y: [3, 4] })).toBe('1~2,3~4');
    expect(brushKey(NO_BRUSH)).toBe('');
  });
});

describe('brushAfterKey (the four keyboard handles)', () => {
  it('moves a bound by 1/20 of its domain, five times as far with Shift, and leaves the other axis unbrushed', () => {
    expect(brushAfterKey(NO_BRUSH, 'x0', 'ArrowRight', false, xDomain, yDomain)).toEqual({ x: [5, 100], y: null });
    expect(brushAfterKey(NO_BRUSH, 'y1', 'ArrowDown', true, xDomain, yDomain)).toEqual({ x: null, y: [0, 7500] });
    expect(brushAfterKey({ x: [20, 60], y: [1000, 2000] }, 'x1', 'ArrowLeft', false, xDomain, yDomain)).toEqual({ x: [20, 55], y: [1000, 2000] });
    expect(brushAfterKey({ x: [20, 60], y: [1000, 2000] }, 'y0', 'ArrowUp', false, xDomain, yDomain)).toEqual({ x: [20, 60], y: [1500, 2000] });
  });

  it('never lets a bound cross the other one of its axis, nor leave the domain', () => {
    expect(brushAfterKey({ x: [20, 22], y: [0, 100] }, 'x0', 'ArrowRight', true, xDomain, yDomain)).toEqual({ x: [22, 22], y: [0, 100] });
    expect(brushAfterKey({ x: [2, 50], y: [0, 100] }, 'x0', 'ArrowLeft', false, xDomain, yDomain)).toEqual({ x: [0, 50], y: [0, 100] });
    expect(brushAfterKey({ x: [2, 100], y: [0, 100] }, 'x0', 'ArrowLeft', false, xDomain, yDomain)).toEqual({ x: null, y: [0, 100] });
  });

  it('sends a bound to its end with Home / End, and clears with Échap', () => {
    expect(brushAfterKey({ x: [20, 60], y: [1000, 2000] }, 'y1', 'End', false, xDomain, yDomain)).toEqual({ x: [20, 60], y: [1000, 10_000] });
    expect(brushAfterKey({ x: [20, 60], y: [1000, 2000] }, 'x0', 'Home', false, xDomain, yDomain)).toEqual({ x: [0, 60], y: [1000, 2000] });
    expect(brushAfterKey({ x: [20, 60], y: [1000, 2000] }, 'x0', 'Escape', false, xDomain, yDomain)).toEqual(NO_BRUSH);
  });

  it('reads a rectangle covering both whole domains as no brush', () => {
    expect(brushAfterKey({ x: [0, 100], y: [0, 9500] }, 'y1', 'ArrowUp', false, xDomain, yDomain)).toEqual(NO_BRUSH);
  });

  it('leaves other keys to the page', () => {
    expect(brushAfterKey(NO_BRUSH, 'x0', 'Tab', false, xDomain, yDomain)).toBeUndefined();
    expect(brushAfterKey(NO_BRUSH, 'x0', 'a', false, xDomain, yDomain)).toBeUndefined();
  });

  it('shows each handle at its bound, or at its domain end on an open axis', () => {
    const brush = { x: [20, 60] as Range, y: null };
    expect(handleValue(brush, 'x0', xDomain, yDomain)).toBe(20);
    expect(handleValue(brush, 'x1', xDomain, yDomain)).toBe(60);
    expect(handleValue(brush, 'y0', xDomain, yDomain)).toBe(0);
    expect(handleValue(brush, 'y1', xDomain, yDomain)).toBe(10_000);
  });
});

describe('pointIndex', () => {
  const xs = [10, 50, 52, 200];
  const ys = [10, 50, 50, 200];
  const index = pointIndex(xs, ys);

  it('finds the nearest point within the distance', () => {
    expect(index.nearest(12, 12, 12)).toBe(0);
    expect(index.nearest(50.9, 50, 12)).toBe(1);
    expect(index.nearest(51.1, 50, 12)).toBe(2);
  });

  it('finds none farther than the distance, nor in an empty chart', () => {
    expect(index.nearest(120, 120, 12)).toBe(-1);
    expect(index.nearest(210, 200, 9.9)).toBe(-1);
    expect(pointIndex([], []).nearest(0, 0, 12)).toBe(-1);
  });

  it('answers among 11,100 points as a brute-force scan does', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 300;
    const many = { xs: Array.from({ length: 11_100 }, random), ys: Array.from({ length: 11_100 }, random) };
    const big = pointIndex(many.xs, many.ys);
    for (let k = 0; k < 50; k++) {
      const [px, py] = [random(), random()];
      let best = -1;
      let bestD = 12 * 12;
      many.xs.forEach((vx, i) => {
        const d = (vx - px) ** 2 + (many.ys[i]! - py) ** 2;
        if (d <= bestD) [best, bestD] = [i, d];
      });
      const found = big.nearest(px, py, 12);
      if (best === -1) expect(found).toBe(-1);
      else expect((many.xs[found]! - px) ** 2 + (many.ys[found]! - py) ** 2).toBeCloseTo(bestD, 6);
    }
  });
});
