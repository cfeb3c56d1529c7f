import { z } from 'zod';
import { INDICATOR_CATALOGUE, INDICATOR_IDS, type IndicatorEntry, type IndicatorId, isIndicatorId, millesimeLabel } from '../../src/domain/indicator-catalogue.ts';
import { parseNumber } from '../normalise/parse-number.ts';
import { type Location, PipelineError, type RowIssue } from '../pipeline-error.ts';
import type { CsvFile } from '../read/read-csv.ts';
import type { SourceInput } from '../read/read-source.ts';
import { QPV_OF_COMMUNE } from '../secret/additive-groups.ts';
import { applySecretToIndicateurs } from '../secret/secret-indicateurs.ts';
import { concatBuilds, type TableBuild } from '../table-build.ts';
import { type Dictionary, headerLookup, readDictionaries } from './indicator-dictionary.ts';
import { longKey, readLongIndicateurs } from './indicateurs-long.ts';
import { QPV_CODE } from './qpv-properties.ts';

export type IndicateurRow = Record<string, string | number | null> & {
  territoire_code: string;
  niveau: 'qpv';
  indicateur: IndicatorId;
  /**
   * Edition of INSEE's QPV database (`millesime.publication`) for a row of the wide files; the
   * millésime staff give for a row of the long template.
   */
  annee: number;
  /** Year the value describes: the catalogue's for the wide files (null when no document gives it), the long template's millésime. */
  annee_observee: number | null;
  valeur: number | null;
  /** 'secret' / 'secret_secondaire': hidden by the secret statistique at publish (`data-pipeline/secret/`). */
  statut: 'ok' | 'nd' | 'secret' | 'secret_secondaire';
  source_id: string;
};

export type IndicateurMetaRow = Record<string, string | number | null> & {
  indicateur: IndicatorId;
  libelle: string;
  definition: string;
  /** `millesimeLabel` of the catalogue: the observed year, or « publié en …, année observée non précisée ». */
  millesime: string;
  annee_observee: number | null;
  annee_publication: number;
};

export interface IndicateursBuild {
  indicateurs: TableBuild<IndicateurRow>;
  meta: TableBuild<IndicateurMetaRow>;
}

/** Columns that name the territory, not an indicator. */
const IDENTIFIERS = new Set(['code_qp', 'nom_qp', 'nom_commune']);

const KeySchema = z.object({
  code_qp: z.string().trim().regex(QPV_CODE, 'expected QP + 6 digits (2015) or QN + 5 digits + a character (2024)'),
});

/**
 * Wide QPV indicator files (one row per QPV, one column per indicator) → the long
 * `indicateurs` table (one row per QPV and indicator), and `indicateurs_meta` from the
 * catalogue and the files' dictionaries.
 *
 * Values are published as the source publishes them: an empty cell is `valeur` null with
 * `statut` 'nd' (the file does not say whether it was suppressed or missing). Then the secret
 * statistique: counts of people under the threshold, and what would give one away by
 * difference, are published null with statut 'secret' / 'secret_secondaire'
 * (`data-pipeline/secret/secret-indicateurs.ts`). A cell that is not a number is rejected on its own, with
 * its line and column; the QPV's other indicators are kept. A QPV absent from `qpvCodes` (no
 * contour) keeps its indicators, with a warning.
 *
 * Files of the long template (`long`, layout `qpv-indicateurs-long`: `indicateurs-long.ts`)
 * add their rows, each with its own millésime as `annee`.
 */
export function buildIndicateurs(
  values: readonly SourceInput<CsvFile>[],
  dictionaries: readonly SourceInput<CsvFile>[],
  qpvCodes: ReadonlySet<string>,
  long: readonly SourceInput<CsvFile>[] = [],
): IndicateursBuild {
  const dictionary = readDictionaries(dictionaries);
  const rows: IndicateurRow[] = [];
  const locations: Location[] = [];
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  let rowsIn = 0;
  const firstSeen = new Map<string, Location>();
  /** QPV code → its `nom_commune`, which groups the QPV of one `pop_com_qp`. */
  const communeOf = new Map<string, string>();

  for (const { source, data: file } of values) {
    const columns = indicatorColumns(file, dictionary, warnings);
    rowsIn += file.rejected.length;
    rejected.push(...file.rejected);
    for (const row of file.rows) {
      const at = { file: file.file, line: row.line };
      const key = KeySchema.safeParse({ code_qp: row.values[columns.code] });
      if (!key.success) {
        rowsIn += 1;
        rejected.push({ location: { ...at, field: columns.code, value: row.values[columns.code] }, reason: key.error.issues[0]!.message });
        continue;
      }
      const code = key.data.code_qp;
      const first = firstSeen.get(code);
      // Two rows for one QPV: which one is right cannot be guessed, so the run fails.
      if (first !== undefined) {
        throw new PipelineError({ ...at, field: columns.code, value: code }, `duplicate QPV (first seen in ${first.file} line ${first.line})`);
      }
      firstSeen.set(code, at);
      const commune = columns.commune === undefined ? '' : (row.values[columns.commune] ?? '').trim();
      if (commune !== '') communeOf.set(code, commune);
      if (!qpvCodes.has(code)) {
        warnings.push({ location: { ...at, field: columns.code, value: code }, reason: 'QPV not in the qpv table (no contour): its indicators are kept' });
      }
      for (const [id, name] of columns.indicators) {
        rowsIn += 1;
        const cell = row.values[name]!;
        const parsed = parseNumber(cell);
        const here = { ...at, field: name, value: cell };
        if (!parsed.ok) {
          rejected.push({ location: here, reason: parsed.reason });
          continue;
        }
        const entry = INDICATOR_CATALOGUE[id];
        const doubt = parsed.value === null ? null : implausible(entry, parsed.value);
        if (doubt !== null) warnings.push({ location: here, reason: `${doubt}: kept as published` });
        locations.push(here);
        rows.push({
          territoire_code: code,
          niveau: 'qpv',
          indicateur: id,
          annee: entry.millesime.publication,
          annee_observee: entry.millesime.observee,
          valeur: parsed.value,
          statut: parsed.value === null ? 'nd' : 'ok',
          source_id: source.id,
        });
      }
    }
  }
  const indicateurs = concatBuilds({ rows, locations, rowsIn, rejected, warnings }, readLongIndicateurs(long, qpvCodes, new Set(rows.map((r) => longKey(r.territoire_code, r.indicateur, r.annee)))));
  // The secret statistique in one pass per millésime over the wide and the long files' rows
  // together: every additive group holds within one millésime (a cell is an indicator of a
  // QPV, whatever its year).
  for (const annee of new Set(indicateurs.rows.map((r) => r.annee))) {
    const index = indicateurs.rows.flatMap((r, i) => (r.annee === annee ? [i] : []));
    indicateurs.warnings.push(...applySecretToIndicateurs(index.map((i) => indicateurs.rows[i]!), index.map((i) => indicateurs.locations[i]!), { groupOf: communeOf }));
  }
  return {
    indicateurs,
    // The catalogue describes every indicator, whichever layout its values come in.
    meta: buildMeta(values.length > 0 ? values : long, dictionary),
  };
}

/**
 * The file's key column and its indicator columns, in catalogue order. Every catalogue
 * indicator must be there (a missing one fails the run); other columns are skipped with a
 * warning that says whether the dictionary knows them.
 */
function indicatorColumns(file: CsvFile, dictionary: Dictionary, warnings: RowIssue[]): { code: string; commune: string | undefined; indicators: [IndicatorId, string][] } {
  const columnOf = headerLookup(file);
  const missing = ['code_qp', ...INDICATOR_IDS].filter((id) => !columnOf.has(id));
  if (missing.length > 0) {
    throw new PipelineError({ file: file.file, line: 1, field: missing.join(', ') }, `missing column${missing.length > 1 ? 's' : ''} of the indicator catalogue`);
  }
  for (const [lower, name] of columnOf) {
    if (IDENTIFIERS.has(lower) || isIndicatorId(lower)) continue;
    const reason = dictionary.entries.has(lower)
      ? 'column described in the dictionary but not in the indicator catalogue (src/domain/indicator-catalogue.ts): skipped'
      : 'unknown column, in neither the indicator catalogue nor the dictionary: skipped';
    warnings.push({ location: { file: file.file, line: 1, field: name }, reason });
  }
  return { code: columnOf.get('code_qp')!, commune: columnOf.get(QPV_OF_COMMUNE.by), indicators: INDICATOR_IDS.map((id) => [id, columnOf.get(id)!]) };
}

/** Why a value looks wrong for its kind, or null: a share outside 0–100 %, a count below zero or with decimals. */
function implausible(entry: IndicatorEntry, value: number): string | null {
  if (entry.unite === '%' && (value < 0 || value > 100)) return 'share outside 0–100 %';
  if ((entry.type_valeur === 'effectif' || entry.type_valeur === 'nombre') && !(Number.isInteger(value) && value >= 0)) return 'count that is not a whole number ≥ 0';
  return null;
}

/** One row per catalogue indicator of the value files, with the dictionary's definition and the catalogue's millésime. */
function buildMeta(values: readonly SourceInput<CsvFile>[], dictionary: Dictionary): TableBuild<IndicateurMetaRow> {
  const rows: IndicateurMetaRow[] = [];
  const locations: Location[] = [];
  const warnings = [...dictionary.warnings];
  const first = values[0];
  if (first !== undefined) {
    for (const id of INDICATOR_IDS) {
      const entry = INDICATOR_CATALOGUE[id];
      const described = dictionary.entries.get(id);
      const location = described?.location ?? { file: first.data.file, line: 1, field: id };
      if (described === undefined) warnings.push({ location, reason: 'no definition in the dictionary: the catalogue label stands for it' });
      locations.push(location);
      rows.push({
        indicateur: id,
        libelle: entry.libelle,
        definition: described?.description ?? entry.libelle,
        unite: entry.unite,
        type_valeur: entry.type_valeur,
        sens: entry.sens,
        theme: entry.theme,
        source_id: first.source.id,
        // The indicator's own years, from the catalogue: the source's millésime is an edition.
        millesime: millesimeLabel(entry.millesime),
        annee_observee: entry.millesime.observee,
        annee_publication: entry.millesime.publication,
      });
    }
  }
  return { rows, locations, rowsIn: rows.length + dictionary.rejected.length, rejected: dictionary.rejected, warnings };
}
