import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { kinks, pointToPolygonDistance } from '@turf/turf';
import { buildReseauxEp, type ReseauRow } from '../../data-pipeline/tables/build-reseaux-ep.ts';
import type { Ep, EtablissementRow, EtablissementType } from '../../data-pipeline/tables/etablissements/etablissement-fields.ts';

/** An establishment row as buildEtablissements publishes it, in Perpignan unless told. */
function etablissement(uai: string, type: EtablissementType, ep: Ep, lon: number | null, lat: number | null, departement = '66'): EtablissementRow {
  return {
    uai,
    nom: `${type} ${uai}`,
    type,
    nature: null,
    secteur: 'public',
    ep,
    commune_code: departement === '66' ? '66136' : `${departement}001`,
    commune_nom: 'Commune',
    departement_code: departement,
    region_code: '76',
    lon,
    lat,
    effectifs: null,
    ips: null,
    ips_annee: null,
    dnb_taux_reussite: null,
    dnb_session: null,
    qpv_code: null,
    qpv_300m: null,
    date_maj: null,
    source_id: 'test',
  };
}

const rows = [
  etablissement('0660001A', 'college', 'REP+', 2.88, 42.7),
  etablissement('0660002B', 'college', 'REP+', 2.92, 42.7),
  etablissement('0660003C', 'college', 'REP', 2.9, 42.72),
  etablissement('0660004D', 'college', 'REP', null, null),
  etablissement('0310005E', 'college', 'REP', 1.44, 43.6, '31'),
  etablissement('0660101A', 'ecole', 'REP+', 2.885, 42.7),
  etablissement('0660102B', 'ecole', 'REP+', 2.881, 42.701),
  etablissement('0660103C', 'ecole', 'REP+', 2.918, 42.7),
  etablissement('0660104D', 'ecole', 'REP', 2.95, 42.8),
  etablissement('0660105E', 'ecole', 'REP+', null, null),
  etablissement('0320106F', 'ecole', 'REP', 0.58, 43.65, '32'),
  etablissement('0660107G', 'ecole', 'hors_ep', 2.89, 42.69),
  etablissement('0660108H', 'lycee', 'REP', 2.89, 42.71),
  // Unknown status: never a tête de réseau, never a member, even next to a REP collège.
  etablissement('0660009J', 'college', 'inconnu', 2.9, 42.721),
  etablissement('0660110K', 'ecole', 'inconnu', 2.901, 42.72),
];
const locations = rows.map((r, i) => ({ file: 'annuaire.csv', line: i + 2, field: 'Identifiant_de_l_etablissement', value: r.uai }));
const build = buildReseauxEp({ rows, locations });
const byCollege = new Map<string, ReseauRow>(build.rows.map((r) => [r.uai_college, r]));

describe('buildReseauxEp', () => {
  it('makes one network per located REP / REP+ collège, keyed by its UAI', () => {
    expect([...byCollege.keys()].sort()).toEqual(['0310005E', '0660001A', '0660002B', '0660003C']);
    expect(build.rowsIn).toBe(5);
    expect(byCollege.get('0660001A')).toMatchObject({ nom: 'college 0660001A', ep: 'REP+', commune_code: '66136', departement_code: '66', region_code: '76', lon: 2.88, lat: 42.7 });
  });

  it('attaches each école to the nearest collège of its status and département, nearest école first', () => {
    expect(byCollege.get('0660001A')).toMatchObject({ ecoles: 2, membres: '0660102B|0660101A' });
    expect(byCollege.get('0660002B')).toMatchObject({ ecoles: 1, membres: '0660103C' });
    // The REP école 9 km away joins no network; a lycée, a hors EP or an inconnu école never does.
    expect(byCollege.get('0660003C')).toMatchObject({ ecoles: 0, membres: null });
  });

  it('leaves the école count unknown (null) where the sources hold no école of the département', () => {
    expect(byCollege.get('0310005E')).toMatchObject({ ecoles: null, membres: null });
  });

  it('warns, at the establishment’s line, for écoles it cannot attach and collèges without coordinates', () => {
    expect(build.warnings.map((w) => [w.location.value, w.reason])).toEqual([
      ['0660004D', 'REP collège without coordinates: no network footprint, left out of reseaux_ep'],
      ['0660104D', expect.stringMatching(/^REP école: nearest REP collège of département 66, 0660003C, is 9\.\d km away \(more than 5 km\): attached to no network$/)],
      ['0660105E', 'REP+ école without coordinates: attached to no network'],
      ['0320106F', 'REP école: no REP collège in département 32: attached to no network'],
    ]);
    expect(build.warnings[1]!.location).toEqual(locations[8]);
  });

  it('covers the collège and its écoles with 300 m to spare, in one simple polygon', () => {
    for (const network of build.rows) {
      const footprint = JSON.parse(String(network.geometry)) as Polygon;
      expect(footprint.type).toBe('Polygon');
      expect(kinks(footprint).features).toEqual([]);
      const members = [network.uai_college, ...String(network.membres ?? '').split('|').filter((u) => u !== '')];
      for (const uai of members) {
        const school = rows.find((r) => r.uai === uai)!;
        expect(pointToPolygonDistance([school.lon!, school.lat!], footprint, { units: 'meters' }), uai).toBeLessThan(-280);
      }
      expect(Number(network.xmin)).toBeLessThan(Number(network.lon));
      expect(Number(network.xmax)).toBeGreaterThan(Number(network.lon));
    }
  });
});
