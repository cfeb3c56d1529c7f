import { z } from 'zod';
import { INDICATOR_CATALOGUE, isIndicatorId } from '../../src/domain/indicator-catalogue.ts';
import { SECRET_STATUT } from '../../src/domain/secret-statistique.ts';
import { parseNumber } from '../normalise/parse-number.ts';
import { type Location, PipelineError } from '../pipeline-error.ts';
import type { CsvFile } from '../read/read-csv.ts';
import type { SourceInput } from '../read/read-source.ts';
import { QPV_OF_COMMUNE } from '../secret/additive-groups.ts';
import type { TableBuild } from '../table-build.ts';
import type { IndicateurRow } from './build-indicateurs.ts';
import { headerLookup } from './indicator-dictionary.ts';
import { QPV_CODE } from './qpv-properties.ts';

/**
 * The columns of the long indicator template (`docs/templates/indicateurs-qpv.csv`, layout
 * `qpv-indicateurs-long`): one row per QPV, indicator and millésime, which staff fill from any
 * INSEE file of the « Données sur les quartiers 2024 de la politique de la ville » (no
 * documented column layout of those bases was found: docs/data-sources.md).
 */
export const LONG_COLUMNS = ['code_qp', 'indicateur', 'valeur', 'millesime', 'statut'] as const;

/** What `statut` may say; empty reads as 'ok' when there is a value. */
const STATUTS = ['ok', 'nd', SECRET_STATUT] as const;

const MillesimeSchema = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'expected a year (4 digits)')
  .transform(Number)
  .refine((y) => y >= 2000 && y <= 2100, 'expected a year between 2000 and 2100');

/** The key of one value: a QPV's indicator in one millésime. */
export const longKey = (code: string, indicateur: string, annee: number) => `${code}/${indicateur}/${annee}`;

/**
 * Reads the long template files into `indicateurs` rows: `annee` is the row's own millésime,
 * so that several millésimes of one QPV and indicator sit side by side. A row whose code,
 * indicator, value, millésime or statut is wrong is rejected at its line and column; the
 * same QPV, indicator and millésime twice fails the run, naming both lines; one the wide
 * files already give (`fromWide`, keys of `longKey`) is rejected. A value under
 * `statut` 'secret' or 'nd' must be empty. The secret statistique is applied by the caller,
 * per millésime, over these rows and the wide files' together (`buildIndicateurs`).
 */
export function readLongIndicateurs(files: readonly SourceInput<CsvFile>[], qpvCodes: ReadonlySet<string>, fromWide: ReadonlySet<string> = new Set()): TableBuild<IndicateurRow> {
  const out: TableBuild<IndicateurRow> = { rows: [], locations: [], rowsIn: 0, rejected: [], warnings: [] };
  const { rows, locations, rejected, warnings } = out;
  const firstSeen = new Map<string, Location>();
  const unknownQpv = new Set<string>();

  for (const { source, data: file } of files) {
    const columnOf = headerLookup(file);
    const missing = LONG_COLUMNS.filter((c) => !columnOf.has(c));
    if (missing.length > 0) throw new PipelineError({ file: file.file, line: 1, field: missing.join(', ') }, `missing column${missing.length > 1 ? 's' : ''} of the long indicator template (${LONG_COLUMNS.join(';')})`);
    out.rowsIn += file.rows.length + file.rejected.length;
    rejected.push(...file.rejected);
    for (const row of file.rows) {
      const cell = (c: (typeof LONG_COLUMNS)[number]) => (row.values[columnOf.get(c)!] ?? '').trim();
      const at = (c: (typeof LONG_COLUMNS)[number]): Location => ({ file: file.file, line: row.line, field: columnOf.get(c)!, value: cell(c) });
      const reject = (c: (typeof LONG_COLUMNS)[number], reason: string) => rejected.push({ location: at(c), reason });

      const code = cell('code_qp');
      if (!QPV_CODE.test(code)) {
        reject('code_qp', 'expected QP + 6 digits (2015) or QN + 5 digits + a character (2024)');
        continue;
      }
      const indicateur = cell('indicateur').toLowerCase();
      if (!isIndicatorId(indicateur)) {
        reject('indicateur', 'unknown indicator id: expected one of src/domain/indicator-catalogue.ts (listed in docs/templates/indicateurs-qpv.md)');
        continue;
      }
      if (indicateur === QPV_OF_COMMUNE.total) {
        // A total over the QPV of a commune: without the commune, the pipeline could not hide
        // it with them, and it would give away a QPV's hidden population by difference.
        reject('indicateur', `${QPV_OF_COMMUNE.total} (population of the commune's QPV) is not accepted in the long template: the pipeline cannot protect it by difference without the commune`);
        continue;
      }
      const millesime = MillesimeSchema.safeParse(cell('millesime'));
      if (!millesime.success) {
        reject('millesime', millesime.error.issues[0]!.message);
        continue;
      }
      const parsed = parseNumber(cell('valeur'));
      if (!parsed.ok) {
        reject('valeur', parsed.reason);
        continue;
      }
      const statut = cell('statut').toLowerCase() || 'ok';
      if (!(STATUTS as readonly string[]).includes(statut)) {
        reject('statut', `expected ${STATUTS.join(', ')} or empty`);
        continue;
      }
      if (statut === 'ok' && parsed.value === null) {
        reject('valeur', "empty value: write its statut, 'nd' (not available) or 'secret' (suppressed by the publisher)");
        continue;
      }
      if (statut !== 'ok' && parsed.value !== null) {
        reject('valeur', `a value under statut '${statut}': leave it empty`);
        continue;
      }
      const key = longKey(code, indicateur, millesime.data);
      if (fromWide.has(key)) {
        reject('millesime', 'this QPV, indicator and millésime are already given by an INSEE file of the 2015 layout: a value is published once');
        continue;
      }
      const first = firstSeen.get(key);
      if (first !== undefined) {
        throw new PipelineError({ ...at('millesime'), value: key }, `duplicate QPV, indicator and millésime (first seen in ${first.file} line ${first.line})`);
      }
      firstSeen.set(key, at('millesime'));
      if (!qpvCodes.has(code) && !unknownQpv.has(code)) {
        unknownQpv.add(code);
        warnings.push({ location: at('code_qp'), reason: 'QPV not in the qpv table (no contour): its indicators are kept' });
      }
      const entry = INDICATOR_CATALOGUE[indicateur];
      if (entry.unite === '%' && parsed.value !== null && (parsed.value < 0 || parsed.value > 100)) warnings.push({ location: at('valeur'), reason: 'share outside 0–100 %: kept as published' });
      locations.push(at('valeur'));
      rows.push({
        territoire_code: code,
        niveau: 'qpv',
        indicateur,
        annee: millesime.data,
        annee_observee: millesime.data,
        valeur: parsed.value,
        statut: statut as IndicateurRow['statut'],
        source_id: source.id,
      });
    }
  }
  return out;
}
