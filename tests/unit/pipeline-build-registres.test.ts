import { afterAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { area, booleanClockwise } from '@turf/turf';
import { buildCites, buildPre } from '../../data-pipeline/tables/build-registres.ts';
import { CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import { COMMUNE_OUTLINES, COMMUNES, sourceLines, templateInput } from '../support/actions-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const CITES_HEADER = 'nom;annee_labellisation;communes;qpv_codes;porteur;source';
const columnsOf = (row: object) => Object.keys(row).sort();

describe('buildCites: the Cités éducatives registry', () => {
  it('reads the committed registry: 19 Cités, each with a source and INSEE communes', async () => {
    const lines = await sourceLines('cites-registre/cites.csv');
    expect(lines).toHaveLength(20);
    // The extract of territoires knows only some communes: the others are rejected, located.
    const build = buildCites([await templateInput('cites', 'cites-registre', lines)], COMMUNES, new Set(), COMMUNE_OUTLINES);
    expect(build.rowsIn).toBe(19);
    expect(build.rows.map((r) => r.nom)).toEqual(['Cité éducative de Pau', 'Cité éducative de Bordeaux', 'Cité éducative de Cenon', 'Cité éducative de Lormont', 'Cité éducative de La Rochelle']);
    expect(build.rejected[0]).toEqual({ location: { file: 'cites.csv', line: 7, field: 'communes', value: '86066' }, reason: 'commune code not in territoires (IGN Admin Express COG 2018)' });
  });

  it('publishes the layout’s columns: names from territoires, départements, the first commune’s point', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité éducative de Gironde;2019;33063|33119| 33249;QP033001;Bordeaux Métropole;test', 'Cité éducative de La Rochelle;;17300;;;test']);
    const build = buildCites([input], COMMUNES, new Set(), COMMUNE_OUTLINES);
    expect(build.rows[0]).toEqual({
      nom: 'Cité éducative de Gironde',
      annee_labellisation: 2019,
      communes: '33063|33119|33249',
      communes_noms: 'Bordeaux|Cenon|Lormont',
      departement_code: '33',
      qpv_codes: 'QP033001',
      porteur: 'Bordeaux Métropole',
      source: 'test',
      source_id: 'cites',
      lon: COMMUNES.get('33063')!.lon,
      lat: COMMUNES.get('33063')!.lat,
      xmin: -0.6,
      ymin: 44.8,
      xmax: -0.5,
      ymax: 44.92,
      geometry: expect.stringContaining('"MultiPolygon"'),
    });
    expect(build.rows[1]).toMatchObject({ communes_noms: 'La Rochelle', annee_labellisation: null, qpv_codes: null, porteur: null });
    expect(columnsOf(build.rows[0]!)).toEqual(CITES_LAYOUT.columns.map((c) => c.name).sort());
    expect(build.rows[1]).toMatchObject({ xmin: null, ymin: null, xmax: null, ymax: null, geometry: null });
    expect(build.warnings).toEqual([
      { location: { file: 'cites.csv', line: 2, field: 'qpv_codes', value: 'QP033001' }, reason: 'QPV not in the qpv table: kept' },
      { location: { file: 'cites.csv', line: 3, field: 'communes', value: '17300' }, reason: 'commune without outline in territoires: left out of the perimeter' },
      { location: { file: 'cites.csv', line: 3, field: 'communes' }, reason: 'no commune outline: no perimeter' },
    ]);
  });

  it('makes the perimeter the union of the communes: shared edges dissolve, RFC 7946 winding', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité éducative de Bordeaux-Cenon;;33063|33119;;;test']);
    const build = buildCites([input], COMMUNES, new Set(), COMMUNE_OUTLINES);
    const geometry = JSON.parse(String(build.rows[0]!.geometry)) as Polygon;
    expect(geometry.type).toBe('Polygon');
    expect(geometry.coordinates).toHaveLength(1);
    expect(booleanClockwise(geometry.coordinates[0]!)).toBe(false);
    expect(area(geometry)).toBeCloseTo(area(COMMUNE_OUTLINES.get('33063')!) + area(COMMUNE_OUTLINES.get('33119')!), -4);
    expect(build.rows[0]).toMatchObject({ xmin: -0.6, ymin: 44.8, xmax: -0.5, ymax: 44.85 });
    expect(build.warnings).toEqual([]);
  });

  it('rejects rows without commune or source, or with a bad year, naming the column', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité A;;;;;test', 'Cité B;2019;64445;;;', 'Cité C;19;64445;;;test']);
    const build = buildCites([input], COMMUNES, new Set(), COMMUNE_OUTLINES);
    expect(build.rows).toEqual([]);
    expect(build.rejected.map((r) => [r.location.line, r.location.field, r.reason])).toEqual([
      [2, 'communes', 'communes : au moins une commune (codes INSEE séparés par |)'],
      [3, 'source', 'source : valeur obligatoire'],
      [4, 'annee_labellisation', 'annee_labellisation : année invalide « 19 » (4 chiffres attendus, ex. 2024)'],
    ]);
  });
});

describe('buildPre: the PRE registry', () => {
  it('reads the committed registry: La Possession and Grenoble, placed at their communes', async () => {
    const build = buildPre([await templateInput('pre', 'pre-registre', await sourceLines('pre-registre/pre.csv'))], COMMUNES);
    expect(build).toMatchObject({ rowsIn: 2, rejected: [], warnings: [] });
    expect(build.rows.map((r) => [r.nom, r.communes, r.communes_noms, r.departement_code, r.porteur])).toEqual([
      ['PRE de La Possession', '97408', 'La Possession', '974', null],
      ['PRE de Grenoble', '38185', 'Grenoble', '38', null],
    ]);
    expect(columnsOf(build.rows[0]!)).toEqual(PRE_LAYOUT.columns.map((c) => c.name).sort());
    expect(build.rows.every((r) => String(r.source).includes('seeds/00'))).toBe(true);
  });

  it('builds an empty table from a file with its header alone', async () => {
    const build = buildPre([await templateInput('pre', 'pre-registre', ['nom;porteur;communes;source'])], COMMUNES);
    expect(build).toEqual({ rows: [], locations: [], rowsIn: 0, rejected: [], warnings: [] });
  });
});
