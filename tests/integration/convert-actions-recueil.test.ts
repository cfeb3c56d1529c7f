import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { REPO_ROOT, removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

// The structured reading the conversion starts from lives beside the repository (../shared):
// where it is, re-running the script must give the committed file byte for byte.
const JSON_FILE = path.resolve(REPO_ROOT, '../shared/data/actions-recueil/actions-recueil.json');

describe('scripts/convert-actions-recueil.ts', () => {
  it.skipIf(!existsSync(JSON_FILE))('reproduces data-pipeline/sources/actions-recueil/actions.csv exactly', async () => {
    const out = path.join(await tempDir('convert-actions'), 'actions.csv');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/convert-actions-recueil.ts', '--out', out], { cwd: REPO_ROOT });
    expect(stdout).toMatch(/^30 actions \(1 objects dropped\)/);
    expect(await readFile(out, 'utf8')).toBe(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8'));
  });
});
