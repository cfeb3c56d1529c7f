import { type ActionReferenceKind, type ActionReferenceTables, actionReferenceIssues } from '../../src/domain/action-references.ts';
import { type ActionTableRow, actionTableRow, type CommunePlace } from '../../src/domain/action-table-row.ts';
import { ACTIONS_REQUIRED_COLUMNS, ACTIONS_TEMPLATE_COLUMNS, ActionsTemplateSchema } from '../../src/domain/actions-template.ts';
import { ACTIONS_LAYOUT, CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import type { Location } from '../pipeline-error.ts';
import type { TabularFile } from '../read/read-xlsx.ts';
import type { SourceInput, SourceInputs } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import { collectTemplateRows } from './actions/collect-template-rows.ts';
import { communePlaces } from './actions/commune-places.ts';
import type { BuiltTable } from './build-all-tables.ts';
import { buildCites, buildPre } from './build-registres.ts';
import type { QpvBuild } from './build-qpv.ts';
import type { TerritoiresBuild } from './build-territoires.ts';

/**
 * The tables of the Cité éducative view: the `cites` and `pre` registries, then the
 * `actions` (whose `cite` cells refer to the registry), all placed at their communes.
 */
export function buildActionTables(inputs: SourceInputs, territoires: Pick<TerritoiresBuild, 'rows' | 'communes'>, qpv: Pick<QpvBuild, 'rows' | 'geometries'>): BuiltTable[] {
  const communes = communePlaces(territoires);
  const qpvCodes = new Set(qpv.rows.map((r) => r.code));
  const qpvRows = qpv.rows.map((r) => ({ code: r.code, nom: String(r.nom), commune_code: String(r.commune_code) }));
  const qpvOutlines = new Map(qpv.geometries.codes.map((code, i) => [code, qpv.geometries.index.polygon(i)]));
  const cites = buildCites(inputs.tabular('cites-registre'), communes, { rows: qpvRows, outlines: qpvOutlines }, territoires.communes.outlines);
  const pre = buildPre(inputs.tabular('pre-registre'), communes);
  const actions = buildActions(inputs.tabular('actions-template'), { communes, qpvCodes, cites: new Set(cites.rows.map((c) => c.nom)) });
  return [
    [CITES_LAYOUT, cites],
    [PRE_LAYOUT, pre],
    [ACTIONS_LAYOUT, actions],
  ];
}

const REFERENCE_WARNINGS: Record<ActionReferenceKind, string> = {
  'commune-inconnue': 'commune not in territoires (COG 2018): action kept, not placed',
  'qpv-inconnu': 'QPV not in the qpv table: kept',
  'cite-inconnue': 'Cité not in the cites registry: kept',
  'non-placee': 'no commune nor département: action listed, not placed on the map',
};

export interface ActionsContext extends ActionReferenceTables {
  communes: ReadonlyMap<string, CommunePlace>;
  qpvCodes: ReadonlySet<string>;
  /** Names of the `cites` table, which the `cite` cells refer to. */
  cites: ReadonlySet<string>;
}

/**
 * The `actions` table from files in the actions template (`src/domain/actions-template.ts`,
 * the same validation the app's import runs). A row without `id` gets `<source id>-<line>`.
 * References the other tables cannot resolve (commune, QPV, Cité) keep the action, with a
 * warning: an action is worth listing even where the observatory has no map for it.
 */
export function buildActions(inputs: readonly SourceInput<TabularFile>[], context: ActionsContext): TableBuild<ActionTableRow> {
  const collected = collectTemplateRows(inputs, { columns: ACTIONS_TEMPLATE_COLUMNS, required: ACTIONS_REQUIRED_COLUMNS, schema: ActionsTemplateSchema });
  const rows: ActionTableRow[] = [];
  const locations: Location[] = [];
  const { warnings } = collected;
  for (const { value: action, sourceId, at } of collected.items) {
    for (const { kind, column, value } of actionReferenceIssues(action, context)) warnings.push({ location: { ...at, field: column, value }, reason: REFERENCE_WARNINGS[kind] });
    locations.push({ ...at, field: 'id' });
    rows.push(actionTableRow(action, action.id ?? `${sourceId}-${at.line}`, sourceId, context.communes));
  }
  return { rows, locations, rowsIn: collected.rowsIn, rejected: collected.rejected, warnings };
}
