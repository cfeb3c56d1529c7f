import { themeLabel } from '../domain/indicator-themes.ts';
import { coverageMedianLabel, departementMedianLabel, regionMedianLabel } from '../domain/loaded-coverage.ts';
import { SECRET_THRESHOLD, secretNote } from '../domain/secret-statistique.ts';
import type { ComparisonModel } from '../view-models/comparison-model.ts';
import type { FicheModel } from '../view-models/fiche-model.ts';
import { type CsvDocument, type ExportSource, shownCsvCell } from './csv-fr.ts';

/**
 * The column of the year each indicator describes (`indicateurs_meta.millesime`): « 2013 », or
 * « publié en 2019, année observée non précisée » — never an edition given as the year observed.
 */
export const MILLESIME_HEADER = 'Millésime';

/**
 * The indicators of a fiche: one line per indicator with its references, rank and centile.
 * Each median's header names the QPV it is taken over, counted and placed from the data (a
 * CSV leaves the app's captions behind).
 */
export function ficheCsvDocument(model: FicheModel, sources: readonly ExportSource[], exportedAt: Date, threshold = SECRET_THRESHOLD): CsvDocument {
  const { identity, coverage } = model;
  const loaded = coverageMedianLabel(coverage);
  return {
    header: [
      'Code QPV',
      'Nom du QPV',
      'Commune(s)',
      'Département',
      'Thème',
      'Indicateur',
      MILLESIME_HEADER,
      'Unité',
      'Valeur',
      departementMedianLabel(coverage, identity.departement.code),
      regionMedianLabel(coverage, identity.region.code),
      loaded,
      `Écart à la ${loaded.charAt(0).toLowerCase()}${loaded.slice(1)}`,
      'Rang (1 = le plus défavorable)',
      'QPV classés',
      'Centile',
      // The median and rank are taken over the QPV whose value has the same millésime.
      'QPV de la médiane des données chargées (avec une valeur du même millésime)',
    ],
    rows: model.indicators.map((i) => [
      identity.code,
      identity.nom,
      identity.communes,
      identity.departement.nom,
      themeLabel(i.theme),
      i.libelle,
      i.millesime,
      i.unite,
      shownCsvCell(i.value, threshold),
      i.references.departement.median,
      i.references.region.median,
      i.references.qpv.median,
      i.references.qpv.ecart,
      i.rang,
      i.qpvClasses,
      i.centile,
      i.references.qpv.qpvCount,
    ]),
    sources,
    exportedAt,
    note: secretNote(threshold),
  };
}

/** A comparison: one line per indicator, value and rank of each QPV, the median of the loaded QPV (named), best and worst. */
export function comparisonCsvDocument(model: ComparisonModel, sources: readonly ExportSource[], exportedAt: Date, threshold = SECRET_THRESHOLD): CsvDocument {
  const names = (row: ComparisonModel['rows'][number], mark: 'meilleur' | 'moins-bon') =>
    row.cells
      .filter((c) => c.mark === mark)
      .map((c) => model.qpv.find((q) => q.code === c.qpvCode)?.nom ?? c.qpvCode)
      .join(', ');
  return {
    header: [
      'Thème',
      'Indicateur',
      MILLESIME_HEADER,
      'Unité',
      ...model.qpv.flatMap((q) => [`${q.nom} (${q.code})`, `Rang ${q.code}`]),
      coverageMedianLabel(model.coverage),
      'Le plus favorable',
      'Le moins favorable',
    ],
    rows: model.rows.map((row) => [
      themeLabel(row.theme),
      row.libelle,
      row.millesime,
      row.unite,
      ...row.cells.flatMap((c) => [shownCsvCell(c.value, threshold), c.rang]),
      row.medianeQpv,
      names(row, 'meilleur'),
      names(row, 'moins-bon'),
    ]),
    sources,
    exportedAt,
    note: secretNote(threshold),
  };
}
