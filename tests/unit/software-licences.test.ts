import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOFTWARE_LICENCES } from '../../src/domain/software-licences.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { dependencies?: Record<string, string>; license?: string };

describe('the libraries named on « Sources et licences »', () => {
  it('are exactly the dependencies the app ships (package.json)', () => {
    expect(SOFTWARE_LICENCES.map((s) => s.name).sort()).toEqual(Object.keys(readJson('package.json').dependencies ?? {}).sort());
  });

  it.each(SOFTWARE_LICENCES.map((s) => [s.name, s] as const))('%s: the licence its package declares', (name, s) => {
    expect(s.licence).toBe(readJson(`node_modules/${name}/package.json`).license);
  });
});
