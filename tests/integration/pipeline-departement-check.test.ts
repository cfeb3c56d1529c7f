import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { formatIssue, type RowIssue } from '../../data-pipeline/pipeline-error.ts';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { ANNUAIRE_2023_HEADER, csvText } from '../support/etablissements-fixtures.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData, type Manifest, readManifest } from '../support/published-data.ts';

/*
 * Points outside their département: one full pipeline run into a temp folder (never
 * public/data) on the real sources, the Ille-et-Vilaine annuaire replaced (--input) by a copy
 * with one more line: a school of Rennes (commune 35238) whose coordinates are Toulouse's.
 */
const ANNUAIRE_35 = 'annuaire-education-ille-et-vilaine-2023';
let db: Connector;
let result: PipelineResult;
let manifest: Manifest;
let fixture: string;
let fixtureLine: number;

beforeAll(async () => {
  const dir = await tempDir('pipeline-departement-check');
  const text = await readFile(path.join(SOURCES_DIR, 'annuaire-education-ille-et-vilaine-2023/fr-en-annuaire-education.csv'), 'utf8');
  const row = csvText(ANNUAIRE_2023_HEADER, [
    {
      Identifiant_de_l_etablissement: '0359999Z',
      Nom_etablissement: 'École élémentaire de test',
      Type_etablissement: 'Ecole',
      Statut_public_prive: 'Public',
      Code_commune: '35238',
      Nom_commune: 'Rennes',
      Appartenance_Education_Prioritaire: '',
      latitude: '43.6045',
      longitude: '1.4437',
      etat: 'OUVERT',
    },
  ]).split('\n')[1]!;
  fixtureLine = text.split('\n').length; // the file ends with a line break: the new line comes next
  fixture = path.join(dir, 'annuaire-35.csv');
  await writeFile(fixture, `${text}${row}\r\n`);
  const out = path.join(dir, 'data');
  result = await runPipeline({ outDir: out, inputs: new Map([[ANNUAIRE_35, fixture]]), builtAt: new Date('2026-01-01T00:00:00Z') });
  db = await connectToPublishedData(out);
  manifest = await readManifest(out);
});
afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

const outside = (issues: RowIssue[]) => issues.filter((w) => w.reason.includes('outside its stated département'));

describe('pipeline: points outside their département', () => {
  it('warns for the fixture row, naming file, line, UAI, the stated département and the one it lies in; the row is kept', async () => {
    const warning = outside(result.warnings).find((w) => w.location.value === '0359999Z');
    expect(warning?.location).toEqual({ file: path.relative(process.cwd(), fixture), line: fixtureLine, field: 'Identifiant_de_l_etablissement', value: '0359999Z' });
    expect(warning?.reason).toBe('point (latitude 43.6045, longitude 1.4437) lies in département 31, more than 1 km outside its stated département 35');
    expect(formatIssue(warning!)).toContain(`annuaire-35.csv:${fixtureLine} field Identifiant_de_l_etablissement value "0359999Z": point`);
    expect(await rows(`SELECT uai, departement_code FROM etablissements WHERE uai = '0359999Z'`)).toEqual([{ uai: '0359999Z', departement_code: '35' }]);
  });

  it('finds, in the real sources, one establishment (Aveyron, placed in Indre-et-Loire) and three places at the point of a contrat de ville spanning two départements', () => {
    const real = outside(result.warnings).filter((w) => w.location.value !== '0359999Z');
    expect(real.map((w) => [w.location.file.split('/').pop(), w.location.value, w.reason.replace(/ \(latitude .*\)/, '')])).toEqual([
      ['fr-en-annuaire-education.csv', '0121517J', 'point lies in département 37, more than 1 km outside its stated département 12'],
      ['adulte-relais-2023.json', '44410766800014', 'point of its contrat de ville CV115 lies in département 44, more than 1 km outside its stated département 35'],
      ['postes-fonjep-2023.json', 'CONFLUENCE', 'point of its contrat de ville CV115 lies in département 44, more than 1 km outside its stated département 35'],
      ['postes-fonjep-2023.json', "MAISON D'ACCUEIL DU PAYS DE REDON (MAPAR)", 'point of its contrat de ville CV115 lies in département 44, more than 1 km outside its stated département 35'],
    ]);
  });

  it('publishes anyway, and counts the warnings in the manifest of their table', () => {
    expect(result.published).toBe(true);
    for (const table of ['etablissements', 'lieux']) {
      const summary = result.tables.find((t) => t.table === table)!;
      expect(manifest.tables.find((t) => t.name === table)!.warnings, table).toBe(summary.warnings);
    }
    const etablissements = result.tables.find((t) => t.table === 'etablissements')!;
    expect(etablissements.warnings).toBeGreaterThanOrEqual(2);
  });
});

const rows = async (sql: string) => tableRows(await db.query(sql));
