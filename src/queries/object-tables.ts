import type { TableName } from '../domain/table-layouts.ts';
import { OBJECT_LAYERS } from '../domain/map-layers.ts';
import { sqlString } from '../domain/sql.ts';
import type { SelectedObject } from '../domain/selected-object.ts';

/**
 * Where each kind of object with a fiche lives: its table and the column its `id` (in the
 * URL, a fiche's links, a search hit) is the value of; `footprint` when the row has a
 * GeoJSON perimeter besides its point. Read from the map's layers (`domain/map-layers.ts`).
 */
export const OBJECT_TABLES = Object.fromEntries(OBJECT_LAYERS.map(({ kind, table, key, footprint }) => [kind, { table, key, footprint }])) as Readonly<
  Record<SelectedObject['kind'], { table: TableName; key: string; footprint: boolean }>
>;

/** `FROM <table> <alias> WHERE <alias>.<key> = <id>`: the row of `object`, read from `source` (its table by default). */
export function fromObject(object: SelectedObject, alias: string, source: string = OBJECT_TABLES[object.kind].table): string {
  return `FROM ${source} ${alias} WHERE ${alias}.${OBJECT_TABLES[object.kind].key} = ${sqlString(object.id)}`;
}
