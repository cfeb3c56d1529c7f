import { describe, expect, it } from 'vitest';
import { type Clip, spriteOf, stamp } from '../../src/ui/cross-filter/scatter-raster.ts';

/** A 2×2 image: opaque red top-left, half-transparent blue bottom-right, the rest empty. */
const image = { width: 2, height: 2, data: [255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 128] };
const pixel = (buffer: Uint8ClampedArray, width: number, x: number, y: number) => Array.from(buffer.slice((y * width + x) * 4, (y * width + x) * 4 + 4));

describe('spriteOf', () => {
  it('keeps only the pixels with some alpha, with their offsets', () => {
    const sprite = spriteOf(image);
    expect(Array.from(sprite.dx)).toEqual([0, 1]);
    expect(Array.from(sprite.dy)).toEqual([0, 1]);
    expect(Array.from(sprite.rgba)).toEqual([255, 0, 0, 255, 0, 0, 255, 128]);
  });
});

describe('stamp', () => {
  const width = 4;
  const all: Clip = [0, 0, 4, 4];

  it('copies the sprite onto empty pixels at its place', () => {
    const buffer = new Uint8ClampedArray(width * 4 * 4);
    stamp(buffer, width, all, spriteOf(image), 1, 2);
    expect(pixel(buffer, width, 1, 2)).toEqual([255, 0, 0, 255]);
    expect(pixel(buffer, width, 2, 3)).toEqual([0, 0, 255, 128]);
    expect(pixel(buffer, width, 2, 2)).toEqual([0, 0, 0, 0]);
  });

  it('lays a translucent pixel over what is there (source-over) and an opaque one instead of it', () => {
    const buffer = new Uint8ClampedArray(width * 4 * 4);
    const white = spriteOf({ width: 2, height: 2, data: Array(16).fill(255) });
    stamp(buffer, width, all, white, 0, 0);
    stamp(buffer, width, all, spriteOf(image), 0, 0);
    expect(pixel(buffer, width, 0, 0)).toEqual([255, 0, 0, 255]);
    // Half blue over white: a light blue, still opaque.
    const [r, g, b, a] = pixel(buffer, width, 1, 1);
    expect(a).toBe(255);
    expect(b).toBe(255);
    expect(r).toBeGreaterThan(120);
    expect(r).toBeLessThan(135);
    expect(g).toBe(r);
  });

  it('leaves the pixels outside the clip, a sprite past the buffer edge included', () => {
    const buffer = new Uint8ClampedArray(width * 4 * 4);
    stamp(buffer, width, [0, 0, 1, 4], spriteOf(image), 0, 0);
    expect(pixel(buffer, width, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(buffer, width, 1, 1)).toEqual([0, 0, 0, 0]);
    stamp(buffer, width, all, spriteOf(image), 3, 3);
    stamp(buffer, width, all, spriteOf(image), -1, -1);
    expect(pixel(buffer, width, 3, 3)).toEqual([255, 0, 0, 255]);
    expect(buffer.length).toBe(64);
  });
});
