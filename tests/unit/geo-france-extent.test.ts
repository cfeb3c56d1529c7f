import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { FRANCE_EXTENTS, type Territoire, diagnoseCoordinate, territoryOf } from '../../geo/france-extent.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { readSourceText } from '../support/source-files.ts';

const TERRITOIRES = Object.keys(FRANCE_EXTENTS) as Territoire[];

describe('FRANCE_EXTENTS', () => {
  it('has the six territories, each a proper box', () => {
    expect(TERRITOIRES.sort()).toEqual(['guadeloupe', 'guyane', 'martinique', 'mayotte', 'metropole', 'reunion']);
    for (const [minX, minY, maxX, maxY] of Object.values(FRANCE_EXTENTS)) {
      expect(minX).toBeLessThan(maxX);
      expect(minY).toBeLessThan(maxY);
    }
    expect(FRANCE_EXTENTS.metropole).toEqual([-5.5, 41.2, 9.8, 51.3]);
  });

  it('no two boxes overlap', () => {
    for (const a of TERRITOIRES) {
      for (const b of TERRITOIRES) {
        if (a === b) continue;
        const [ax0, ay0, ax1, ay1] = FRANCE_EXTENTS[a];
        const [bx0, by0, bx1, by1] = FRANCE_EXTENTS[b];
        expect(ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0, `${a} / ${b}`).toBe(true);
      }
    }
  });

  it('no box holds the swapped image of any box (so a lat/lon swap never reads as France)', () => {
    for (const a of TERRITOIRES) {
      const [ax0, ay0, ax1, ay1] = FRANCE_EXTENTS[a];
      for (const b of TERRITOIRES) {
        const [bx0, by0, bx1, by1] = FRANCE_EXTENTS[b];
        // Swapped a: x range = a's y range, y range = a's x range.
        const disjoint = ay1 < bx0 || bx1 < ay0 || ax1 < by0 || by1 < ax0;
        expect(disjoint, `swapped ${a} vs ${b}`).toBe(true);
      }
    }
  });

  it('holds every département of IGN Admin Express 2018, DROM included, in its own box', () => {
    const fc = JSON.parse(readSourceText('admin-express-2018/departements-avec-outre-mer.geojson')) as FeatureCollection<
      Polygon | MultiPolygon,
      { code: string; nom: string }
    >;
    expect(fc.features).toHaveLength(101);
    const expected: Record<string, Territoire> = { '971': 'guadeloupe', '972': 'martinique', '973': 'guyane', '974': 'reunion', '976': 'mayotte' };
    for (const f of fc.features) {
      const [minX, minY, maxX, maxY] = geometryBBox(f.geometry);
      const t = expected[f.properties.code] ?? 'metropole';
      expect(territoryOf(minX, minY), `${f.properties.nom} SW`).toBe(t);
      expect(territoryOf(maxX, maxY), `${f.properties.nom} NE`).toBe(t);
    }
  });
});

describe('territoryOf', () => {
  it.each([
    ['Paris', 2.3522, 48.8566, 'metropole'],
    ['Ajaccio', 8.7369, 41.9192, 'metropole'],
    ['Bonifacio', 9.1594, 41.3875, 'metropole'],
    ['Ouessant', -5.0964, 48.4597, 'metropole'],
    ['Dunkerque', 2.3768, 51.0343, 'metropole'],
    ['Strasbourg', 7.7521, 48.5734, 'metropole'],
    ['Perpignan (QP066007)', 2.9005, 42.7081, 'metropole'],
    ['Pointe-à-Pitre', -61.5331, 16.2411, 'guadeloupe'],
    ['Grand-Bourg, Marie-Galante', -61.3147, 15.8839, 'guadeloupe'],
    ['Fort-de-France', -61.0588, 14.6161, 'martinique'],
    ['Cayenne', -52.3269, 4.9224, 'guyane'],
    ['Saint-Laurent-du-Maroni', -54.0317, 5.4989, 'guyane'],
    ['Maripasoula', -54.0333, 3.6406, 'guyane'],
    ['Saint-Denis (Réunion)', 55.4504, -20.8823, 'reunion'],
    ['Saint-Pierre (Réunion)', 55.4781, -21.3393, 'reunion'],
    ['Mamoudzou', 45.2279, -12.7806, 'mayotte'],
    ['Dzaoudzi, Petite-Terre', 45.2886, -12.7806, 'mayotte'],
  ])('puts %s in %s', (_name, lon, lat, expected) => {
    expect(territoryOf(lon, lat)).toBe(expected);
  });

  it.each([
    ['London', -0.1276, 51.5072],
    ['Madrid', -3.7038, 40.4168],
    ['Saint-Martin', -63.0822, 18.0708],
    ['Saint-Pierre-et-Miquelon', -56.1773, 46.7811],
    ['Nouméa', 166.4572, -22.2758],
    ['Papeete', -149.5585, -17.5516],
    ['Null Island', 0, 0],
  ])('puts %s nowhere', (_name, lon, lat) => {
    expect(territoryOf(lon, lat)).toBeNull();
  });

  it('is a box test: nearby capitals inside the métropole box count (known limit)', () => {
    expect(territoryOf(4.3517, 50.8503)).toBe('metropole'); // Brussels
  });

  it('counts the box edges as inside', () => {
    expect(territoryOf(-5.5, 41.2)).toBe('metropole');
    expect(territoryOf(9.8, 51.3)).toBe('metropole');
    expect(territoryOf(9.8000001, 51.3)).toBeNull();
  });

  it('returns null for NaN and infinities', () => {
    expect(territoryOf(NaN, 48)).toBeNull();
    expect(territoryOf(2, NaN)).toBeNull();
    expect(territoryOf(Infinity, -Infinity)).toBeNull();
  });
});

describe('diagnoseCoordinate', () => {
  it.each([
    ['Paris lon/lat', 2.3522, 48.8566, 'ok'],
    ['Réunion lon/lat', 55.4504, -20.8823, 'ok'],
    ['Guyane lon/lat', -52.3269, 4.9224, 'ok'],
    ['Mayotte lon/lat', 45.2279, -12.7806, 'ok'],
    ['Paris lat/lon', 48.8566, 2.3522, 'swapped'],
    ['Réunion lat/lon', -20.8823, 55.4504, 'swapped'],
    ['Guyane lat/lon', 4.9224, -52.3269, 'swapped'],
    ['Mayotte lat/lon', -12.7806, 45.2279, 'swapped'],
    ['Martinique lat/lon', 14.6161, -61.0588, 'swapped'],
    ['Paris in Lambert-93', 652469.02, 6862035.26, 'lambert93'],
    ['Ajaccio in Lambert-93', 1177000, 6100000, 'lambert93'],
    ['Brest in Lambert-93', 145000, 6836000, 'lambert93'],
    ['Lambert-93 range but off Galicia (-4.10, 40.86)', 100000, 6000000, 'outside'],
    ['Lambert-93 range but in Germany (11.65, 51.60)', 1300000, 7200000, 'outside'],
    ['Réunion in UTM 40S (not Lambert-93)', 335915.9, 7688850.9, 'outside'],
    ['Guyane in UTM 22N', 353209.0, 545956.6, 'outside'],
    ['Lambert II étendu Paris (y ≈ 2.4e6)', 600000, 2428000, 'outside'],
    ['Null Island', 0, 0, 'outside'],
    ['London', -0.1276, 51.5072, 'outside'],
  ])('%s → %s', (_name, x, y, expected) => {
    expect(diagnoseCoordinate(x, y)).toBe(expected);
  });

  it('says outside for NaN and infinities', () => {
    expect(diagnoseCoordinate(NaN, 48)).toBe('outside');
    expect(diagnoseCoordinate(2, NaN)).toBe('outside');
    expect(diagnoseCoordinate(Infinity, 6.5e6)).toBe('outside');
    expect(diagnoseCoordinate(-Infinity, -Infinity)).toBe('outside');
  });

  it('reads every collège of the national ministry file right: ok, swapped, and Lambert-93', () => {
    const [header = [], ...rows] = readSourceText(
      'colleges-geolocalisation-dnb/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.csv',
    )
      .split(/\r?\n/)
      .filter((l) => l.length > 0)
      .map((l) => l.split(';')); // no field holds a `;` (checked in geo-crs.test.ts)
    const [X, Y, EPSG, LAT, LON, DEP] = ['coordonnee_x', 'coordonnee_y', 'EPSG', 'latitude', 'longitude', 'code_departement'].map((c) =>
      header.indexOf(c),
    );
    // 975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin: not covered.
    const drom: Record<string, Territoire | null> = {
      '971': 'guadeloupe',
      '972': 'martinique',
      '973': 'guyane',
      '974': 'reunion',
      '975': null,
      '976': 'mayotte',
      '977': null,
      '978': null,
    };
    let checked = 0;
    let uncovered = 0;
    for (const r of rows) {
      if (!r[LAT!] || !r[LON!]) continue;
      const lon = Number(r[LON!]);
      const lat = Number(r[LAT!]);
      const dep = r[DEP!] ?? '';
      const t = dep in drom ? drom[dep] : 'metropole';
      expect(territoryOf(lon, lat), `${r[0]}`).toBe(t);
      if (t === null) {
        uncovered += 1;
        continue;
      }
      expect(diagnoseCoordinate(lon, lat)).toBe('ok');
      expect(diagnoseCoordinate(lat, lon)).toBe('swapped');
      if (r[EPSG!] === 'EPSG:2154') expect(diagnoseCoordinate(Number(r[X!]), Number(r[Y!]))).toBe('lambert93');
      else expect(diagnoseCoordinate(Number(r[X!]), Number(r[Y!]))).toBe('outside');
      checked += 1;
    }
    expect(checked).toBe(7499);
    expect(uncovered).toBe(8);
  });
});
