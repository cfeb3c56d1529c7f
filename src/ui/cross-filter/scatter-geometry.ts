import Flatbush from 'flatbush';
import type { Range } from '../../domain/cross-filter.ts';

/**
 * The pure parts of the scatter chart (`scatter-chart.tsx`): values to pixels and back, the
 * brush's rectangle as two ranges, the keyboard handles' steps, and the point under the cursor.
 */

/** A linear map from a value domain to a pixel range (the range may run downwards, as a y axis does). */
export interface LinearScale {
  apply(value: number): number;
  invert(px: number): number;
}

export function linearScale(domain: Range, range: Range): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // A domain of one value maps to the middle of the range rather than dividing by zero.
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return {
    apply: (value) => (k === 0 ? (r0 + r1) / 2 : r0 + (value - d0) * k),
    invert: (px) => (k === 0 ? d0 : d0 + (px - r0) / k),
  };
}

export interface Brush2d {
  x: Range | null;
  y: Range | null;
}

export const NO_BRUSH: Brush2d = { x: null, y: null };

/** d3-brush's selection, `[[left, top], [right, bottom]]` in pixels. */
export type PixelRect = readonly [readonly [number, number], readonly [number, number]];

/** A rectangle narrower or lower than this (pixels) is a click, not a selection. */
export const MIN_BRUSH_PX = 1;

/**
 * The two ranges a brushed rectangle covers; `NO_BRUSH` for no rectangle or one too thin to
 * be meant. The y axis runs upwards: the rectangle's top is the range's high bound.
 */
export function rangesOfRect(rect: PixelRect | null, x: LinearScale, y: LinearScale, xDomain: Range, yDomain: Range): Brush2d {
  if (rect === null) return NO_BRUSH;
  const [[left, top], [right, bottom]] = rect;
  if (right - left < MIN_BRUSH_PX || bottom - top < MIN_BRUSH_PX) return NO_BRUSH;
  const xs = ordered(clampTo(x.invert(left), xDomain), clampTo(x.invert(right), xDomain));
  const ys = ordered(clampTo(y.invert(bottom), yDomain), clampTo(y.invert(top), yDomain));
  return { x: xs, y: ys };
}

/**
 * An axis whose range spans its whole domain is not brushed: as a range it would leave out
 * the QPV without a value on that axis, which the user never asked for.
 */
function unbrushWhole(brush: Brush2d, xDomain: Range, yDomain: Range): Brush2d {
  return { x: brush.x !== null && covers(brush.x, xDomain) ? null : brush.x, y: brush.y !== null && covers(brush.y, yDomain) ? null : brush.y };
}

/** The pixel rectangle of two ranges (a missing one spans its whole domain); null for no brush. */
export function rectOfRanges(brush: Brush2d, x: LinearScale, y: LinearScale, xDomain: Range, yDomain: Range): PixelRect | null {
  if (brush.x === null && brush.y === null) return null;
  const [x0, x1] = brush.x ?? xDomain;
  const [y0, y1] = brush.y ?? yDomain;
  const [left, right] = ordered(x.apply(x0), x.apply(x1));
  const [top, bottom] = ordered(y.apply(y1), y.apply(y0));
  return [
    [left, top],
    [right, bottom],
  ];
}

/** Whether (vx, vy) lies in the brush (bounds included); every point does when nothing is brushed. */
export function insideBrush(brush: Brush2d, vx: number, vy: number): boolean {
  return (brush.x === null || (vx >= brush.x[0] && vx <= brush.x[1])) && (brush.y === null || (vy >= brush.y[0] && vy <= brush.y[1]));
}

/** The brush as the `data-brush` attribute and change key: `lo~hi,lo~hi`, empty when cleared. */
export function brushKey(brush: Brush2d): string {
  if (brush.x === null && brush.y === null) return '';
  return `${brush.x?.join('~') ?? ''},${brush.y?.join('~') ?? ''}`;
}

/** The four keyboard handles: each bound of each axis. */
export const HANDLES = ['x0', 'x1', 'y0', 'y1'] as const;
export type Handle = (typeof HANDLES)[number];

/** One arrow press moves a bound by this share of its domain; Shift by five times as much. */
export const KEY_STEP_SHARE = 1 / 20;
export const SHIFT_FACTOR = 5;

/**
 * The brush after a key press on `handle`, or undefined for a key the handles leave alone.
 * Arrows move the bound by 1/20 of its axis's domain (Shift: 1/4), Home/End send it to the
 * domain's low/high end, Échap clears. A bound never crosses the other one of its axis. A
 * 2D brush is a rectangle: the untouched axis, unbrushed, spans its whole domain; a
 * rectangle covering both whole domains is no brush at all.
 */
export function brushAfterKey(brush: Brush2d, handle: Handle, key: string, shift: boolean, xDomain: Range, yDomain: Range): Brush2d | undefined {
  if (key === 'Escape') return NO_BRUSH;
  const axis = handle[0] as 'x' | 'y';
  const domain = axis === 'x' ? xDomain : yDomain;
  const [dlo, dhi] = domain;
  const step = (dhi - dlo) * KEY_STEP_SHARE * (shift ? SHIFT_FACTOR : 1);
  const delta = key === 'ArrowLeft' || key === 'ArrowDown' ? -step : key === 'ArrowRight' || key === 'ArrowUp' ? step : null;
  const edge = key === 'Home' ? dlo : key === 'End' ? dhi : null;
  if (delta === null && edge === null) return undefined;
  const [lo, hi] = brush[axis] ?? domain;
  const low = handle[1] === '0';
  const moved = edge ?? clampTo((low ? lo : hi) + delta!, domain);
  const range: Range = low ? [Math.min(moved, hi), hi] : [lo, Math.max(moved, lo)];
  return unbrushWhole({ ...brush, [axis]: range }, xDomain, yDomain);
}

/** The value a handle shows: its bound of the brush, or its domain's end when that axis is not brushed. */
export function handleValue(brush: Brush2d, handle: Handle, xDomain: Range, yDomain: Range): number {
  const axis = handle[0] as 'x' | 'y';
  const range = brush[axis] ?? (axis === 'x' ? xDomain : yDomain);
  return handle[1] === '0' ? range[0] : range[1];
}

/**
 * The points' pixel positions in a static spatial index: `nearest` gives the index of the
 * point closest to (px, py) within `maxDistance` pixels, or -1.
 */
export interface PointIndex {
  nearest(px: number, py: number, maxDistance: number): number;
}

export function pointIndex(xs: ArrayLike<number>, ys: ArrayLike<number>): PointIndex {
  const n = xs.length;
  if (n === 0) return { nearest: () => -1 };
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(xs[i]!, ys[i]!, xs[i]!, ys[i]!);
  index.finish();
  return {
    nearest(px, py, maxDistance) {
      const [found] = index.neighbors(px, py, 1, maxDistance);
      return found ?? -1;
    },
  };
}

const clampTo = (v: number, [lo, hi]: Range) => Math.min(hi, Math.max(lo, v));
const ordered = (a: number, b: number): Range => (a <= b ? [a, b] : [b, a]);
const covers = (r: Range, [lo, hi]: Range) => r[0] <= lo && r[1] >= hi;
