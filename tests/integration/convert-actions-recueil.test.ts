import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_DIR } from '../../data-pipeline/registry.ts';
import { contactSurnames, privacyProblems } from '../../scripts/actions-recueil/privacy-guard.ts';
import { REPO_ROOT, removeTempDirs, tempDir } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

describe('scripts/convert-actions-recueil.ts', () => {
  it('reproduces data-pipeline/sources/actions-recueil/actions.csv exactly', async () => {
    const out = path.join(await tempDir('convert-actions'), 'actions.csv');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/convert-actions-recueil.ts', '--out', out], { cwd: REPO_ROOT });
    expect(stdout).toMatch(/^30 actions \(1 objects dropped\)/);
    expect(await readFile(out, 'utf8')).toBe(await readFile(path.join(SOURCES_DIR, 'actions-recueil/actions.csv'), 'utf8'));
  });

  it('fails, naming it, on a contact’s surname, an e-mail or a phone number in the output', async () => {
    const seed = path.join(await tempDir('convert-actions-seed'), 'recueil.txt');
    await writeFile(seed, ['Fiche 1', 'Personne ressource', 'Jeanne Dupont-Lagarde, coordinatrice', 'Personne ressource', 'Paul Martin / Anne Roux, animateurs'].join('\n'));
    const surnames = await contactSurnames(seed);
    expect(surnames).toEqual(['Dupont-Lagarde', 'Martin', 'Roux']);
    expect(privacyProblems('Atelier avec Mme dupont-lagarde et M. Martin', surnames)).toEqual(['the name « dupont-lagarde » of a contact block', 'the name « Martin » of a contact block']);
    expect(privacyProblems('Atelier de la Cité éducative, 05 61 22 33 44, contact@ville.fr', [])).toEqual(['an « @ » (e-mail)', 'a phone number « 05 61 22 33 44 »']);
  });
});
