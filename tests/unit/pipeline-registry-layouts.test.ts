import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PipelineError } from '../../data-pipeline/pipeline-error.ts';
import { loadRegistry, REGISTRY_FILE } from '../../data-pipeline/registry.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

/** The shipped registry with its first source altered. */
async function registryWith(change: Record<string, unknown>): Promise<string> {
  const doc = JSON.parse(await readFile(REGISTRY_FILE, 'utf8')) as { sources: Record<string, unknown>[] };
  doc.sources[0] = { ...doc.sources[0], ...change };
  const file = path.join(await tempDir('registry'), 'registry.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

it('a source declared with a layout of another table is refused, named', async () => {
  const load = loadRegistry(await registryWith({ layout: 'dnb-etablissements' }));
  await expect(load).rejects.toThrow(PipelineError);
  await expect(load).rejects.toThrow('layout dnb-etablissements feeds table etablissements: source admin-express-2018-regions');
});

it('an unknown layout is refused with the list of those accepted', async () => {
  await expect(loadRegistry(await registryWith({ layout: 'dnb-national' }))).rejects.toThrow(/"dnb-etablissements"/);
});
