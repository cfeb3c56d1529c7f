import { destination } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineMeters, type LonLat, PolygonIndex } from '../../geo/index.ts';
import { buildAccesServices } from '../../data-pipeline/tables/build-acces-services.ts';
import type { EtablissementRow } from '../../data-pipeline/tables/etablissements/etablissement-fields.ts';
import type { LieuRow } from '../../data-pipeline/tables/lieux/lieu-fields.ts';
import type { LieuCategorieId, LieuPrecision } from '../../src/domain/lieu-categories.ts';
import { ACCES_SERVICES_LAYOUT } from '../../src/domain/table-layouts.ts';
import { accesCountColumn, ACCES_RADII_M, SERVICES_16_25 } from '../../src/domain/services-16-25.ts';

// Two QPV of Toulouse-like size (~400 m squares) 4 km apart, each with its point at its centre.
const square = (lon: number, lat: number, half = 0.0025): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
});
const A: LonLat = [1.44, 43.6];
const B: LonLat = [1.49, 43.6];
const qpv = {
  rows: [
    { code: 'QP031001', lon: A[0], lat: A[1] },
    { code: 'QP031002', lon: B[0], lat: B[1] },
  ],
  locations: [
    { file: 'qp.geojson', feature: 0 },
    { file: 'qp.geojson', feature: 1 },
  ],
  geometries: { codes: ['QP031001', 'QP031002'], index: new PolygonIndex([square(...A), square(...B)]) },
};
const at = (from: LonLat, meters: number, bearing: number): LonLat => {
  const [lon = NaN, lat = NaN] = destination([from[0], from[1]], meters, bearing, { units: 'meters' }).geometry.coordinates;
  return [lon, lat];
};

function lieu(id: string, categorie: LieuCategorieId, point: LonLat, precision: LieuPrecision): LieuRow {
  return {
    id, nom: `Lieu ${id}`, categorie, tranches: '16-25', spheres: 'ecole', adresse: null, commune_code: null, commune_nom: null, departement_code: '31', region_code: '76',
    lon: point[0], lat: point[1], precision, code_cv: null, qpv_code: null, qpv_300m: null, postes: null, annee: null, source_id: 'test',
  };
}
function etablissement(uai: string, nature: string, secteur: 'public' | 'prive', point: LonLat | null): EtablissementRow {
  return {
    uai, nom: `Lycée ${uai}`, type: 'lycee', nature, secteur, ep: 'hors_ep', commune_code: '31555', commune_nom: 'Toulouse', departement_code: '31', region_code: '76',
    lon: point?.[0] ?? null, lat: point?.[1] ?? null, effectifs: null, ips: null, ips_annee: null, dnb_taux_reussite: null, dnb_session: null, qpv_code: null, qpv_300m: null, date_maj: null, source_id: 'test',
  };
}

const EAST_OF_A = at(A, 2500, 90);
const lieux = {
  rows: [
    // In QPV A, off its centre; and one 2.5 km east of A.
    lieu('cio:0311111A', 'cio', at(A, 200, 45), 'adresse'),
    lieu('cio:0312222B', 'cio', EAST_OF_A, 'adresse'),
    // Only at the point of its contrat de ville: no distance can be measured.
    lieu('adulte-relais:1:CV101', 'mission_locale', A, 'contrat_de_ville'),
  ],
};
const etablissements = {
  rows: [
    etablissement('0313333C', 'LYCEE PROFESSIONNEL', 'public', at(B, 900, 0)),
    etablissement('0314444D', 'Section d’enseignement professionnel', 'public', at(B, 4500, 180)),
    etablissement('0315555E', 'LYCEE PROFESSIONNEL', 'prive', B),
    etablissement('0316666F', 'LYCEE PROFESSIONNEL', 'public', null),
    etablissement('0317777G', 'LYCEE POLYVALENT', 'public', B),
  ],
};

const built = buildAccesServices(qpv, lieux, etablissements);
const row = (code: string, categorie: string) => built.rows.find((r) => r.qpv_code === code && r.categorie === categorie)!;

describe('buildAccesServices', () => {
  it('gives every QPV a row per service category, with the layout’s columns', () => {
    expect(built.rows).toHaveLength(2 * SERVICES_16_25.length);
    expect(Object.keys(built.rows[0]!).sort()).toEqual(ACCES_SERVICES_LAYOUT.columns.map((c) => c.name).sort());
    expect(ACCES_RADII_M.map(accesCountColumn)).toEqual(['n_1km', 'n_3km', 'n_5km']);
    expect(built.locations[1]).toEqual({ file: 'qp.geojson', feature: 1 });
    expect(built.rejected).toEqual([]);
  });

  it('puts a service lying in the QPV at 0 m, and counts it in every radius', () => {
    expect(row('QP031001', 'cio')).toMatchObject({ distance_m: 0, service_id: 'cio:0311111A', services_localises: 2, n_1km: 1, n_3km: 2, n_5km: 2 });
  });

  it('measures from the QPV point to the nearest service otherwise (great-circle)', () => {
    const cio = row('QP031002', 'cio');
    // From B, the CIO 2.5 km east of A is ~1.5 km away, the one in A ~3.9 km.
    expect(cio.service_id).toBe('cio:0312222B');
    expect(cio.distance_m).toBeCloseTo(haversineMeters(B, EAST_OF_A), 6);
    expect(cio).toMatchObject({ n_1km: 0, n_3km: 1, n_5km: 2 });
  });

  it('counts public lycées professionnels and SEP (natures folded), not private ones nor those without a point', () => {
    const lp = row('QP031002', 'lycee_professionnel');
    expect(lp).toMatchObject({ services_localises: 2, service_id: '0313333C', n_1km: 1, n_3km: 1, n_5km: 2 });
    expect(lp.distance_m).toBeCloseTo(900, 3);
  });

  it('has no distance and no counts (n.d., not 0) for a category with no place at an address', () => {
    expect(row('QP031001', 'mission_locale')).toEqual({
      qpv_code: 'QP031001', categorie: 'mission_locale', services_localises: 0, distance_m: null, service_id: null, service_nom: null, n_1km: null, n_3km: null, n_5km: null,
    });
  });
});
