/**
 * The scatter's points stamped into an RGBA pixel buffer by hand, then put on the canvas in
 * one call. Thousands of canvas draw calls (paths or drawImage) cost tens of milliseconds on a
 * software-rendered canvas; copying the few pixels of each point's shape costs a few.
 */

/** The opaque pixels of a shape: their offsets from its top-left corner and their colours (straight RGBA). */
export interface Sprite {
  readonly dx: Int16Array;
  readonly dy: Int16Array;
  readonly rgba: Uint8Array;
}

/** The sprite of an image (a shape drawn on a small canvas): its pixels with some alpha. */
export function spriteOf(image: { width: number; height: number; data: ArrayLike<number> }): Sprite {
  const dx: number[] = [];
  const dy: number[] = [];
  const rgba: number[] = [];
  for (let j = 0; j < image.height; j++) {
    for (let i = 0; i < image.width; i++) {
      const k = (j * image.width + i) * 4;
      if (image.data[k + 3] === 0) continue;
      dx.push(i);
      dy.push(j);
      rgba.push(image.data[k]!, image.data[k + 1]!, image.data[k + 2]!, image.data[k + 3]!);
    }
  }
  return { dx: Int16Array.from(dx), dy: Int16Array.from(dy), rgba: Uint8Array.from(rgba) };
}

/** A pixel rectangle [left, top, right, bottom), the part of the buffer points may cover. */
export type Clip = readonly [number, number, number, number];

/**
 * Stamps `sprite` with its top-left corner at (left, top) into `dst`, an RGBA buffer `width`
 * pixels wide, over what is there (source-over, straight alpha); pixels outside `clip` are left.
 */
export function stamp(dst: Uint8ClampedArray, width: number, clip: Clip, sprite: Sprite, left: number, top: number): void {
  const { dx, dy, rgba } = sprite;
  const [cx0, cy0, cx1, cy1] = clip;
  for (let p = 0; p < dx.length; p++) {
    const x = left + dx[p]!;
    const y = top + dy[p]!;
    if (x < cx0 || x >= cx1 || y < cy0 || y >= cy1) continue;
    const k = (y * width + x) * 4;
    const q = p * 4;
    const sa = rgba[q + 3]!;
    const da = dst[k + 3]!;
    if (sa === 255 || da === 0) {
      dst[k] = rgba[q]!;
      dst[k + 1] = rgba[q + 1]!;
      dst[k + 2] = rgba[q + 2]!;
      dst[k + 3] = sa;
      continue;
    }
    // out = src·αs + dst·αd·(1 − αs), over the resulting alpha.
    const s = sa / 255;
    const d = (da / 255) * (1 - s);
    const a = s + d;
    dst[k] = (rgba[q]! * s + dst[k]! * d) / a;
    dst[k + 1] = (rgba[q + 1]! * s + dst[k + 1]! * d) / a;
    dst[k + 2] = (rgba[q + 2]! * s + dst[k + 2]! * d) / a;
    dst[k + 3] = a * 255;
  }
}
