import { type ActionTableRow, actionTableRow, type CommunePlace } from '../../src/domain/action-table-row.ts';
import { ACTIONS_REQUIRED_COLUMNS, ACTIONS_TEMPLATE_COLUMNS, ActionsTemplateSchema } from '../../src/domain/actions-template.ts';
import { ACTIONS_LAYOUT, CITES_LAYOUT, PRE_LAYOUT } from '../../src/domain/table-layouts.ts';
import type { Location } from '../pipeline-error.ts';
import type { CsvFile } from '../read/read-csv.ts';
import type { SourceInput, SourceInputs } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import { collectTemplateRows } from './actions/collect-template-rows.ts';
import { communePlaces } from './actions/commune-places.ts';
import type { BuiltTable } from './build-all-tables.ts';
import { buildCites, buildPre } from './build-registres.ts';
import type { TerritoiresBuild } from './build-territoires.ts';

/**
 * The tables of the Cité éducative view: the `cites` and `pre` registries, then the
 * `actions` (whose `cite` cells refer to the registry), all placed at their communes.
 */
export function buildActionTables(inputs: SourceInputs, territoires: Pick<TerritoiresBuild, 'rows' | 'communes'>, qpv: Pick<TableBuild<{ code: string }>, 'rows'>): BuiltTable[] {
  const communes = communePlaces(territoires);
  const qpvCodes = new Set(qpv.rows.map((r) => r.code));
  const cites = buildCites(inputs.csv('cites-registre'), communes, qpvCodes, territoires.communes.outlines);
  const pre = buildPre(inputs.csv('pre-registre'), communes);
  const actions = buildActions(inputs.csv('actions-template'), { communes, qpvCodes, cites: new Set(cites.rows.map((c) => c.nom)) });
  return [
    [CITES_LAYOUT, cites],
    [PRE_LAYOUT, pre],
    [ACTIONS_LAYOUT, actions],
  ];
}

export interface ActionsContext {
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
export function buildActions(inputs: readonly SourceInput<CsvFile>[], context: ActionsContext): TableBuild<ActionTableRow> {
  const collected = collectTemplateRows(inputs, { columns: ACTIONS_TEMPLATE_COLUMNS, required: ACTIONS_REQUIRED_COLUMNS, schema: ActionsTemplateSchema });
  const rows: ActionTableRow[] = [];
  const locations: Location[] = [];
  const { warnings } = collected;
  for (const { value: action, sourceId, at } of collected.items) {
    const warn = (field: string, value: string, reason: string) => warnings.push({ location: { ...at, field, value }, reason });
    for (const code of action.commune_code.filter((c) => !context.communes.has(c))) warn('commune_code', code, 'commune not in territoires (COG 2018): action kept, not placed');
    for (const code of action.qpv_code.filter((c) => !context.qpvCodes.has(c))) warn('qpv_code', code, 'QPV not in the qpv table: kept');
    for (const name of action.cite.filter((c) => !context.cites.has(c))) warn('cite', name, 'Cité not in the cites registry: kept');
    if (action.commune_code.length === 0 && action.departement_code === null) warn('commune_code', '', 'no commune nor département: action listed, not placed on the map');
    locations.push({ ...at, field: 'id' });
    rows.push(actionTableRow(action, action.id ?? `${sourceId}-${at.line}`, sourceId, context.communes));
  }
  return { rows, locations, rowsIn: collected.rowsIn, rejected: collected.rejected, warnings };
}
