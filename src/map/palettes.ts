import { schemeBlues, schemeYlOrRd } from 'd3-scale-chromatic';

export type Rgba = [number, number, number, number];

/** Which way is worse, as `indicateurs_meta.sens` says. */
export type Sens = 'hausse_defavorable' | 'hausse_favorable' | 'neutre';

/**
 * ColorBrewer sequential schemes (colour-blind safe). Red always means worse for the
 * population: YlOrRd rising when higher is worse, reversed when higher is better; Blues for
 * neutral figures (population…). `k` from 1 to 9.
 */
export function palette(sens: Sens, k: number): string[] {
  const n = Math.max(3, Math.min(9, k));
  const scheme = (sens === 'neutre' ? schemeBlues : schemeYlOrRd)[n]!;
  const colours = [...scheme];
  const picked = k < 3 ? colours.filter((_, i) => i === 0 || i === colours.length - 1).slice(0, k) : colours;
  return sens === 'hausse_favorable' ? picked.reverse() : picked;
}

/** Grey of the QPV a filter leaves out (drawn under the ones it keeps). */
export const DIMMED: Rgba = [120, 120, 130, 150];

/** `rgba` as CSS (legends, the PNG export). */
export const rgbaCss = ([r, g, b, a]: Rgba) => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;

/** Grey of the *n.d.* class (no value published). */
export const NO_DATA_COLOUR = '#c8c8c8';

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
