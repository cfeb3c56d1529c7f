import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../src/data/manifest.ts';
import { csvCell, csvNumber, shownCsvCell, sourcesLine, toCsvFr } from '../../src/export/csv-fr.ts';
import { sourcesById, sourcesOfTables } from '../../src/export/export-sources.ts';
import { PUBLISHED_DIR } from '../support/published-data.ts';

// 23 November 2026, 23:30 UTC: already the 24th in Paris.
const EXPORTED_AT = new Date('2026-11-23T23:30:00Z');

describe('French Excel CSV', () => {
  it('writes a known document byte for byte: BOM, `;`, decimal comma, JJ/MM/AAAA, CRLF, sources and export lines', () => {
    const csv = toCsvFr({
      header: ['Code QPV', 'Nom', 'Valeur', 'Date'],
      rows: [
        ['QP066007', 'Bas-Vernet; « nouveau »', 40.9, new Date('2024-05-03T10:00:00Z')],
        ['QP034004', 'Dit "La Mosson"', -1234.5, '2024-11-26'],
        ['QP031001', null, '< 11', undefined],
      ],
      sources: [
        { publisher: 'INSEE', millesime: '2019', licence: 'Licence Ouverte' },
        { publisher: 'INSEE', millesime: '2019', licence: 'Licence Ouverte' },
        { publisher: 'ANCT', millesime: 'QPV 2015', licence: 'Licence Ouverte / Etalab' },
      ],
      exportedAt: EXPORTED_AT,
      note: 'secret statistique',
    });
    const expected =
      '\uFEFFCode QPV;Nom;Valeur;Date\r\n' +
      'QP066007;"Bas-Vernet; « nouveau »";40,9;03/05/2024\r\n' +
      'QP034004;"Dit ""La Mosson""";-1234,5;26/11/2024\r\n' +
      'QP031001;;< 11;\r\n' +
      '\r\n' +
      'Sources : INSEE, millésime 2019 (Licence Ouverte) · ANCT, millésime QPV 2015 (Licence Ouverte / Etalab)\r\n' +
      'Exporté le 24/11/2026 depuis l’Observatoire de la réussite éducative · secret statistique\r\n';
    expect(csv).toBe(expected);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // « é » of « Exporté » as UTF-8, not Latin-1.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });

  it('writes numbers as Excel reads them in French: comma, no grouping, no float noise', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0,3');
    expect(csvNumber(13480)).toBe('13480');
    expect(csvNumber(-0.0000001)).toBe('0');
    expect(csvNumber(2 / 3)).toBe('0,666667');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('never lets a cell run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
  });

  it('hides secret counts as « < 11 » and marks missing values', () => {
    expect(shownCsvCell({ status: 'ok', value: 12.5 })).toBe(12.5);
    expect(shownCsvCell({ status: 'secret' })).toBe('< 11');
    expect(shownCsvCell({ status: 'secret' }, 5)).toBe('< 5');
    expect(shownCsvCell({ status: 'nd' })).toBe('n.d.');
  });

  it('takes publishers, millésimes and licences from the published manifest', async () => {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(path.join(PUBLISHED_DIR, 'manifest.json'), 'utf8')));
    const byId = sourcesById(manifest, ['qpv-occitanie-2015-indicateurs', 'no-such-source', 'qpv-occitanie-2015']);
    expect(byId).toHaveLength(2);
    expect(byId[0]!.publisher).toMatch(/^INSEE/);
    expect(byId[0]!.millesime).toMatch(/2019/);
    expect(byId[1]!.publisher).toMatch(/ANCT/);
    const all = sourcesOfTables(manifest, ['qpv', 'indicateurs']);
    expect(all).toHaveLength(manifest.tables.filter((t) => t.name === 'qpv' || t.name === 'indicateurs').reduce((n, t) => n + t.sources.length, 0));
    expect(sourcesLine(all)).toMatch(/^Sources : CGET \/ ANCT .*millésime QPV 2015.*INSEE/);
    expect(sourcesLine([])).toBe('Sources : non renseignées');
    const school = { publisher: 'Éducation nationale', licence: 'LO 2.0' };
    expect(sourcesLine([{ ...school, millesime: '2024' }, { publisher: 'INSEE', licence: 'LO', millesime: '2019' }, { ...school, millesime: '2023' }, { ...school, millesime: '2024' }])).toBe(
      'Sources : Éducation nationale, millésimes 2024, 2023 (LO 2.0) · INSEE, millésime 2019 (LO)',
    );
  });
});
