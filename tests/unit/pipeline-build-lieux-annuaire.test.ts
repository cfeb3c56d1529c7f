import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { buildLieux } from '../../data-pipeline/tables/build-lieux.ts';
import { csvText, qpvOf, squareQpv } from '../support/etablissements-fixtures.ts';
import { etablissement, lieuxInputs, REGIONS, territoiresOf } from '../support/lieux-fixtures.ts';
import { removeTempDirs, REPO_ROOT } from '../support/pipeline-cli.ts';

/*
 * The CIO taken from the etablissements build, and the `lieux-annuaire` layout staff fill
 * (header of docs/templates/lieux.csv; no such file is shipped, so it is written here).
 */
const HEADER = (await readFile(path.join(REPO_ROOT, 'docs/templates/lieux.csv'), 'utf8')).trim().split(';');
const territoires = territoiresOf(
  [
    ['31555', 'Toulouse', 1.43, 43.6],
    ['31483', 'Saint-Gaudens', 0.72, 43.11],
  ],
  REGIONS,
);
// Around the Mirail (Toulouse).
const qpv = qpvOf([squareQpv('QP031008', [1.39, 43.56, 1.41, 43.58])]);

const etablissements = {
  rows: [
    etablissement({ uai: '0311723E', nom: "Centre d'information et d'orientation de Toulouse Mirail", type: 'cio', lon: 1.4, lat: 43.57, qpv_code: 'QP031008', qpv_300m: 'QP031008' }),
    etablissement({ uai: '0310096L', nom: "Centre d'information et d'orientation de Saint-Gaudens", type: 'cio', commune_code: '31483', commune_nom: 'Saint-Gaudens' }),
    etablissement({ uai: '0311131L', nom: 'Lycée polyvalent privé Sainte-Thérèse', type: 'lycee', lon: 0.72, lat: 43.1 }),
  ],
  locations: [
    { file: 'annuaire.csv', line: 2 },
    { file: 'annuaire.csv', line: 3 },
    { file: 'annuaire.csv', line: 4 },
  ],
};

const annuaire = csvText(HEADER, [
  /* line 2 */ { id: 'ml-toulouse', nom: 'Mission locale de Toulouse', categorie: 'mission_locale', adresse: '19 rue du Mirail', code_commune: '31555', latitude: '43,57', longitude: '1,40', annee: '2024' },
  /* line 3: no coordinates; category as a person types it */ { id: 'pij.saint-gaudens', nom: 'Point information jeunesse', categorie: 'Promeneur du Net', code_commune: '31483' },
  /* line 4: a commune the territoires do not know */ { id: 'e2c_31', nom: 'E2C', categorie: 'e2c', code_commune: '31999' },
  /* line 5 */ { id: 'ms-1', nom: 'Maison de santé', categorie: 'maison_de_sante', code_commune: '31555' },
  /* line 6 */ { id: 'ml-2', nom: 'Mission locale', categorie: 'mission_locale', code_commune: '31555', latitude: '1.44', longitude: '43.6' },
  /* line 7 */ { id: 'ml-papeete', nom: 'Mission locale', categorie: 'mission_locale', code_commune: '98735' },
  /* line 8 */ { id: 'ml toulouse', nom: 'Mission locale', categorie: 'mission_locale', code_commune: '31555' },
]);

afterAll(removeTempDirs);

describe('buildLieux: CIO and lieux-annuaire files', () => {
  it('needs no annuaire, posts nor contrats: the CIO of the etablissements alone make the table', async () => {
    const build = buildLieux(await lieuxInputs([]), territoires, qpv, etablissements);
    expect(build.rows.map((r) => [r.id, r.categorie, r.precision, r.lon, r.qpv_code, r.source_id])).toEqual([
      ['cio:0311723E', 'cio', 'adresse', 1.4, 'QP031008', 'annuaire-education-occitanie-2024'],
      ['cio:0310096L', 'cio', 'commune', 0.72, null, 'annuaire-education-occitanie-2024'],
    ]);
    expect(build.rows[0]).toMatchObject({ tranches: '11-15|16-25', spheres: 'ecole', commune_code: '31555', departement_code: '31', region_code: '76', postes: null });
    expect(build.locations).toEqual([etablissements.locations[0], etablissements.locations[1]]);
    expect([build.rowsIn, build.rejected, build.warnings]).toEqual([2, [], []]);
  });

  it('reads the template layout: address point with its QPV, else the commune point', async () => {
    const build = buildLieux(await lieuxInputs([{ id: 'annuaire-lieux-31', layout: 'lieux-annuaire', format: 'csv', content: annuaire }]), territoires, qpv, { rows: [], locations: [] });
    expect(build.rows.find((r) => r.id === 'annuaire-lieux-31:ml-toulouse')).toEqual({
      id: 'annuaire-lieux-31:ml-toulouse',
      nom: 'Mission locale de Toulouse',
      categorie: 'mission_locale',
      tranches: '16-25',
      spheres: 'tiers-lieux',
      adresse: '19 rue du Mirail',
      commune_code: '31555',
      commune_nom: 'Toulouse',
      departement_code: '31',
      region_code: '76',
      lon: 1.4,
      lat: 43.57,
      precision: 'adresse',
      code_cv: null,
      qpv_code: 'QP031008',
      qpv_300m: 'QP031008',
      postes: null,
      annee: 2024,
      source_id: 'annuaire-lieux-31',
    });
    expect(build.rows.find((r) => r.id === 'annuaire-lieux-31:pij.saint-gaudens')).toMatchObject({ categorie: 'promeneur_du_net', lon: 0.72, lat: 43.11, precision: 'commune', qpv_code: null, commune_nom: 'Saint-Gaudens' });
    expect(build.rows.find((r) => r.id === 'annuaire-lieux-31:e2c_31')).toMatchObject({ lon: null, precision: null, commune_code: '31999', commune_nom: null, departement_code: '31' });
    expect(build.rowsIn).toBe(7);
    expect(build.rejected.map(formatIssue)).toEqual([
      expect.stringMatching(/^annuaire-lieux-31\.csv:5 field categorie value "maison_de_sante": expected one of mission_locale, cio, /),
      'annuaire-lieux-31.csv:6 field latitude value "1.44, 43.6": latitude and longitude swapped',
      'annuaire-lieux-31.csv:8 field id value "ml toulouse": expected an id of letters, digits, dots, dashes or underscores, e.g. ml-toulouse',
    ]);
    expect(build.warnings.map(formatIssue)).toEqual([
      'annuaire-lieux-31.csv:4 field code_commune value "31999": no coordinates and a commune the territoires do not know: kept, not placed on the map',
      'annuaire-lieux-31.csv:7 field code_commune value "98735": collectivité d\'outre-mer 987: outside the régions and départements covered, left out',
    ]);
  });

  it('fails the run on an id given twice, naming both lines', async () => {
    const twice = csvText(HEADER, [
      { id: 'ml-1', nom: 'Mission locale', categorie: 'mission_locale', code_commune: '31555' },
      { id: 'ml-1', nom: 'Mission locale (antenne)', categorie: 'mission_locale', code_commune: '31483' },
    ]);
    const inputs = await lieuxInputs([{ id: 'a', layout: 'lieux-annuaire', format: 'csv', content: twice }]);
    expect(() => buildLieux(inputs, territoires, qpv, { rows: [], locations: [] })).toThrow('a.csv:3 field id value "ml-1": duplicate lieux key (first seen in a.csv line 2)');
  });

  it('fails on a file without a required column, and on posts without contrats de ville points', async () => {
    const noCommune = 'id;nom;categorie\nml-1;Mission locale;mission_locale\n';
    const inputs = await lieuxInputs([{ id: 'b', layout: 'lieux-annuaire', format: 'csv', content: noCommune }]);
    expect(() => buildLieux(inputs, territoires, qpv, { rows: [], locations: [] })).toThrow(PipelineError);
    expect(() => buildLieux(inputs, territoires, qpv, { rows: [], locations: [] })).toThrow(/^b\.csv:1 field code_commune or code_insee: missing required column/);
    const posts = await lieuxInputs([{ id: 'ar', layout: 'postes-adultes-relais', format: 'json', content: [{ id_poste: '1', code_tiers: '1', raison_sociale: 'X', annee: 2023, code_cv: 'CV001', insee_dep: '01' }] }]);
    expect(() => buildLieux(posts, territoires, qpv, { rows: [], locations: [] })).toThrow('registry.json field layout value "contrats-de-ville-points": no source with this layout: the posts of ar are placed by contrat de ville');
  });
});
