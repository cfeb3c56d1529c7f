import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { buildEtablissements } from '../../data-pipeline/tables/build-etablissements.ts';
import { ANNUAIRE_2024_HEADER, csvText, fixtureInputs, IPS_HEADER, qpvOf, REGION_OF_DEPARTEMENT } from '../support/etablissements-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

/** The national DNB file (`fr-en-dnb-par-etablissement`): every session in one file, rates written `79,2%`. */
const DNB_NATIONAL_HEADER = ['Session', "Numero d'etablissement", "Type d'etablissement", 'Patronyme', 'Inscrits', 'Presents', 'Admis', 'Taux de réussite'];
const dnb = (session: string, uai: string, taux: string) => ({ Session: session, "Numero d'etablissement": uai, "Type d'etablissement": 'COLLEGE', Patronyme: 'MARCEL PAGNOL', 'Taux de réussite': taux });
const ips = (rentree: string, value: string) => ({ 'Rentrée scolaire': rentree, UAI: '0660522J', IPS: value, Effectifs: '612.0' });

const territoires = { regionOfDepartement: REGION_OF_DEPARTEMENT };
const qpv = qpvOf([]);
const annuaire = csvText(ANNUAIRE_2024_HEADER, [
  { Identifiant_de_l_etablissement: '0660522J', Nom_etablissement: 'Collège Marcel Pagnol', Type_etablissement: 'Collège', Statut_public_prive: 'Public', Code_commune: '66136', Nom_commune: 'Perpignan', Appartenance_Education_Prioritaire: 'REP+', latitude: '42.712', longitude: '2.883', etat: 'OUVERT' },
]);

describe('several DNB sessions and IPS rentrées', () => {
  it('publish the latest of each, labelled, whatever the order of the rows and files', async () => {
    const inputs = await fixtureInputs([
      { id: 'annuaire', layout: 'annuaire-education', text: annuaire },
      { id: 'dnb', layout: 'dnb-etablissements', text: csvText(DNB_NATIONAL_HEADER, [dnb('2022', '0660522J', '70,0%'), dnb('2024', '0660522J', '79,2%'), dnb('2023', '0660522J', '74,7%'), dnb('2024', '0660999X', '88,0%'), dnb('2023', '0660999X', 'lots')]) },
      { id: 'ips-2024', layout: 'colleges-ips', text: csvText(IPS_HEADER, [ips('2024-2025', '84.5')]) },
      { id: 'ips-2022', layout: 'colleges-ips', text: csvText(IPS_HEADER, [ips('2022-2023', '81.2')]) },
    ]);
    const built = buildEtablissements(inputs, territoires, qpv);
    expect(built.rows.map(({ uai, dnb_session, dnb_taux_reussite, ips_annee, ips: value }) => ({ uai, dnb_session, dnb_taux_reussite, ips_annee, ips: value }))).toEqual([
      { uai: '0660522J', dnb_session: 2024, dnb_taux_reussite: 79.2, ips_annee: 2024, ips: 84.5 },
    ]);
    // Every session is kept side by side, labelled; the unmatched collège's is not.
    expect(built.dnbSessions.rows.map(({ session, millesime, taux_reussite, source_id }) => [session, millesime, taux_reussite, source_id])).toEqual([
      [2022, 'DNB session 2022', 70, 'dnb'],
      [2024, 'DNB session 2024', 79.2, 'dnb'],
      [2023, 'DNB session 2023', 74.7, 'dnb'],
    ]);
    // A rate that is not one is rejected at its line; a collège no annuaire has is a warning.
    expect(built.rejected.map((r) => [r.location.line, r.location.field, r.location.value, r.reason])).toEqual([[6, 'Taux de réussite', 'lots', expect.stringMatching(/^expected a number/)]]);
    expect(built.warnings.map((w) => [w.location.line, w.reason])).toContainEqual([5, 'no open establishment with this UAI: DNB row not joined']);
  });

  it('keep the latest session that gives a rate: a later one without does not erase it', async () => {
    const inputs = await fixtureInputs([
      { id: 'annuaire', layout: 'annuaire-education', text: annuaire },
      { id: 'dnb', layout: 'dnb-etablissements', text: csvText(DNB_NATIONAL_HEADER, [dnb('2024', '0660522J', '79,2%'), dnb('2025', '0660522J', '')]) },
    ]);
    const built = buildEtablissements(inputs, territoires, qpv);
    expect(built.rows.map(({ dnb_session, dnb_taux_reussite }) => [dnb_session, dnb_taux_reussite])).toEqual([[2024, 79.2]]);
    expect(built.dnbSessions.rows.map(({ session, taux_reussite }) => [session, taux_reussite])).toEqual([
      [2024, 79.2],
      [2025, null],
    ]);
  });

  it('refuse a collège twice in one session of a file', async () => {
    const inputs = await fixtureInputs([
      { id: 'annuaire', layout: 'annuaire-education', text: annuaire },
      { id: 'dnb', layout: 'dnb-etablissements', text: csvText(DNB_NATIONAL_HEADER, [dnb('2024', '0660522J', '79,2%'), dnb('2024', '0660522J', '80,0%')]) },
    ]);
    expect(() => buildEtablissements(inputs, territoires, qpv)).toThrow(PipelineError);
    expect(() => buildEtablissements(inputs, territoires, qpv)).toThrow(/duplicate etablissements key \(first seen in dnb\.csv line 2\)/);
  });
});
