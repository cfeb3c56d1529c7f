import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, PipelineError, type RowIssue } from '../../data-pipeline/pipeline-error.ts';
import { buildEtablissements, type EtablissementsBuild } from '../../data-pipeline/tables/build-etablissements.ts';
import type { EtablissementRow } from '../../data-pipeline/tables/etablissements/etablissement-fields.ts';
import {
  ANNUAIRE_2023_HEADER,
  ANNUAIRE_2024_HEADER,
  csvText,
  DNB_HEADER,
  fixtureInputs,
  GEOLOCALISATION_HEADER,
  IPS_HEADER,
  qpvOf,
  REGION_OF_DEPARTEMENT,
  squareQpv,
} from '../support/etablissements-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

/*
 * Real rows of the sources (values copied from data-pipeline/sources/), a few altered on
 * purpose: one per edge case, named by its UAI or line.
 */
const territoires = { regionOfDepartement: REGION_OF_DEPARTEMENT };
// Around the collège Marcel Pagnol, Perpignan (0660522J).
const qpv = qpvOf([squareQpv('QP066001', [2.88, 42.71, 2.886, 42.715])]);

const OPEN = { etat: 'OUVERT', date_maj_ligne: '2024-11-26', epsg_origine: 'EPSG:2154' };
const annuaire2024 = csvText(ANNUAIRE_2024_HEADER, [
  // line 2: REP+ collège inside the QPV
  { ...OPEN, Identifiant_de_l_etablissement: '0660522J', Nom_etablissement: 'Collège Marcel Pagnol', Type_etablissement: 'Collège', Statut_public_prive: 'Public', Code_commune: '66136', Nom_commune: 'Perpignan', Appartenance_Education_Prioritaire: 'REP+', Nombre_d_eleves: '612', latitude: '42.71239825182605', longitude: '2.8831061091102734', libelle_nature: 'COLLEGE' },
  // line 3: Lambert-93 only (latitude/longitude empty)
  { ...OPEN, Identifiant_de_l_etablissement: '0311131L', Nom_etablissement: 'Lycée polyvalent privé Sainte-Thérèse', Type_etablissement: 'Lycée', Statut_public_prive: 'Privé', Code_commune: '31483', Nom_commune: 'Saint-Gaudens', coordX_origine: '514449.8', coordY_origine: '6225545.0' },
  // line 4: latitude and longitude swapped
  { ...OPEN, Identifiant_de_l_etablissement: '0310096L', Nom_etablissement: "Centre d'information et d'orientation de Saint-Gaudens", Type_etablissement: 'Information et orientation', Statut_public_prive: 'Public', Code_commune: '31483', Nom_commune: 'Saint-Gaudens', latitude: '0.7202802812684306', longitude: '43.10664212998776' },
  // line 5: Lambert-93 metres in the latitude/longitude columns
  { ...OPEN, Identifiant_de_l_etablissement: '0311827T', Nom_etablissement: 'Institut médico éducatif Les bruyères', Type_etablissement: 'Médico-social', Statut_public_prive: 'Privé', Code_commune: '31555', Nom_commune: 'Toulouse', latitude: '6275224.4', longitude: '569701.1' },
  // line 6: bad UAI
  { ...OPEN, Identifiant_de_l_etablissement: '123', Nom_etablissement: 'École', Type_etablissement: 'Ecole', Statut_public_prive: 'Public', Code_commune: '31555', Nom_commune: 'Toulouse' },
  // line 7: closed
  { ...OPEN, etat: 'FERME', Identifiant_de_l_etablissement: '0310001A', Nom_etablissement: 'École fermée', Type_etablissement: 'Ecole', Statut_public_prive: 'Public', Code_commune: '31555', Nom_commune: 'Toulouse' },
  // line 8: a new collège with no coordinates (the géolocalisation file gives them)
  { ...OPEN, epsg_origine: '', Identifiant_de_l_etablissement: '0342580V', Nom_etablissement: 'Collège de Maraussan', Type_etablissement: 'Collège', Statut_public_prive: 'Public', Code_commune: '34148', Nom_commune: 'Maraussan' },
  // line 9: circonscription (State service, Statut_public_prive empty)
  { ...OPEN, Identifiant_de_l_etablissement: '0311108L', Nom_etablissement: 'Circonscription Toulouse Centre', Type_etablissement: 'Service Administratif', Code_commune: '31555', Nom_commune: 'Toulouse', latitude: '43.6', longitude: '1.44' },
]);
const annuaire2023 = csvText(ANNUAIRE_2023_HEADER, [
  // line 2: the 2023 header; UAI in lower case with a trailing space
  { Identifiant_de_l_etablissement: '0350122t ', Nom_etablissement: 'Ecole primaire publique les Lucioles', Type_etablissement: 'Ecole', Statut_public_prive: 'Public', 'Code postal': '35580', Code_commune: '35016', Nom_commune: 'Baulon', Appartenance_Education_Prioritaire: 'REP', Nombre_d_eleves: '143', coordonnee_X: '332503.4', coordonnee_Y: '6776558.9', epsg: 'EPSG:2154', latitude: '47.98614492070133', longitude: '-1.9294895003671315', date_maj_ligne: '2023-06-08', etat: 'OUVERT', etablissement_multi_lignes: '0', libelle_nature: 'ECOLE DE NIVEAU ELEMENTAIRE' },
  // line 3: no coordinates at all
  { Identifiant_de_l_etablissement: '0350165P', Nom_etablissement: 'Ecole élémentaire publique de Cardroc', Type_etablissement: 'Ecole', Statut_public_prive: 'Public', Code_commune: '35050', Nom_commune: 'Cardroc', date_maj_ligne: '08/06/2023', etat: 'OUVERT' },
]);
const geolocalisation = csvText(GEOLOCALISATION_HEADER, [
  { numero_uai: '0342580V', appellation_officielle: 'COLLEGE', secteur_public_prive_libe: 'Public', nature_uai_libe: 'COLLEGE', code_commune: '34148', libelle_commune: 'Maraussan', latitude: '43.37', longitude: '3.15', etat_etablissement_libe: 'OUVERT' },
  { numero_uai: '0010005A', appellation_officielle: 'Collège Roger Poulnard', secteur_public_prive_libe: 'Public', nature_uai_libe: 'COLLEGE', code_commune: '1025', libelle_commune: 'Bâgé-Dommartin', coordonnee_x: '849722.8', coordonnee_y: '6581538.8', EPSG: 'EPSG:2154', latitude: '46.31715022871056', longitude: '4.945990387084464', etat_etablissement_libe: 'OUVERT' },
  { numero_uai: '6200733C', appellation_officielle: 'ECOLE DEMOCRATIQUE DE CORSE Ajaccio', secteur_public_prive_libe: 'Privé', nature_uai_libe: 'COLLEGE', code_commune: '2A004', libelle_commune: 'Ajaccio', latitude: '41.93634641579318', longitude: '8.739617277682404', etat_etablissement_libe: 'OUVERT' },
  // Réunion, UTM 40S only
  { numero_uai: '9740042C', appellation_officielle: 'Collège de la Montagne', secteur_public_prive_libe: 'Public', nature_uai_libe: 'COLLEGE', code_commune: '97411', libelle_commune: 'Saint-Denis', coordonnee_x: '335915.9', coordonnee_y: '7688850.9', EPSG: 'EPSG:2975', etat_etablissement_libe: 'OUVERT' },
  // Polynésie française: no département in the territoires
  { numero_uai: '9840001A', appellation_officielle: 'Collège de Papeete', secteur_public_prive_libe: 'Public', nature_uai_libe: 'COLLEGE', code_commune: '98735', libelle_commune: 'Papeete', etat_etablissement_libe: 'OUVERT' },
  { numero_uai: '0342999Z', appellation_officielle: 'Collège à ouvrir', secteur_public_prive_libe: 'Public', nature_uai_libe: 'COLLEGE', code_commune: '34172', libelle_commune: 'Montpellier', etat_etablissement_libe: 'A OUVRIR' },
]);
const dnb = csvText(
  DNB_HEADER,
  [
    { '': '1', numero_college: '0010005A', session: '2021', patronyme: 'ROGER POULNARD', taux_de_reussite: '92,2', rep: '1', rep_plus: '1', ips: '109,3' },
    { '': '2', numero_college: '0660522J', session: '2021', patronyme: 'MARCEL PAGNOL', taux_de_reussite: '74,3', rep: '1', rep_plus: '0', ips: '70,1' },
    { '': '3', numero_college: '0999999Z', session: '2021', patronyme: 'FERME DEPUIS', taux_de_reussite: '80', rep: '0', rep_plus: '0', ips: '100' },
    { '': '4', numero_college: '9740042C', session: '2021', patronyme: 'REUNION', taux_de_reussite: '88', rep: '0', rep_plus: '0', ips: '95' },
  ],
  ',',
);
const ips = csvText(IPS_HEADER, [
  { 'Rentrée scolaire': '2022-2023', UAI: '0010005A', Effectifs: '540.0', IPS: '110.4' },
  { 'Rentrée scolaire': '2022-2023', UAI: '0660522J', Effectifs: '600.0', IPS: '72.5' },
]);

let build: EtablissementsBuild;
beforeAll(async () => {
  const inputs = await fixtureInputs([
    { id: 'annuaire-2024', layout: 'annuaire-education', text: `${annuaire2024}0310002B;short line\n` },
    { id: 'annuaire-2023', layout: 'annuaire-education', text: annuaire2023 },
    { id: 'geolocalisation', layout: 'colleges-geolocalisation', text: geolocalisation },
    { id: 'dnb', layout: 'colleges-dnb', text: dnb },
    { id: 'ips', layout: 'colleges-ips', text: ips },
  ]);
  build = buildEtablissements(inputs, territoires, qpv);
});
afterAll(removeTempDirs);

const row = (uai: string): EtablissementRow | undefined => build.rows.find((r) => r.uai === uai);
const issues = (list: RowIssue[], file: string) => list.filter((i) => i.location.file === file).map(formatIssue);

describe('buildEtablissements: the annuaire, both headers', () => {
  it('reads a 2024 row: type, secteur, EP, pupils, date, WGS84 point, QPV', () => {
    expect(row('0660522J')).toMatchObject({ nom: 'Collège Marcel Pagnol', type: 'college', nature: 'COLLEGE', secteur: 'public', ep: 'REP+', commune_code: '66136', departement_code: '66', region_code: '76', effectifs: 612, date_maj: '2024-11-26', lon: 2.8831061091102734, lat: 42.71239825182605, qpv_code: 'QP066001', qpv_300m: 'QP066001', source_id: 'annuaire-2024' });
  });

  it('reads a 2023 row (`coordonnee_X`, `epsg`, `Code postal`), UAI trimmed and upper-cased', () => {
    expect(row('0350122T')).toMatchObject({ nom: 'École primaire publique les Lucioles', type: 'ecole', ep: 'REP', effectifs: 143, nature: 'ECOLE DE NIVEAU ELEMENTAIRE', region_code: '53', lat: 47.98614492070133, qpv_code: null, qpv_300m: null, source_id: 'annuaire-2023' });
  });

  it('reprojects a Lambert-93-only row', () => {
    const lycee = row('0311131L')!;
    // The annuaire leaves its EP column empty: hors EP, stated.
    expect(lycee).toMatchObject({ type: 'lycee', secteur: 'prive', ep: 'hors_ep' });
    expect(lycee.lon).toBeCloseTo(0.72204, 4);
    expect(lycee.lat).toBeCloseTo(43.10509, 4);
  });

  it('gives rectorat services, which leave the statut empty, the public secteur', () => {
    expect(row('0311108L')).toMatchObject({ type: 'autre', secteur: 'public' });
  });

  it('rejects swapped and Lambert-93 latitude/longitude, a bad UAI and short records, each located', () => {
    expect(issues(build.rejected, 'annuaire-2024.csv')).toEqual([
      'annuaire-2024.csv:10: expected 72 fields, found 2',
      'annuaire-2024.csv:4 field latitude value "0.7202802812684306, 43.10664212998776": latitude and longitude swapped',
      'annuaire-2024.csv:5 field latitude value "6275224.4, 569701.1": latitude/longitude hold Lambert-93 metres (EPSG:2154 undeclared)',
      'annuaire-2024.csv:6 field Identifiant_de_l_etablissement value "123": invalid UAI "123": expected 7 digits + letter',
    ]);
  });

  it('leaves closed establishments out as warnings, and keeps a row without coordinates as one', () => {
    expect(row('0310001A')).toBeUndefined();
    expect(issues(build.warnings, 'annuaire-2024.csv')).toEqual(['annuaire-2024.csv:7 field etat value "FERME": establishment not open: left out']);
    expect(row('0350165P')).toMatchObject({ lon: null, lat: null, qpv_code: null, date_maj: '2023-06-08' });
    expect(issues(build.warnings, 'annuaire-2023.csv')).toEqual(['annuaire-2023.csv:3 field Identifiant_de_l_etablissement value "0350165P": no coordinates in any source: kept, not placed on the map']);
  });
});

describe('buildEtablissements: collèges of the géolocalisation file', () => {
  it('fills empty fields of an annuaire row, whose own fields win', () => {
    expect(row('0342580V')).toMatchObject({ nom: 'Collège de Maraussan', lon: 3.15, lat: 43.37, source_id: 'annuaire-2024' });
  });

  it('adds collèges the annuaires lack, commune codes normalised (leading zero, Corsica, DROM)', () => {
    expect(row('0010005A')).toMatchObject({ type: 'college', commune_code: '01025', departement_code: '01', region_code: '84', source_id: 'geolocalisation', date_maj: null });
    expect(row('6200733C')).toMatchObject({ nom: 'ÉCOLE DEMOCRATIQUE DE CORSE Ajaccio', commune_code: '2A004', departement_code: '2A', region_code: '94', secteur: 'prive' });
    const reunion = row('9740042C')!;
    expect(reunion).toMatchObject({ departement_code: '974', region_code: '04' });
    expect(reunion.lon).toBeCloseTo(55.42246, 4);
    expect(reunion.lat).toBeCloseTo(-20.89334, 4);
  });

  it("leaves out collèges of the collectivités d'outre-mer (no région) and those not yet open, as warnings", () => {
    expect(issues(build.rejected, 'geolocalisation.csv')).toEqual([]);
    expect(issues(build.warnings, 'geolocalisation.csv')).toEqual([
      "geolocalisation.csv:6 field code_commune value \"98735\": collectivité d'outre-mer 987: outside the régions and départements covered, left out",
      'geolocalisation.csv:7 field etat_etablissement_libe value "A OUVRIR": establishment not open: left out',
    ]);
  });
});

describe('buildEtablissements: DNB and IPS joins', () => {
  it('reads decimal commas, both EP flags as REP+, and fills IPS and missing pupils', () => {
    expect(row('0010005A')).toMatchObject({ ep: 'REP+', dnb_taux_reussite: 92.2, dnb_session: 2021, ips: 110.4, ips_annee: 2022, effectifs: 540 });
  });

  it('reads both DNB flags at 0 as hors EP, stated; a collège of the géolocalisation file absent from the DNB file stays inconnu', () => {
    expect(row('9740042C')).toMatchObject({ ep: 'hors_ep', dnb_session: 2021 });
    expect(row('6200733C')).toMatchObject({ ep: 'inconnu', dnb_session: null, source_id: 'geolocalisation' });
  });

  it('keeps the annuaire EP and pupils over the older DNB flags and IPS effectifs, with a warning', () => {
    expect(row('0660522J')).toMatchObject({ ep: 'REP+', dnb_taux_reussite: 74.3, ips: 72.5, effectifs: 612 });
    expect(issues(build.warnings, 'dnb.csv')).toEqual([
      'dnb.csv:3 field rep_plus value "REP": éducation prioritaire differs: annuaire REP+, DNB flags (rentrée 2020) REP; annuaire kept',
      'dnb.csv:4 field numero_college value "0999999Z": no open establishment with this UAI: DNB row not joined',
    ]);
  });

  it('counts every record of the five files, and keeps one row per UAI', () => {
    expect(build.rowsIn).toBe(9 + 2 + 6 + 4 + 2);
    expect(build.rows.map((r) => r.uai).sort()).toEqual(['0010005A', '0311108L', '0311131L', '0342580V', '0350122T', '0350165P', '0660522J', '6200733C', '9740042C']);
    expect(build.locations).toHaveLength(build.rows.length);
  });
});

describe('buildEtablissements: a UAI twice in one file', () => {
  const line = { ...OPEN, Type_etablissement: 'Collège', Statut_public_prive: 'Public', Code_commune: '31555', Nom_commune: 'Toulouse', latitude: '43.6', longitude: '1.45' };
  const build2 = async (rows: Record<string, string>[]) =>
    buildEtablissements(await fixtureInputs([{ id: 'annuaire', layout: 'annuaire-education', text: csvText(ANNUAIRE_2024_HEADER, rows) }]), territoires, qpv);

  it('fails the run, naming both lines', async () => {
    const twice = build2([
      { ...line, Identifiant_de_l_etablissement: '0311631E', Nom_etablissement: 'Collège Michelet' },
      { ...line, Identifiant_de_l_etablissement: '0311632F', Nom_etablissement: 'Collège Berthelot' },
      { ...line, Identifiant_de_l_etablissement: '0311631e', Nom_etablissement: 'Collège Michelet bis' },
    ]);
    await expect(twice).rejects.toThrow(PipelineError);
    await expect(twice).rejects.toThrow('annuaire.csv:4 field Identifiant_de_l_etablissement value "0311631E": duplicate etablissements key (first seen in annuaire.csv line 2)');
  });

  it('keeps the main line of a multi-line establishment (multi_uai = 1), the annexe as a warning', async () => {
    const result = await build2([
      { ...line, multi_uai: '1', Identifiant_de_l_etablissement: '0311631E', Nom_etablissement: 'Collège Michelet - annexe' },
      { ...line, multi_uai: '1', Identifiant_de_l_etablissement: '0311631E', Nom_etablissement: 'Collège Michelet' },
    ]);
    expect(result.rows.map((r) => [r.uai, r.nom])).toEqual([['0311631E', 'Collège Michelet']]);
    expect(result.warnings.map(formatIssue)).toEqual([
      'annuaire.csv:2 field Identifiant_de_l_etablissement value "0311631E": multi-line establishment: line 3 "Collège Michelet" kept, this line "Collège Michelet - annexe" left out',
    ]);
  });
});
