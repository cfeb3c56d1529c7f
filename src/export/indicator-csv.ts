import { themeLabel } from '../domain/indicator-themes.ts';
import { SECRET_THRESHOLD, secretNote } from '../domain/secret-statistique.ts';
import type { ComparisonModel } from '../view-models/comparison-model.ts';
import type { FicheModel } from '../view-models/fiche-model.ts';
import { type CsvDocument, type ExportSource, shownCsvCell } from './csv-fr.ts';

/**
 * The column of the year each indicator describes (`indicateurs_meta.millesime`): « 2013 », or
 * « publié en 2019, année observée non précisée » — never an edition given as the year observed.
 */
export const MILLESIME_HEADER = 'Millésime (année observée)';

/** The indicators of a fiche: one line per indicator with its references, rank and centile. */
export function ficheCsvDocument(model: FicheModel, sources: readonly ExportSource[], exportedAt: Date, threshold = SECRET_THRESHOLD): CsvDocument {
  const { identity } = model;
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
      'Médiane des QPV du département',
      'Médiane des QPV de la région',
      'Médiane de tous les QPV',
      'Écart à la médiane de tous les QPV',
      'Rang (1 = le plus défavorable)',
      'QPV classés',
      'Centile',
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
    ]),
    sources,
    exportedAt,
    note: secretNote(threshold),
  };
}

/** A comparison: one line per indicator, value and rank of each QPV, the all-QPV median, best and worst. */
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
      'Médiane de tous les QPV',
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
