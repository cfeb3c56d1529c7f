import type { Manifest } from '../data/manifest.ts';
import { loadManifest } from '../data/published-data.ts';
import type { Coordinator } from '../db/coordinator.ts';
import { rowsOf } from '../domain/connector.ts';
import type { RiskWeights } from '../domain/risk-index.ts';
import { buildQpvRiskIndicatorQuery } from '../queries/fiche-qpv-queries.ts';
import { RISK_INDICATOR_ID, RISK_TABLES } from '../queries/risk-indicator-queries.ts';
import { type IndicatorSqlRow, toIndicatorView } from '../view-models/indicator-view.ts';
import type { ComparisonModel } from '../view-models/comparison-model.ts';
import type { FicheModel } from '../view-models/fiche-model.ts';
import { type CsvCell, toCsvFr } from './csv-fr.ts';
import { downloadCsv } from './download.ts';
import { sourceIdsOfTables, sourcesById, sourcesOfTables } from './export-sources.ts';
import { comparisonCsvDocument, ficheCsvDocument } from './indicator-csv.ts';

/**
 * The export buttons' actions: the pure documents of `indicator-csv.ts` with the manifest's
 * sources, offered as downloads. Names carry the QPV codes so that several exports sort well.
 */

/** The risk index has no source of its own: those of the tables its score is computed from. */
const riskSourceIds = (manifest: Manifest, present: boolean) => (present ? sourceIdsOfTables(manifest, RISK_TABLES) : []);

/**
 * The fiche's indicators, the risk index first under `weights` (as the fiche and the map show
 * it): queried when asked for, and left out, the rest exported, if the dataset has no index.
 */
export async function exportFicheCsv(database: Coordinator, model: FicheModel, weights: RiskWeights): Promise<void> {
  const manifest = await loadManifest();
  const risk = await database.query(buildQpvRiskIndicatorQuery([model.identity.code], weights), RISK_TABLES).then(
      (table) => rowsOf<IndicatorSqlRow>()(table).map((row) => toIndicatorView(row)),
      () => [],
    );
  const sources = sourcesById(manifest, [...model.sourceIds, ...riskSourceIds(manifest, risk.length > 0)]);
  downloadCsv(`fiche-${model.identity.code}.csv`, toCsvFr(ficheCsvDocument({ ...model, indicators: [...risk, ...model.indicators] }, sources, new Date())));
}

export async function exportComparisonCsv(model: ComparisonModel): Promise<void> {
  const manifest = await loadManifest();
  const sources = sourcesById(manifest, [...model.sourceIds, ...riskSourceIds(manifest, model.rows.some((r) => r.indicateur === RISK_INDICATOR_ID))]);
  downloadCsv(`comparaison-${model.qpv.map((q) => q.code).join('-')}.csv`, toCsvFr(comparisonCsvDocument(model, sources, new Date())));
}

/**
 * Any table as a French CSV with the sources of the published `tables` it was read from (the
 * result table calls this). Counts of people must already have gone through the secret
 * statistique (`shownCsvCell`).
 */
export async function exportTableCsv(filename: string, table: { header: readonly string[]; rows: readonly (readonly CsvCell[])[]; tables: readonly string[]; note?: string }): Promise<void> {
  const sources = sourcesOfTables(await loadManifest(), table.tables);
  downloadCsv(filename, toCsvFr({ header: table.header, rows: table.rows, sources, exportedAt: new Date(), note: table.note }));
}
