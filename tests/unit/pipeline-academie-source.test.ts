import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ACADEMIE_FIELDS, academieProperties, withoutPartsOutsideFrance } from '../../data-pipeline/tables/academie-source.ts';

const ring = (x: number, y: number): Position[] => [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]];

describe('academieProperties', () => {
  it('renames the ministry’s fields to those of territoires, and back for rejections', () => {
    const properties = { name: 'Créteil', libelle_aca_majuscules: 'CRETEIL', code_academie: '24', code_region_2016: '11' };
    expect(academieProperties(properties)).toEqual({ code: '24', nom: 'Créteil', region_code: '11' });
    expect(academieProperties({ name: 'X', code_academie: '99' })).toEqual({ code: '99', nom: 'X', region_code: '' });
    expect(ACADEMIE_FIELDS.region_code).toBe('code_region_2016');
  });
});

describe('withoutPartsOutsideFrance', () => {
  it('drops Saint-Pierre-et-Miquelon from the académie de Normandie, keeping the métropole', () => {
    const normandie: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(-0.3, 49.1)], [ring(-56.4, 46.8)], [ring(-1.6, 49.6)]] };
    expect(withoutPartsOutsideFrance(normandie)).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [[ring(-0.3, 49.1)], [ring(-1.6, 49.6)]] }, dropped: 1 });
  });

  it('leaves polygons, wholly outside geometries and malformed input to the geometry checks', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring(-56.4, 46.8)] };
    expect(withoutPartsOutsideFrance(polygon)).toEqual({ geometry: polygon, dropped: 0 });
    const outside: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(-56.4, 46.8)]] };
    expect(withoutPartsOutsideFrance(outside).dropped).toBe(0);
    expect(withoutPartsOutsideFrance(null)).toEqual({ geometry: null, dropped: 0 });
    expect(withoutPartsOutsideFrance({ type: 'MultiPolygon', coordinates: 'x' }).dropped).toBe(0);
  });

  it('keeps the DROM (Guadeloupe, Mayotte)', () => {
    const drom: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(-61.6, 16.2)], [ring(45.1, -12.85)]] };
    expect(withoutPartsOutsideFrance(drom).dropped).toBe(0);
  });
});
