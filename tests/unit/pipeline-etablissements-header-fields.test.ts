import { describe, expect, it } from 'vitest';
import type { CsvFile } from '../../data-pipeline/read/read-csv.ts';
import { canonicalValues, field, resolveHeader } from '../../data-pipeline/tables/etablissements/header-fields.ts';

const file = (header: string[]): CsvFile => ({ file: 'f.csv', encoding: 'utf-8', delimiter: ';', header, rows: [], rejected: [] });
const FIELDS = {
  postal: field(true, 'Code_postal'),
  x: field(false, 'coordX_origine', 'coordonnee_X'),
  rentree: field(true, 'Rentrée scolaire'),
  fax: field(false, 'Fax'),
};

describe('resolveHeader / canonicalValues', () => {
  it('finds each field under any of its names, whatever the case, accents, spaces or underscores', () => {
    const header = ['Code postal', 'coordonnee_X', 'RENTREE_SCOLAIRE'];
    const columns = resolveHeader(file(header), FIELDS);
    expect(columns).toEqual({ postal: 'Code postal', x: 'coordonnee_X', rentree: 'RENTREE_SCOLAIRE', fax: undefined });
    expect(canonicalValues({ line: 2, values: { 'Code postal': '35580', coordonnee_X: '332503.4', RENTREE_SCOLAIRE: '2022-2023' } }, columns)).toEqual({
      postal: '35580',
      x: '332503.4',
      rentree: '2022-2023',
      fax: '',
    });
  });

  it('fails on line 1 naming every missing required field with its accepted names', () => {
    expect(() => resolveHeader(file(['coordX_origine', 'Code_postal ']), FIELDS)).toThrow('f.csv:1 field Rentrée scolaire: missing required column (header has: coordX_origine, Code_postal )');
    expect(() => resolveHeader(file(['Fax']), FIELDS)).toThrow('f.csv:1 field Code_postal, Rentrée scolaire: missing required columns');
  });
});
