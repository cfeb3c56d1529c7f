import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { buildActions } from '../../data-pipeline/tables/build-actions.ts';
import { ACTIONS_LAYOUT } from '../../src/domain/table-layouts.ts';
import { COMMUNES, sourceLines, templateInput } from '../support/actions-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

const CONTEXT = { communes: COMMUNES, qpvCodes: new Set(['QP066007']), cites: new Set(['Cité éducative de Pau', 'Cité éducative de Bordeaux']) };
const HEADER = 'titre;spheres;source;commune_code;cite;qpv_code;tranches';

describe('buildActions: the committed actions of the seeds', () => {
  it('keeps all 30 rows with the layout’s columns, their ids and source, nothing rejected', async () => {
    const lines = await sourceLines('actions-recueil/actions.csv');
    const build = buildActions([await templateInput('recueil', 'actions-template', lines)], { ...CONTEXT, cites: new Set() });
    expect(build).toMatchObject({ rowsIn: 30, rejected: [] });
    // The example actions of 001's six orientations (4, 5, 2, 3, 2, 2 examples), one row each.
    const examples = [4, 5, 2, 3, 2, 2].flatMap((count, o) => Array.from({ length: count }, (_, i) => `orientation-0${o + 1}-${i + 1}`));
    expect(build.rows.map((r) => r.id)).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => `fiche-${String(n).padStart(2, '0')}`), 'fiche-outil', ...examples]);
    for (const row of build.rows) expect(Object.keys(row).sort()).toEqual(ACTIONS_LAYOUT.columns.map((c) => c.name).sort());
    expect(build.rows.every((r) => r.spheres !== '' && r.source.includes('seeds/00') && r.source_id === 'recueil')).toBe(true);
  });

  it('publishes multi-valued cells `|`-joined, places the action at its first commune', async () => {
    const lines = await sourceLines('actions-recueil/actions.csv');
    const build = buildActions([await templateInput('recueil', 'actions-template', lines)], CONTEXT);
    const forum = build.rows.find((r) => r.id === 'fiche-03')!;
    expect(forum).toMatchObject({
      commune_code: '33063|33119|33249',
      commune: 'Bordeaux|Cenon|Lormont',
      departement_code: '33',
      cite: 'Cité éducative de Bordeaux|Cité éducative de Cenon|Cité éducative de Lormont',
      spheres: 'famille|ecole|tiers-lieux|quartier',
      niveaux: 'micro|meso|macro',
      tranches: '11-15',
      financement: 'label|droit-commun',
      annee_debut: 2024,
      annee_fin: null,
      lon: COMMUNES.get('33063')!.lon,
      lat: COMMUNES.get('33063')!.lat,
    });
    const example = build.rows.find((r) => r.id === 'orientation-02-3')!;
    expect(example).toMatchObject({ titre: 'Promouvoir la persévérance scolaire / Lutter contre la déscolarisation des moins de 16 ans', commune_code: null, cite: null, departement_code: null, lon: null, tranches: '3-6|6-11|11-15' });
    expect(example.source).toMatch(/seeds\/001_26244eced68e70ec\.txt.*orientation 2\), exemple ligne 70$/);
  });

  it('warns, and keeps the action, for a Cité, commune or QPV the other tables do not know, and for an unplaced action', async () => {
    const lines = await sourceLines('actions-recueil/actions.csv');
    const build = buildActions([await templateInput('recueil', 'actions-template', lines)], CONTEXT);
    const reasons = build.warnings.map((w) => `${w.location.line} ${w.location.field} ${String(w.location.value)}`);
    expect(reasons).toContain('4 cite Cité éducative de Cenon');
    expect(reasons).toContain('3 commune_code 33085');
    expect(build.warnings.filter((w) => w.reason.startsWith('no commune nor département'))).toHaveLength(19);
    expect(build.rows).toHaveLength(30);
  });
});

describe('buildActions: rows in error', () => {
  it('rejects a row with faulty cells, at its line and first column, listing every faulty cell', async () => {
    const input = await templateInput('saisie', 'actions-template', [HEADER, 'Forum;quartier;CPO 2026;64445;;;', 'Atelier;sport;CPO 2026;644;;;3-6|0 à 4 ans', 'Café des parents;famille;CPO 2026;;;QP066007;0-3']);
    const build = buildActions([input], CONTEXT);
    expect(build.rowsIn).toBe(3);
    expect(build.rows.map((r) => [r.id, r.titre])).toEqual([
      ['saisie-2', 'Forum'],
      ['saisie-4', 'Café des parents'],
    ]);
    expect(build.rejected).toEqual([
      {
        location: { file: 'saisie.csv', line: 3, field: 'commune_code', value: '644' },
        reason: 'commune_code : code invalide « 644 » : 5 caractères attendus (ex. 33063, 01053, 2A004) ; spheres : valeur inconnue « sport » (attendu : Famille, École, Tiers-lieux éducatifs, Quartier, Virtualité) ; tranches : valeur inconnue « 0 à 4 ans » (attendu : 0–3 ans, 3–6 ans, 6–11 ans, 11–15 ans, 16–25 ans)',
      },
    ]);
  });

  it('fails the run at line 1 when a required column is missing, and warns about unknown ones', async () => {
    const missing = await templateInput('sans-source', 'actions-template', ['titre;spheres', 'Forum;quartier']);
    expect(() => buildActions([missing], CONTEXT)).toThrow(PipelineError);
    expect(() => buildActions([missing], CONTEXT)).toThrow(/sans-source\.csv:1 field source: missing required column of the template/);
    const extra = await templateInput('extra', 'actions-template', ['Titre;Sphères;SOURCE;budget', 'Forum;Quartier;CPO;1000']);
    const build = buildActions([extra], CONTEXT);
    expect(build.rows[0]).toMatchObject({ titre: 'Forum', spheres: 'quartier' });
    expect(build.warnings).toContainEqual({ location: { file: 'extra.csv', line: 1, field: 'budget' }, reason: 'column not in the template (or repeated): skipped' });
  });

  it('counts a line with the wrong number of fields as rejected, from the reader', async () => {
    const build = buildActions([await templateInput('court', 'actions-template', [HEADER, 'Forum;quartier'])], CONTEXT);
    expect(build).toMatchObject({ rowsIn: 1, rows: [] });
    expect(build.rejected[0]).toMatchObject({ location: { file: 'court.csv', line: 2 }, reason: 'expected 7 fields, found 2' });
  });
});
