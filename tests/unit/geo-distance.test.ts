import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../geo/distance.ts';

/** Textbook haversine on turf's sphere (R = 6,371,008.8 m), as the independent reference. */
function reference(a: [number, number], b: [number, number]): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const PARIS: [number, number] = [2.3522, 48.8566];
const MARSEILLE: [number, number] = [5.3698, 43.2965];
const SAINT_DENIS_974: [number, number] = [55.4504, -20.8823];
const SAINT_PIERRE_974: [number, number] = [55.4781, -21.3393];
const CAYENNE: [number, number] = [-52.3269, 4.9224];
const KOUROU: [number, number] = [-52.6499, 5.1599];
const MAMOUDZOU: [number, number] = [45.2279, -12.7806];
const DZAOUDZI: [number, number] = [45.2886, -12.7806];

describe('haversineMeters', () => {
  it('gives 111,195 m for one degree along a meridian or the equator', () => {
    expect(haversineMeters([2, 45], [2, 46])).toBeCloseTo(111_195.08, 1);
    expect(haversineMeters([0, 0], [1, 0])).toBeCloseTo(111_195.08, 1);
  });

  it('shrinks a degree of longitude by cos(latitude)', () => {
    expect(haversineMeters([2, 60], [3, 60]) / haversineMeters([0, 0], [1, 0])).toBeCloseTo(0.5, 4);
  });

  it.each([
    ['Paris–Marseille', PARIS, MARSEILLE, 660_000, 664_000],
    ['Saint-Denis–Saint-Pierre (Réunion)', SAINT_DENIS_974, SAINT_PIERRE_974, 50_000, 51_500],
    ['Cayenne–Kourou (Guyane)', CAYENNE, KOUROU, 43_000, 45_000],
    ['Mamoudzou–Dzaoudzi (Mayotte)', MAMOUDZOU, DZAOUDZI, 6_500, 6_700],
  ])('matches the haversine formula: %s', (_name, a, b, min, max) => {
    const d = haversineMeters(a, b);
    expect(d).toBeCloseTo(reference(a, b), 3);
    expect(d).toBeGreaterThan(min);
    expect(d).toBeLessThan(max);
  });

  it('is 0 between a point and itself, and symmetric', () => {
    expect(haversineMeters(PARIS, PARIS)).toBe(0);
    expect(haversineMeters(PARIS, MARSEILLE)).toBe(haversineMeters(MARSEILLE, PARIS));
  });

  it('measures short distances (300 m, the QPV neighbourhood radius) precisely', () => {
    // 300 m north of Paris: 300 / (R·π/180) degrees of latitude; to the millimetre.
    const degPerMetre = 180 / Math.PI / 6_371_008.8;
    expect(haversineMeters(PARIS, [PARIS[0], PARIS[1] + 300 * degPerMetre])).toBeCloseTo(300, 3);
  });

  it('gives half the circumference for antipodes', () => {
    expect(haversineMeters([0, 0], [180, 0])).toBeCloseTo(Math.PI * 6_371_008.8, 3);
  });

  it('gives NaN, not a number that looks right, for non-finite input', () => {
    expect(haversineMeters([NaN, 45], PARIS)).toBeNaN();
    expect(haversineMeters(PARIS, [2, Infinity])).toBeNaN();
  });
});
