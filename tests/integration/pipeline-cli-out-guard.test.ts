import { open, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_FILE_BYTES } from '../../data-pipeline/source-file-check.ts';
import { copyOfPublishedData, folderOfSomeonesFiles, folderState, QPV_SOURCES, REPO_ROOT, removeTempDirs, repositoryState, runCli, shownAs, tempDir } from '../support/pipeline-cli.ts';

/*
 * `--out` names a folder that publishing replaces as a whole; `--input` a file read whole.
 * Each refusal comes before any source is read (no "read …" line), exits 1, names the folder
 * or file and the reason, and leaves every file where it was, byte for byte.
 */
afterAll(removeTempDirs);

const HINT = 'give an absent or empty folder, or a previous output of this pipeline';

async function expectRefused(run: { code: number; stdout: string; stderr: string }, message: string): Promise<void> {
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).toContain(HINT);
  expect(run.stdout).not.toContain('read ');
}

describe('pipeline CLI: --out refused in a folder of someone’s files', () => {
  it.each([
    ['', 'an empty path means the current folder, which publishing would replace'],
    ['.', 'it is the current folder'],
  ])('--out %j run from that folder', async (out, reason) => {
    const theirs = await folderOfSomeonesFiles();
    const before = await folderState(theirs);
    const run = await runCli(['--out', out], { cwd: theirs });
    await expectRefused(run, `pipeline: error: --out value "${out}": refused: ${theirs}: ${reason}`);
    expect(await folderState(theirs)).toEqual(before);
  });

  it('--out <that folder> given by its path', async () => {
    const theirs = await folderOfSomeonesFiles();
    const before = await folderState(theirs);
    const run = await runCli(['--out', theirs]);
    await expectRefused(run, `refused: ${theirs}: it is not empty (.hidden, notes.txt, photos) and has no manifest.json written by this pipeline`);
    expect(await folderState(theirs)).toEqual(before);
  });

  it('--out <a previous output where someone added a file>: the file is named', async () => {
    const out = await copyOfPublishedData();
    await writeFile(path.join(out, 'LISEZMOI.txt'), 'ne pas effacer');
    const before = await folderState(out);
    const run = await runCli(['--out', out]);
    await expectRefused(run, `refused: ${await realpath(out)}: besides a previous output it holds LISEZMOI.txt, which publishing would delete`);
    expect(await folderState(out)).toEqual(before);
  });

  it('--out <a file>', async () => {
    const theirs = await folderOfSomeonesFiles();
    const before = await folderState(theirs);
    const run = await runCli(['--out', path.join(theirs, 'notes.txt')]);
    await expectRefused(run, `refused: ${path.join(theirs, 'notes.txt')}: it is a file, not a folder`);
    expect(await folderState(theirs)).toEqual(before);
  });
});

describe('pipeline CLI: --out refused in the repository', () => {
  let before: string[];
  beforeAll(async () => {
    before = await repositoryState();
  });

  it.each([
    ['.', `${REPO_ROOT}: it is the current folder, and it is the repository root`],
    [REPO_ROOT, `${REPO_ROOT}: it is the current folder, and it is the repository root`],
    ['data-pipeline/sources', `${path.join(REPO_ROOT, 'data-pipeline/sources')}: it is the source folder data-pipeline/sources`],
    ['data-pipeline', `${path.join(REPO_ROOT, 'data-pipeline')}: it contains the source folder data-pipeline/sources`],
    ['data-pipeline/sources/nouveau', `${path.join(REPO_ROOT, 'data-pipeline/sources/nouveau')}: it is inside the source folder data-pipeline/sources`],
    ['/', '/: it is the file system root'],
  ])('--out %j', async (out, message) => {
    const run = await runCli(['--out', out]);
    await expectRefused(run, `--out value "${out}": refused: ${message}`);
    expect(await repositoryState()).toEqual(before);
  });

  it('--out <repository root> run from another folder', async () => {
    const elsewhere = await tempDir('elsewhere');
    const run = await runCli(['--out', REPO_ROOT], { cwd: elsewhere });
    await expectRefused(run, `refused: ${REPO_ROOT}: it is the repository root`);
    expect(await repositoryState()).toEqual(before);
  });
});

describe('pipeline CLI: --input must be a regular file of bounded size', () => {
  const source = QPV_SOURCES.illeEtVilaine.id;

  it.each([
    ['a folder', async () => tempDir('pipeline-in'), 'is a folder; a source must be a regular file'],
    ['/dev/zero', async () => '/dev/zero', 'is a device; a source must be a regular file'],
  ])('refuses %s', async (_, given, reason) => {
    const input = await given();
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runCli(['--out', out, '--input', `${source}=${input}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pipeline: error: ${shownAs(input)}: ${reason}`);
    expect(run.stdout).not.toContain('read ');
    expect(await folderState(out)).toEqual(before);
  });

  it('refuses a file over the limit, naming the file and the limit (a sparse file: no disk used)', async () => {
    const big = path.join(await tempDir('pipeline-in'), 'QPV.geojson');
    const handle = await open(big, 'w');
    await handle.truncate(MAX_SOURCE_FILE_BYTES + 1);
    await handle.close();
    const out = await copyOfPublishedData();
    const before = await folderState(out);
    const run = await runCli(['--out', out, '--input', `${source}=${big}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pipeline: error: ${shownAs(big)}: is ${MAX_SOURCE_FILE_BYTES + 1} bytes, above the limit of 536870912 bytes (512 MiB) for a source file`);
    expect(await folderState(out)).toEqual(before);
    await rm(big);
  });
});
