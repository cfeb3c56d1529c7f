import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { privacyProblems, surnameDigest } from '../../scripts/actions-recueil/privacy-guard.ts';
import { REPO_ROOT, removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

describe('scripts/convert-actions-recueil.ts', () => {
  it('reproduces data-pipeline/sources/actions-recueil/actions.csv exactly', async () => {
    const out = path.join(await tempDir('convert-actions'), 'actions.csv');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/convert-actions-recueil.ts', '--out', out], { cwd: REPO_ROOT });
    expect(stdout).toMatch(/^30 actions \(1 objects dropped\)/);
    expect(await readFile(out, 'utf8')).toBe(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8'));
  });

  it('fails, naming it, when the output holds the surname of a contact (kept as digests only)', async () => {
    const digests = await readFile(path.join(REPO_ROOT, 'scripts/actions-recueil/contact-surnames.sha256'), 'utf8');
    expect(digests.trim().split('\n')).toHaveLength(13);
    for (const line of digests.trim().split('\n')) expect(line).toMatch(/^[0-9a-f]{64}$/);
    const problems = privacyProblems('Atelier avec Mme Dupont-Lagarde et M. Martin', new Set([surnameDigest('dupont-lagarde'), surnameDigest('Martin')]));
    expect(problems).toEqual(['the name « Dupont-Lagarde » of a contact block', 'the name « Martin » of a contact block']);
    expect(privacyProblems('Atelier de la Cité éducative, 05 61 22 33 44', new Set())).toEqual(['a phone number « 05 61 22 33 44 »']);
  });
});
