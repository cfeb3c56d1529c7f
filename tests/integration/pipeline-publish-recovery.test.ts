import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MANIFEST_GENERATOR } from '../../data-pipeline/pipeline-output.ts';
import { publishFolder, recoverInterruptedPublish } from '../../data-pipeline/publish.ts';
import { removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

/*
 * `publishFolder` swaps a staging folder in with two renames; a run killed between them
 * leaves no `<out>` but a `<out>.previous-<pid>`. The states of such interrupted runs are
 * laid out by hand here, as a kill would leave them (no timing involved). Leftovers are
 * named after the pid of their run and kept while that process lives, so the pids used
 * are above Linux's PID_MAX_LIMIT (2^22): never a live process.
 */
const DEAD_PID = 4_194_304 + 123;
const OTHER_DEAD_PID = 4_194_304 + 77;
afterAll(removeTempDirs);

async function folderWith(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

/** A previous output as the pipeline writes it: its manifest names its generator and lists its files. */
const manifestListing = (...files: string[]) => `${JSON.stringify({ generator: MANIFEST_GENERATOR, built_at: 'before', tables: files.map((file) => ({ file })) })}\n`;
const PUBLISHED = { 'manifest.json': manifestListing('qpv.arrow'), 'qpv.arrow': 'old qpv' };

describe('recoverInterruptedPublish', () => {
  it('puts back the previous folder of a run killed between the two renames, and removes its staging folder', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(`${out}.previous-${DEAD_PID}`, PUBLISHED);
    await folderWith(`${out}.staging-${DEAD_PID}`, { 'qpv.arrow': 'half-written' });

    await recoverInterruptedPublish(out);
    expect(await readdir(parent)).toEqual(['data']);
    expect(await contents(out)).toEqual(PUBLISHED);
  });

  it('keeps the published folder when it exists, and removes leftovers of older runs', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(out, PUBLISHED);
    await folderWith(`${out}.previous-${OTHER_DEAD_PID}`, { 'qpv.arrow': 'older' });
    await folderWith(`${out}.staging-${DEAD_PID}`, { 'qpv.arrow': 'never swapped in' });
    await folderWith(path.join(parent, 'data-raw'), { 'keep.txt': 'not ours' });

    await recoverInterruptedPublish(out);
    expect((await readdir(parent)).sort()).toEqual(['data', 'data-raw']);
    expect(await contents(out)).toEqual(PUBLISHED);
  });

  it('leaves alone the staging folder of a run still alive (here: the process that started this test)', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(out, PUBLISHED);
    await folderWith(`${out}.staging-${process.ppid}`, { 'qpv.arrow': 'being written' });
    await folderWith(`${out}.staging-${DEAD_PID}`, { 'qpv.arrow': 'abandoned' });

    await recoverInterruptedPublish(out);
    expect((await readdir(parent)).sort()).toEqual(['data', `data.staging-${process.ppid}`]);
  });

  it('never deletes nor restores a folder it did not create, even one named like its leftovers', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    const theirs = {
      'data.previous-backup': { 'qpv.arrow': 'a copy kept by hand' },
      [`data.staging-${DEAD_PID}`]: { 'notes.txt': 'not a file the pipeline writes' },
      [`data.previous-${OTHER_DEAD_PID}`]: { 'manifest.json': '{}', 'photo.jpg': 'x' },
    };
    for (const [name, files] of Object.entries(theirs)) await folderWith(path.join(parent, name), files);

    await recoverInterruptedPublish(out);
    expect((await readdir(parent)).sort()).toEqual(Object.keys(theirs).sort());
    for (const [name, files] of Object.entries(theirs)) expect(await contents(path.join(parent, name))).toEqual(files);
  });

  it('does nothing when there is nothing to recover, even if the parent folder is missing', async () => {
    const parent = await tempDir('publish');
    await recoverInterruptedPublish(path.join(parent, 'absent', 'data'));
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('publishFolder', () => {
  it('replaces the folder as a whole: files of the old version do not survive', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(out, { 'manifest.json': manifestListing('qpv.arrow', 'stale.arrow'), 'qpv.arrow': 'old qpv', 'stale.arrow': 'from an older layout' });

    await publishFolder(out, new Map<string, string | Uint8Array>([['manifest.json', '{"built_at":"after"}\n'], ['qpv.arrow', new Uint8Array([1, 2, 3])]]));
    expect(await readdir(parent)).toEqual(['data']);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'qpv.arrow']);
    expect([...(await readFile(path.join(out, 'qpv.arrow')))]).toEqual([1, 2, 3]);
  });

  it('refuses, and deletes nothing, when a file was put in the output while the tables were built', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    // Accepted when the run started (a previous output); a colleague's file arrives meanwhile.
    await folderWith(out, { ...PUBLISHED, 'notes-de-reunion.txt': 'not the pipeline’s' });
    await expect(publishFolder(out, new Map([['manifest.json', '{"built_at":"after"}\n']]))).rejects.toThrow(/refused to replace it: besides a previous output it holds notes-de-reunion\.txt/);
    expect(await readdir(parent)).toEqual(['data']);
    expect(await contents(out)).toEqual({ ...PUBLISHED, 'notes-de-reunion.txt': 'not the pipeline’s' });
  });

  it('first repairs an interrupted run, then publishes over the recovered folder', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(`${out}.previous-${DEAD_PID}`, PUBLISHED);

    await publishFolder(out, new Map([['manifest.json', '{"built_at":"after"}\n']]));
    expect(await readdir(parent)).toEqual(['data']);
    expect(await contents(out)).toEqual({ 'manifest.json': '{"built_at":"after"}\n' });
  });

  it('puts the previous folder back when the second rename fails, then rethrows', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'data');
    await folderWith(out, PUBLISHED);
    vi.stubEnv('PIPELINE_CRASH_AT', 'between-renames:throw');
    try {
      await expect(publishFolder(out, new Map([['manifest.json', '{"built_at":"after"}\n']]))).rejects.toThrow('simulated failure');
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await readdir(parent)).toEqual(['data']);
    expect(await contents(out)).toEqual(PUBLISHED);
  });

  it('creates the output folder and its parents when they do not exist yet', async () => {
    const parent = await tempDir('publish');
    const out = path.join(parent, 'nested', 'data');
    await publishFolder(out, new Map([['manifest.json', '{}\n']]));
    expect(await contents(out)).toEqual({ 'manifest.json': '{}\n' });
    expect(await readdir(path.dirname(out))).toEqual(['data']);
  });
});
