import type { Location, RowIssue } from '../pipeline-error.ts';
import { applySecretToCounts } from '../secret/secret-effectifs.ts';
import type { SourceInputs } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import type { QpvBuild } from './build-qpv.ts';
import type { TerritoiresBuild } from './build-territoires.ts';
import { collectFileRows, type FileRows } from './etablissements/collect-file-rows.ts';
import type { EtablissementRow } from './etablissements/etablissement-fields.ts';
import { keepMainLines } from './etablissements/keep-main-lines.ts';
import { type DnbSessionRow, EtablissementsMerge } from './etablissements/merge-etablissements.ts';
import { annuaireReader } from './etablissements/parse-annuaire-row.ts';
import { dnbReader } from './etablissements/parse-dnb-row.ts';
import { dnbSessionReader } from './etablissements/parse-dnb-session-row.ts';
import { geolocalisationReader } from './etablissements/parse-geolocalisation-row.ts';
import { ipsReader } from './etablissements/parse-ips-row.ts';
import { QpvProximity } from './etablissements/qpv-proximity.ts';

export type EtablissementsBuild = TableBuild<EtablissementRow> & {
  /** Every DNB session of the collèges (`dnb_sessions`), the latest of each being also in `rows`. */
  dnbSessions: TableBuild<DnbSessionRow>;
};

/**
 * Schools and education services, keyed by UAI, from (in order of precedence):
 * - the Annuaire de l'éducation extracts (layout `annuaire-education`, 2023 and 2024 headers):
 *   every open establishment with its éducation prioritaire (REP / REP+), pupils and date;
 * - the national géolocalisation of collèges (`colleges-geolocalisation`): collèges the
 *   annuaires lack, and empty fields of those they have;
 * - DNB by collège (`colleges-dnb`): success rate, and REP / REP+ flags of rentrée 2020 for
 *   collèges no annuaire covers (an annuaire that disagrees wins, with a warning);
 * - DNB by établissement, every session (`dnb-etablissements`): success rate;
 * - IPS des collèges (`colleges-ips`): IPS, and pupils where still unknown.
 * Of several DNB sessions or IPS rentrées, the latest is published, labelled by
 * `dnb_session` / `ips_annee`, whatever order the files come in; every DNB session is also
 * published side by side in `dnb_sessions` (rates only, like the figure: no count of pupils).
 * Then each located establishment gets the QPV it lies in and those within 300 m, and pupils
 * go through the secret statistique (under 11: null, `effectifs_statut` 'secret').
 * A UAI twice in one file fails the run (except the annuaire's multi-line establishments).
 */
export function buildEtablissements(
  inputs: SourceInputs,
  territoires: Pick<TerritoiresBuild, 'regionOfDepartement'>,
  qpv: Pick<QpvBuild, 'rows' | 'geometries'>,
): EtablissementsBuild {
  const regions = territoires.regionOfDepartement;
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  let rowsIn = 0;
  const take = <T>(read: FileRows<T>) => {
    rowsIn += read.rowsIn;
    rejected.push(...read.rejected);
    warnings.push(...read.warnings);
    return read.rows;
  };

  const merge = new EtablissementsMerge();
  for (const { source, data } of inputs.csv('annuaire-education')) {
    const main = keepMainLines(take(collectFileRows(data, annuaireReader(source, regions))));
    warnings.push(...main.warnings);
    for (const row of main.rows) merge.add(row, true);
  }
  for (const { source, data } of inputs.csv('colleges-geolocalisation')) {
    for (const row of take(collectFileRows(data, geolocalisationReader(source, regions)))) merge.add(row, false);
  }
  for (const { source, data } of inputs.csv('colleges-dnb')) {
    for (const row of take(collectFileRows(data, dnbReader))) pushIf(warnings, merge.joinDnb(row, source.id));
  }
  for (const { source, data } of inputs.csv('dnb-etablissements')) {
    for (const row of take(collectFileRows(data, dnbSessionReader))) pushIf(warnings, merge.joinDnbSession(row, source.id));
  }
  for (const { data } of inputs.csv('colleges-ips')) {
    for (const row of take(collectFileRows(data, ipsReader))) pushIf(warnings, merge.joinIps(row));
  }

  const proximity = new QpvProximity(qpv);
  const rows: EtablissementRow[] = [];
  const locations: Location[] = [];
  for (const { fields, location } of merge.values()) {
    if (fields.lon === null) warnings.push({ location, reason: 'no coordinates in any source: kept, not placed on the map' });
    Object.assign(fields, proximity.locate(fields.lon, fields.lat));
    rows.push(fields as EtablissementRow);
    locations.push(location);
  }
  applySecretToCounts(rows, 'effectifs', 'effectifs_statut');
  const sessions = merge.dnbSessions();
  // The DNB rows are counted, rejected and warned about once, with the establishments.
  const dnbSessions = { ...sessions, rowsIn: sessions.rows.length, rejected: [], warnings: [] };
  return { rows, locations, rowsIn, rejected, warnings, dnbSessions };
}

function pushIf(list: RowIssue[], issue: RowIssue | null): void {
  if (issue !== null) list.push(issue);
}
