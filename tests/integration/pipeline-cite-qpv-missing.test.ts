import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelineResult, runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';
import { connectToPublishedData } from '../support/published-data.ts';

/*
 * A Cité whose source names a QPV the loaded data lacks (by name or by code): the run still
 * publishes, the Cité is drawn as its commune and labelled « approché », the missing QPV stay
 * listed, and a warning says which. Beside it, a Cité whose named QPV are all loaded is drawn
 * as their union. One full run on the real sources, with this registry in place of the
 * committed one.
 */
let dir: string;
let result: PipelineResult;
let db: Connector;

const REGISTRY = [
  'nom;annee_labellisation;communes;qpv_codes;qpv_noms;commune_entiere;porteur;source',
  'Cité éducative de La Mosson;;34172;;La Mosson;;;test',
  'Cité éducative de Montpellier Ouest;;34172;QP034004;Mosson|Hauts de Massane;;;test',
  'Cité éducative de Montpellier Nord;;34172;QP034999;;;;test',
  'Cité éducative de Montpellier Sud;;34172;;La Mosson|Près d’Arènes;;;test',
].join('\n');

beforeAll(async () => {
  dir = await tempDir('pipeline-cite-qpv-missing');
  const cites = path.join(dir, 'cites.csv');
  await writeFile(cites, `${REGISTRY}\n`);
  result = await runPipeline({ outDir: path.join(dir, 'data'), inputs: new Map([['cites-registre', cites]]), builtAt: new Date('2026-01-01T00:00:00Z') });
  db = await connectToPublishedData(path.join(dir, 'data'));
});
afterAll(async () => {
  await db?.close();
  await removeTempDirs();
});

describe('pipeline: a Cité naming a QPV that is not loaded', () => {
  it('publishes, warning once per missing QPV, located in the registry', () => {
    expect(result.published).toBe(true);
    expect(result.warnings.filter((w) => w.location.file.endsWith('cites.csv')).map((w) => [w.location.line, w.location.field, w.location.value, w.reason])).toEqual([
      [3, 'qpv_noms', 'Hauts de Massane', 'no single QPV of this name in the qpv table for these communes: kept, perimeter approached by the communes'],
      [4, 'qpv_codes', 'QP034999', 'QPV not in the qpv table: kept, perimeter approached by the communes'],
    ]);
  });

  it('draws the commune, labelled approached, and keeps both the matches and the missing names', async () => {
    const rows = tableRows(
      await db.query(`
        SELECT c.nom, c.perimetre, c.qpv_codes, c.qpv_appariements, c.qpv_non_charges,
               abs(c.xmin - t.xmin) + abs(c.xmax - t.xmax) < 0.001 AS commune_box
        FROM cites c JOIN territoires t ON t.niveau = 'commune' AND t.code = '34172' ORDER BY c.nom`),
    );
    expect(rows).toEqual([
      { nom: 'Cité éducative de La Mosson', perimetre: 'qpv', qpv_codes: 'QP034005', qpv_appariements: '« La Mosson » → QP034005 « Mosson »', qpv_non_charges: null, commune_box: false },
      { nom: 'Cité éducative de Montpellier Nord', perimetre: 'commune_approchee', qpv_codes: 'QP034999', qpv_appariements: null, qpv_non_charges: 'QP034999', commune_box: true },
      {
        nom: 'Cité éducative de Montpellier Ouest',
        perimetre: 'commune_approchee',
        qpv_codes: 'QP034004|QP034005',
        qpv_appariements: '« Mosson » → QP034005 « Mosson »',
        qpv_non_charges: 'Hauts de Massane',
        commune_box: true,
      },
      {
        nom: 'Cité éducative de Montpellier Sud',
        perimetre: 'qpv',
        qpv_codes: 'QP034005|QP034012',
        qpv_appariements: '« La Mosson » → QP034005 « Mosson »|« Près d’Arènes » → QP034012 « Près D\'Arènes »',
        qpv_non_charges: null,
        commune_box: false,
      },
    ]);
  });

  it('makes a QPV-based perimeter the union of its QPV: its box is theirs', async () => {
    const [gap] = tableRows(
      await db.query(`
        SELECT abs(c.xmin - min(q.xmin)) + abs(c.ymin - min(q.ymin)) + abs(c.xmax - max(q.xmax)) + abs(c.ymax - max(q.ymax)) AS gap
        FROM cites c JOIN qpv q ON q.code IN ('QP034005', 'QP034012')
        WHERE c.nom = 'Cité éducative de Montpellier Sud' GROUP BY c.xmin, c.ymin, c.xmax, c.ymax`),
    );
    expect(Number(gap!.gap)).toBeLessThan(0.0004);
  });
});
