import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS_REQUIRED_COLUMNS, ACTIONS_TEMPLATE_COLUMNS, readActionsHeader } from '../../src/domain/actions-template.ts';
import { toTemplateRecord } from '../../src/domain/template-cells.ts';
import { SPHERES, TRANCHES } from '../../src/domain/vocabulary.ts';
import { REPO_ROOT } from '../support/published-data.ts';

describe('readActionsHeader: a file’s header matched to the template', () => {
  it('forgives case, accents and `_`/space, and reports unknown or repeated columns', () => {
    const header = readActionsHeader(['Titre', 'Sphères', 'commune code', 'SOURCE', 'budget', 'titre']);
    expect([...header.columns]).toEqual([
      ['titre', 'Titre'],
      ['spheres', 'Sphères'],
      ['commune_code', 'commune code'],
      ['source', 'SOURCE'],
    ]);
    expect(header.unknown).toEqual(['budget', 'titre']);
    expect(header.missingRequired).toEqual([]);
  });

  it('lists the required columns the header lacks', () => {
    expect(readActionsHeader(['titre', 'commune']).missingRequired).toEqual(['spheres', 'source']);
    expect(ACTIONS_REQUIRED_COLUMNS).toEqual(['titre', 'spheres', 'source']);
  });

  it('keys a row of the file by template column', () => {
    const header = readActionsHeader(['Titre', 'Sphères', 'budget']);
    expect(toTemplateRecord(header, { Titre: 'Forum', Sphères: 'quartier', budget: '100' })).toEqual({ titre: 'Forum', spheres: 'quartier' });
  });
});

describe('the documented template', () => {
  it('docs/templates/actions.csv is the header line of the template', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'docs/templates/actions.csv'), 'utf8');
    expect(text).toBe(`${ACTIONS_TEMPLATE_COLUMNS.join(';')}\n`);
  });

  it('docs/actions-template.md documents every column and every vocabulary label', async () => {
    const doc = await readFile(path.join(REPO_ROOT, 'docs/actions-template.md'), 'utf8');
    for (const column of ACTIONS_TEMPLATE_COLUMNS) expect(doc).toContain(`\`${column}\``);
    for (const e of SPHERES) expect(doc).toContain(e.label);
    for (const e of TRANCHES) expect(doc).toContain(`\`${e.id}\``);
  });
});
