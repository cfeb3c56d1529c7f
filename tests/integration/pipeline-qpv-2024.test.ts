import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runPipeline } from '../../data-pipeline/run-pipeline.ts';
import { tableRows } from '../../src/domain/connector.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { QPV_SOURCES, readSource, removeTempDirs, tempDir, writeInput } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

/**
 * No national 2024 QPV file could be brought here. This fixture is written to the layout the
 * ANCT publishes it in (`code_qp` = QN + 5 digits + letter, `lib_qp`, `insee_com`, `lib_com`,
 * lower case), with the real Rennes / Saint-Malo contours renamed, and goes through the same
 * pipeline as the 2015 files.
 */
test('the 2024 QPV layout is read, normalised and published next to the 2015 generation', async () => {
  const doc = await readSource(QPV_SOURCES.illeEtVilaine.file);
  doc.features = doc.features.map((f, i) => ({
    ...f,
    properties: { code_qp: `QN0350${i + 1}M`, lib_qp: String(f.properties.NOM_QP), insee_com: f.properties.COMMUNE_QP === 'Rennes' ? '35238' : '35288', lib_com: String(f.properties.COMMUNE_QP) },
  }));
  const input = await writeInput('qpv-2024.geojson', doc);
  const out = path.join(await tempDir('pipeline-2024'), 'data');
  const result = await runPipeline({ outDir: out, inputs: new Map([[QPV_SOURCES.illeEtVilaine.id, input]]) });
  expect(result.published).toBe(true);

  const db = await connectToPublishedData(out);
  try {
    const rows = tableRows(await db.query("SELECT code, nom, generation, commune_code, departement_code, region_code FROM qpv WHERE code LIKE 'QN%' ORDER BY code"));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ code: 'QN03501M', nom: 'Maurepas', generation: '2024', commune_code: '35238', departement_code: '35', region_code: '53' });
    expect(rows.every((r) => r.generation === '2024')).toBe(true);
    const [{ n }] = tableRows(await db.query("SELECT count(*) AS n FROM qpv WHERE generation = '2015'")) as [{ n: number }];
    expect(n).toBe(105);
  } finally {
    await db.close();
  }
  expect(JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).tables.find((t: { name: string }) => t.name === 'qpv').rows).toBe(111);
});
