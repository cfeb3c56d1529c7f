import { afterAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { area, booleanClockwise } from '@turf/turf';
import { buildCites, buildPre } from '../../data-pipeline/tables/build-registres.ts';
import { CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import { COMMUNE_OUTLINES, COMMUNES, sourceLines, templateInput } from '../support/actions-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const CITES_HEADER = 'nom;annee_labellisation;communes;qpv_codes;qpv_noms;commune_entiere;porteur;source';
const NO_QPV = { rows: [], outlines: new Map() };
const square = (x: number, y: number, size: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
/** Two stand-in QPV in Bordeaux (squares inside its stand-in outline) and one in Cenon named like one of them. */
const QPV = {
  rows: [
    { code: 'QP033010', nom: 'Grand Parc', commune_code: '33063' },
    { code: 'QP033011', nom: 'Les Aubiers - Le Lac', commune_code: '33063' },
    { code: 'QP033020', nom: 'Grand Parc', commune_code: '33119' },
  ],
  outlines: new Map([
    ['QP033010', square(-0.59, 44.81, 0.01)],
    ['QP033011', square(-0.57, 44.83, 0.01)],
    ['QP033020', square(-0.54, 44.81, 0.01)],
  ]),
};
const columnsOf = (row: object) => Object.keys(row).sort();

describe('buildCites: the Cités éducatives registry', () => {
  it('reads the committed registry: 19 Cités, each with a source and INSEE communes', async () => {
    const lines = await sourceLines('cites-registre/cites.csv');
    expect(lines).toHaveLength(20);
    // The extract of territoires knows only some communes: the others are rejected, located.
    const build = buildCites([await templateInput('cites', 'cites-registre', lines)], COMMUNES, NO_QPV, COMMUNE_OUTLINES);
    expect(build.rowsIn).toBe(19);
    expect(build.rows.map((r) => r.nom)).toEqual(['Cité éducative de Pau', 'Cité éducative de Bordeaux', 'Cité éducative de Cenon', 'Cité éducative de Lormont', 'Cité éducative de La Rochelle']);
    expect(build.rejected[0]).toEqual({ location: { file: 'cites.csv', line: 7, field: 'communes', value: '86066' }, reason: 'commune code not in territoires (IGN Admin Express COG 2018)' });
  });

  it('publishes the layout’s columns: names from territoires, départements, the first commune’s point', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité éducative de Gironde;2019;33063|33119| 33249;QP033001;;;Bordeaux Métropole;test', 'Cité éducative de La Rochelle;;17300;;;;;test']);
    const build = buildCites([input], COMMUNES, NO_QPV, COMMUNE_OUTLINES);
    expect(build.rows[0]).toEqual({
      nom: 'Cité éducative de Gironde',
      annee_labellisation: 2019,
      communes: '33063|33119|33249',
      communes_noms: 'Bordeaux|Cenon|Lormont',
      departement_code: '33',
      perimetre: 'commune_approchee',
      qpv_codes: 'QP033001',
      qpv_noms: null,
      qpv_appariements: null,
      qpv_non_charges: 'QP033001',
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
      { location: { file: 'cites.csv', line: 2, field: 'qpv_codes', value: 'QP033001' }, reason: 'QPV not in the qpv table: kept, perimeter approached by the communes' },
      { location: { file: 'cites.csv', line: 3, field: 'communes', value: '17300' }, reason: 'commune without outline in territoires: left out of the perimeter' },
      { location: { file: 'cites.csv', line: 3, field: 'communes' }, reason: 'no commune outline: no perimeter' },
    ]);
  });

  it('makes the perimeter the union of the communes: shared edges dissolve, RFC 7946 winding', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité éducative de Bordeaux-Cenon;;33063|33119;;;;;test']);
    const build = buildCites([input], COMMUNES, NO_QPV, COMMUNE_OUTLINES);
    const geometry = JSON.parse(String(build.rows[0]!.geometry)) as Polygon;
    expect(geometry.type).toBe('Polygon');
    expect(geometry.coordinates).toHaveLength(1);
    expect(booleanClockwise(geometry.coordinates[0]!)).toBe(false);
    expect(area(geometry)).toBeCloseTo(area(COMMUNE_OUTLINES.get('33063')!) + area(COMMUNE_OUTLINES.get('33119')!), -4);
    expect(build.rows[0]).toMatchObject({ xmin: -0.6, ymin: 44.8, xmax: -0.5, ymax: 44.85 });
    expect(build.warnings).toEqual([]);
  });

  it('rejects rows without commune or source, or with a bad year, naming the column', async () => {
    const input = await templateInput('cites', 'cites-registre', [CITES_HEADER, 'Cité A;;;;;;;test', 'Cité B;2019;64445;;;;;', 'Cité C;19;64445;;;;;test', 'Cité D;;64445;;;non;;test']);
    const build = buildCites([input], COMMUNES, NO_QPV, COMMUNE_OUTLINES);
    expect(build.rows).toEqual([]);
    expect(build.rejected.map((r) => [r.location.line, r.location.field, r.reason])).toEqual([
      [2, 'communes', 'communes : au moins une commune (codes INSEE séparés par |)'],
      [3, 'source', 'source : valeur obligatoire'],
      [4, 'annee_labellisation', 'annee_labellisation : année invalide « 19 » (4 chiffres attendus, ex. 2024)'],
      [5, 'commune_entiere', 'commune_entiere : « oui » (la source dit que la Cité couvre toute la commune) ou vide'],
    ]);
  });
});

describe('buildCites: the perimeter as the source gives it', () => {
  const build = async (...lines: string[]) => buildCites([await templateInput('cites', 'cites-registre', [CITES_HEADER, ...lines])], COMMUNES, QPV, COMMUNE_OUTLINES);

  it('draws the QPV a name designates, within the Cité’s communes only, and publishes the match', async () => {
    const { rows, warnings } = await build('Cité éducative du Grand Parc;;33063;;grand  PARC;;;test');
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      perimetre: 'qpv',
      qpv_codes: 'QP033010',
      qpv_noms: 'grand  PARC',
      qpv_appariements: '« grand  PARC » → QP033010 « Grand Parc »',
      qpv_non_charges: null,
      xmin: -0.59,
      ymin: 44.81,
      xmax: -0.58,
      ymax: 44.82,
    });
    // The QPV's outline, not Bordeaux's: a fortieth of the stand-in commune.
    const geometry = JSON.parse(String(rows[0]!.geometry)) as Polygon;
    expect(area(geometry)).toBeCloseTo(area(QPV.outlines.get('QP033010')!), -4);
  });

  it('dissolves several named QPV, by name and by code, into one perimeter', async () => {
    const { rows, warnings } = await build('Cité éducative de Bordeaux Nord;;33063;QP033011;Grand Parc;;;test');
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({ perimetre: 'qpv', qpv_codes: 'QP033011|QP033010', xmin: -0.59, ymin: 44.81, xmax: -0.56, ymax: 44.84 });
    expect(JSON.parse(String(rows[0]!.geometry))).toMatchObject({ type: 'MultiPolygon' });
  });

  it('approaches the perimeter by the commune when one named QPV is not loaded, listing it', async () => {
    const { rows, warnings } = await build('Cité éducative de Bordeaux;;33063;;Grand Parc|Bacalan;;;test');
    expect(rows[0]).toMatchObject({
      perimetre: 'commune_approchee',
      qpv_codes: 'QP033010',
      qpv_appariements: '« Grand Parc » → QP033010 « Grand Parc »',
      qpv_non_charges: 'Bacalan',
      xmin: -0.6,
      xmax: -0.55,
    });
    expect(warnings).toEqual([
      {
        location: { file: 'cites.csv', line: 2, field: 'qpv_noms', value: 'Bacalan' },
        reason: 'no single QPV of this name in the qpv table for these communes: kept, perimeter approached by the communes',
      },
    ]);
  });

  it('leaves a name two QPV of the communes share unmatched rather than guess', async () => {
    const { rows } = await build('Cité éducative de Bordeaux-Cenon;;33063|33119;;Grand Parc;;;test');
    expect(rows[0]).toMatchObject({ perimetre: 'commune_approchee', qpv_codes: null, qpv_non_charges: 'Grand Parc' });
  });

  it('says « commune » when the registry records that the source gives the whole commune, « approchée » when it names nothing', async () => {
    const { rows } = await build('Cité éducative de Pau;;64445;;;oui;;test', 'Cité éducative de Cenon;;33119;;;;;test');
    expect(rows.map((r) => [r.nom, r.perimetre, r.xmin])).toEqual([
      ['Cité éducative de Pau', 'commune', -0.4],
      ['Cité éducative de Cenon', 'commune_approchee', -0.55],
    ]);
  });
});

describe('buildPre: the PRE registry', () => {
  it('reads the committed registry: La Possession and Grenoble, placed at their communes', async () => {
    const build = buildPre([await templateInput('pre', 'pre-registre', await sourceLines('pre-registre/pre.csv'))], COMMUNES);
    expect(build).toMatchObject({ rowsIn: 2, rejected: [], warnings: [] });
    expect(build.rows.map((r) => [r.nom, r.communes, r.communes_noms, r.departement_code, r.porteur, r.perimetre])).toEqual([
      ['PRE de La Possession', '97408', 'La Possession', '974', null, 'commune'],
      ['PRE de Grenoble', '38185', 'Grenoble', '38', null, 'commune'],
    ]);
    expect(columnsOf(build.rows[0]!)).toEqual(PRE_LAYOUT.columns.map((c) => c.name).sort());
    expect(build.rows.every((r) => String(r.source).includes('seeds/00'))).toBe(true);
  });

  it('builds an empty table from a file with its header alone', async () => {
    const build = buildPre([await templateInput('pre', 'pre-registre', ['nom;porteur;communes;source'])], COMMUNES);
    expect(build).toEqual({ rows: [], locations: [], rowsIn: 0, rejected: [], warnings: [] });
  });
});
