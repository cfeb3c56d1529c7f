import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../data-pipeline/pipeline-error.ts';
import { buildLieux, type LieuxBuild } from '../../data-pipeline/tables/build-lieux.ts';
import { qpvOf } from '../support/etablissements-fixtures.ts';
import { contratPoint, featureCollection, lieuxInputs, REGIONS, territoiresOf } from '../support/lieux-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

/*
 * Posts of the adultes-relais and FONJEP files (records copied from the 2023 files, a few
 * altered on purpose) and the ANCT points of their contrats de ville. Record numbers are
 * 0-based, as the errors name them.
 */
const post = (id_poste: string, code_tiers: string, raison_sociale: string, code_cv: string | undefined, insee_dep: string | undefined) => ({
  id_poste,
  code_tiers,
  raison_sociale,
  annee: 2023,
  montant: 22555.73,
  ...(code_cv === undefined ? {} : { code_cv }),
  ...(insee_dep === undefined ? {} : { insee_dep, insee_reg: 'xx' }),
});

const adultesRelais = [
  /* 0 */ post('00112R000103', '77554402601284', 'CENTRE SOCIAL EST - ASSOCIATION ALFA 3A', 'CV002', '01'),
  /* 1–3: three posts of one structure */
  post('00117R000402', '34464864700016', 'ASSOC AGABE CENTRE SOCIAL J PREVERT', 'CV002', '01'),
  post('00121R000100', '34464864700016', 'ASSOC AGABE CENTRE SOCIAL J PREVERT', 'CV002', '01'),
  post('00122R000200', '34464864700016', 'ASSOC AGABE CENTRE SOCIAL J PREVERT', 'CV002', '01'),
  /* 4 */ post('00113R000103', '27010003500012', 'BOURG HABITAT', 'CV004', '01'),
  /* 5: Réunion, single-commune contract */ post('97419R046901', '45021567800019', 'ASS JULIETTE AUX PAYS DES MARMAILLES', 'CV386', '974'),
  /* 6: Guadeloupe, EPCI contract */ post('97115R000802', '45402824200013', 'MAISON QUARTIER LAURIERS WEBBE', 'CV425', '971'),
  /* 7: two contracts run together */ post('97318R000201', '43927725200037', 'ASS FRANCO DOMINICAINE DE GUYANE', 'CV380CV384', '973'),
  /* 8: no contract */ post('00816R005102', '34416759800020', 'CTRE SOCIAL FUMAY CHARNOIS ANIMATION', undefined, '08'),
  /* 9: Saint-Martin, no département */ post('97118R001001', '20005210800012', 'LYCEE DE LA CITE SCOLAIRE SAINT MARTIN', 'CV415', undefined),
  /* 10: département from the contract (Corsica: the contract has none, the post does) */ post('02B00R000100', '44000000000011', 'MISSION LOCALE BASTIA BALAGNE', 'CV368', '2B'),
  /* 11: altered: unknown contract */ post('00199R000100', '77554402601284', 'CENTRE SOCIAL EST - ASSOCIATION ALFA 3A', 'CV999', '01'),
  /* 12: altered: no name */ post('00199R000200', '77554402601285', '  ', 'CV002', '01'),
  /* 13: the département the post gives (13) wins over the contract's second one (84) */ post('01314R031503', '33153100400017', 'ASSOC DES TRAVAILLEURS MAGHREBINS DE FRANCE', 'CV043', '13'),
];

const fonjep = [
  /* 0, 1: one structure written two ways */
  { id_poste: 'D01558', code_tiers: 'CROIX ROUGE FRANCAISE', raison_sociale: 'CROIX ROUGE FRANCAISE', montant: 7164, annee: '2023', code_cv: 'CV192', insee_dep: '59', insee_reg: '32' },
  { id_poste: 'D01777', code_tiers: 'CROIX-ROUGE FRANÇAISE', raison_sociale: 'CROIX-ROUGE FRANÇAISE', montant: 7164, annee: '2023', code_cv: 'CV192', insee_dep: '59', insee_reg: '32' },
  /* 2: Polynésie française: neither contract nor département */
  { id_poste: 'D01003', code_tiers: 'ASSOCIATION COMITE DE QUARTIER HOTUAREA NUI', raison_sociale: 'ASSOCIATION COMITE DE QUARTIER HOTUAREA NUI', montant: 7164, annee: '2023' },
  /* 3: altered: a year that is not one */
  { id_poste: 'D01973', code_tiers: "LIGUE DE L'ENSEIGNEMENT - FAIL 13", raison_sociale: "LIGUE DE L'ENSEIGNEMENT - FAIL 13", montant: 2985, annee: 'n.d.', code_cv: 'CV043', insee_dep: '13', insee_reg: '93' },
];

const contrats = featureCollection([
  contratPoint('CV002', '200042935', '01', '01 - CC Haut - Bugey', [5.610137044165447, 46.18731760372177]),
  contratPoint('CV004', '240100628', '01', '01 - CA Bourg en Bresse Agglomération', [5.194006025071782, 46.18166053022498]),
  contratPoint('CV386', '97414', '974', '974 - Saint-Louis', [-2.483742208412653, 44.41011805053197]),
  contratPoint('CV425', '200018653', '971', '971 - CA CAP Excellence', [-4.119757348220058, 45.439196116096845]),
  contratPoint('CV380', '97302', '973', '973 - Cayenne', [-2.485696267785633, 43.03740762528666]),
  contratPoint('CV384', '97309', '973', '973 - Remire-Montjoly', [-2.309282515025681, 42.971071950900715]),
  contratPoint('CV415', '97801', '978', '978 - Saint-Martin', [-4.519602533923921, 46.48700811734376]),
  contratPoint('CV368', '242000354', null, 'NA - CA de Bastia', [9.42375032702301, 42.69924630116553]),
  contratPoint('CV192', '245900410', '59', '59 - Métropole Européenne de Lille', [3.047836738894974, 50.65004403627033]),
  contratPoint('CV043', '241300276', '13', "13 - CA du Pays d'Aix en Provence (CAPA)", [5.476852369666692, 43.5566666235235]),
  contratPoint('CV043', '241300276', '84', "84 - CA du Pays d'Aix en Provence (CAPA)", [5.476852369666692, 43.5566666235235]),
]);

const territoires = territoiresOf([['97414', 'Saint-Louis', 55.43, -21.25]], new Map([...REGIONS, ['08', '44']]));

let build: LieuxBuild;
beforeAll(async () => {
  const inputs = await lieuxInputs([
    { id: 'ar', layout: 'postes-adultes-relais', format: 'json', content: adultesRelais },
    { id: 'fonjep', layout: 'postes-fonjep', format: 'json', content: fonjep },
    { id: 'cv', layout: 'contrats-de-ville-points', format: 'geojson', content: contrats },
  ]);
  build = buildLieux(inputs, territoires, qpvOf([]), { rows: [], locations: [] });
});
afterAll(removeTempDirs);

const row = (id: string) => build.rows.find((r) => r.id === id);
const issues = (list: 'rejected' | 'warnings') => build[list].map(formatIssue);

describe('buildLieux: adultes-relais and FONJEP posts', () => {
  it('makes one place per structure and contrat de ville, counting its posts', () => {
    expect(row('adulte-relais:34464864700016:CV002')).toMatchObject({ nom: 'ASSOC AGABE CENTRE SOCIAL J PREVERT', postes: 3, annee: 2023, source_id: 'ar' });
    expect(row('fonjep:croix-rouge-francaise:CV192')).toMatchObject({ nom: 'CROIX ROUGE FRANCAISE', postes: 2, departement_code: '59', region_code: '32' });
    expect(build.rows).toHaveLength(10);
    expect(build.rowsIn).toBe(14 + 4 + 11);
    expect(new Set(build.rows.map((r) => r.id)).size).toBe(build.rows.length);
  });

  it('places a structure at the point of its contrat de ville, without commune nor QPV', () => {
    expect(row('adulte-relais:27010003500012:CV004')).toEqual({
      id: 'adulte-relais:27010003500012:CV004',
      nom: 'BOURG HABITAT',
      categorie: 'association_adulte_relais',
      tranches: '0-3|3-6|6-11|11-15|16-25',
      spheres: 'famille|quartier',
      adresse: null,
      commune_code: null,
      commune_nom: null,
      departement_code: '01',
      region_code: '84',
      lon: 5.194006025071782,
      lat: 46.18166053022498,
      precision: 'contrat_de_ville',
      code_cv: 'CV004',
      qpv_code: null,
      qpv_300m: null,
      postes: 1,
      annee: 2023,
      source_id: 'ar',
    });
    expect(row('adulte-relais:33153100400017:CV043')).toMatchObject({ departement_code: '13', region_code: '93', lon: 5.476852369666692 });
  });

  it('categorises by name only where it is plain', () => {
    expect(row('adulte-relais:77554402601284:CV002')?.categorie).toBe('centre_social');
    expect(row('adulte-relais:34416759800020:dep-08')?.categorie).toBe('centre_social');
    expect(row('adulte-relais:44000000000011:CV368')).toMatchObject({ categorie: 'mission_locale', tranches: '16-25', spheres: 'tiers-lieux', departement_code: '2B' });
    expect(row('adulte-relais:45402824200013:CV425')?.categorie).toBe('association_adulte_relais');
    expect(row('fonjep:croix-rouge-francaise:CV192')).toMatchObject({ categorie: 'association_fonjep', spheres: 'tiers-lieux|quartier' });
  });

  it('never publishes the inset points of the DROM: commune point of a single-commune contract, else no point', () => {
    expect(row('adulte-relais:45021567800019:CV386')).toMatchObject({ lon: 55.43, lat: -21.25, precision: 'contrat_de_ville', commune_code: null });
    expect(row('adulte-relais:45402824200013:CV425')).toMatchObject({ lon: null, lat: null, precision: null, code_cv: 'CV425', departement_code: '971' });
    expect(issues('warnings')).toContain('ar.json feature 6 field code_cv value "CV425": the ANCT point of CV425 is a basemap inset, not a real place: not placed on the map');
  });

  it('keeps posts of several contracts or of none, unplaced', () => {
    expect(row('adulte-relais:43927725200037:CV380+CV384')).toMatchObject({ code_cv: 'CV380,CV384', lon: null, precision: null, departement_code: '973' });
    expect(row('adulte-relais:34416759800020:dep-08')).toMatchObject({ code_cv: null, lon: null, precision: null, departement_code: '08', region_code: '44' });
  });

  it("leaves out collectivités d'outre-mer, as warnings", () => {
    expect(issues('warnings')).toEqual(
      expect.arrayContaining([
        'ar.json feature 9 field insee_dep value "978": collectivité d\'outre-mer 978: outside the régions and départements covered, left out',
        'fonjep.json feature 2 field insee_dep value null: no département nor contrat de ville: cannot be placed, left out',
      ]),
    );
  });

  it('rejects bad posts, naming file, record, field and value', () => {
    expect(issues('rejected')).toEqual([
      'ar.json feature 11 field code_cv value "CV999": unknown contrat de ville CV999: not in the contrats de ville points',
      'ar.json feature 12 field raison_sociale value "  ": empty value',
      'fonjep.json feature 3 field annee value "n.d.": expected a year such as 2021',
    ]);
  });
});
