import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { destination } from '@turf/turf';
import { PolygonIndex } from '../../geo/index.ts';
import { DEPARTEMENT_TOLERANCE_METERS, DepartementCheck, departementWarnings } from '../../data-pipeline/tables/departement-check.ts';

// The département outlines the pipeline ships (IGN Admin Express COG 2018, france-geojson), unsimplified.
const file = JSON.parse(readFileSync('data-pipeline/sources/admin-express-2018/departements-avec-outre-mer.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
const departements = { codes: file.features.map((f) => f.properties.code), index: new PolygonIndex(file.features.map((f) => f.geometry)) };
const check = new DepartementCheck(departements);

const TOULOUSE: [number, number] = [1.4437, 43.6045];
const MONTAUBAN: [number, number] = [1.355, 44.0176];

/** The westernmost vertex of Haute-Garonne, then `meters` further west: outside it, that far at most. */
function westOfHauteGaronne(meters: number): [number, number] {
  const g = file.features[departements.codes.indexOf('31')]!.geometry;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const west = rings.flat().reduce((a, b) => (b[0]! < a[0]! ? b : a));
  return destination(west, meters, -90, { units: 'meters' }).geometry.coordinates as [number, number];
}

describe('DepartementCheck', () => {
  it('accepts a point in its stated département', () => {
    expect(check.misplacement(...TOULOUSE, '31')).toBeNull();
  });

  it('names the département a point lies in when it is not the stated one', () => {
    expect(check.misplacement(...MONTAUBAN, '31')).toEqual({ stated: '31', lyingIn: '82' });
  });

  it(`tolerates ${DEPARTEMENT_TOLERANCE_METERS} m outside the simplified outline, not 5 km`, () => {
    expect(check.misplacement(...westOfHauteGaronne(500), '31')).toBeNull();
    const far = check.misplacement(...westOfHauteGaronne(5000), '31');
    expect(far?.stated).toBe('31');
    expect(far?.lyingIn).not.toBe('31');
  });

  it('says « none » for a point at sea, and works outre-mer (Saint-Denis de La Réunion)', () => {
    expect(check.misplacement(3.8, 43.0, '34')).toEqual({ stated: '34', lyingIn: null });
    expect(check.misplacement(55.4481, -20.8823, '974')).toBeNull();
    expect(check.misplacement(55.4481, -20.8823, '976')).toEqual({ stated: '976', lyingIn: '974' });
  });

  it('does not judge a département it has no outline for', () => {
    expect(check.misplacement(...TOULOUSE, '987')).toBeNull();
  });
});

describe('departementWarnings', () => {
  const rows = [
    { uai: '0311234X', lon: TOULOUSE[0], lat: TOULOUSE[1], departement_code: '31' },
    { uai: '0315678Y', lon: MONTAUBAN[0], lat: MONTAUBAN[1], departement_code: '31' },
    { uai: '0349999Z', lon: 3.8, lat: 43.0, departement_code: '34' },
    { uai: '0310000A', lon: null, lat: null, departement_code: '31' },
  ];
  const locations = rows.map((r, i) => ({ file: 'annuaire.csv', line: i + 2, field: 'Identifiant_de_l_etablissement', value: r.uai }));

  it('warns at the row (file, line, UAI field and value) with the stated département and the one the point falls in, or none', () => {
    expect(departementWarnings({ rows, locations }, check)).toEqual([
      {
        location: locations[1],
        reason: `point (latitude ${MONTAUBAN[1]}, longitude ${MONTAUBAN[0]}) lies in département 82, more than 1 km outside its stated département 31`,
      },
      { location: locations[2], reason: 'point (latitude 43, longitude 3.8) lies in no département (none), more than 1 km outside its stated département 34' },
    ]);
  });

  it('checks only the rows `include` keeps, and says what the point is', () => {
    const warnings = departementWarnings({ rows, locations }, check, { include: (r) => r.uai !== '0349999Z', point: (r) => `point of ${r.uai}` });
    expect(warnings.map((w) => w.reason.split(' (')[0])).toEqual(['point of 0315678Y']);
  });
});
