import type { TableName } from '../domain/table-layouts.ts';
import type { Territoire } from '../domain/cross-filter.ts';
import { sqlString } from '../domain/sql.ts';
import type { SelectedObject } from '../domain/selected-object.ts';
import { buildIndicatorListQuery } from './indicator-queries.ts';
import { ALL_ACTIONS_VIEW } from './local-actions-queries.ts';
import { fromObject, OBJECT_TABLES } from './object-tables.ts';

/** What a link (or the state) names by its key: each must exist in the data to be shown. */
export interface References {
  indicator: string;
  /** The indicator shown instead of an unknown one. */
  defaultIndicator: string;
  selectedQpv: string | null;
  selectedObject: SelectedObject | null;
  territoire: Territoire | null;
}

/** One row: whether each reference exists (null when none was given), and the default indicator's label. */
export interface ReferenceCheck {
  indicateur: boolean;
  qpv: boolean | null;
  objet: boolean | null;
  territoire: boolean | null;
  libelle_defaut: string | null;
}

const exists = (sql: string) => `EXISTS (SELECT 1 ${sql})`;

function territoireExists(t: Territoire): string {
  if (t.niveau === 'cite') return exists(`FROM cites WHERE nom = ${sqlString(t.code)}`);
  return exists(`FROM territoires WHERE niveau = ${sqlString(t.niveau)} AND code = ${sqlString(t.code)}`);
}

/** Tables the check reads; actions are read from the view of published and local ones (`actions_toutes`, which the caller adds). */
export function referenceCheckTables(refs: References): TableName[] {
  const tables = new Set<TableName>(['indicateurs_meta', 'indicateurs']);
  if (refs.selectedQpv !== null) tables.add('qpv');
  if (refs.selectedObject !== null) tables.add(OBJECT_TABLES[refs.selectedObject.kind].table);
  if (refs.territoire !== null) tables.add(refs.territoire.niveau === 'cite' ? 'cites' : 'territoires');
  return [...tables];
}

/**
 * Whether the indicator, QPV, object and territory of `refs` exist (a `ReferenceCheck`): an
 * unknown one would give an empty map, legend or fiche, so the app falls back to its default.
 * The indicator must be one the selector offers.
 */
export function buildReferenceCheckQuery(refs: References): string {
  const { selectedQpv: qpv, selectedObject: object, territoire } = refs;
  const objectSource = object?.kind === 'action' ? ALL_ACTIONS_VIEW : undefined;
  return `
WITH offered AS (${buildIndicatorListQuery()})
SELECT ${exists(`FROM offered WHERE indicateur = ${sqlString(refs.indicator)}`)} AS indicateur,
       ${qpv === null ? 'NULL::BOOLEAN' : exists(`FROM qpv WHERE code = ${sqlString(qpv)}`)} AS qpv,
       ${object === null ? 'NULL::BOOLEAN' : exists(fromObject(object, 'o', objectSource))} AS objet,
       ${territoire === null ? 'NULL::BOOLEAN' : territoireExists(territoire)} AS territoire,
       (SELECT libelle FROM offered WHERE indicateur = ${sqlString(refs.defaultIndicator)}) AS libelle_defaut`;
}
