import type { TableName } from '../domain/table-layouts.ts';
import { sqlString } from '../domain/sql.ts';
import type { SelectedObject } from '../domain/selected-object.ts';

/**
 * Where each kind of object with a fiche lives: its table and the column its `id` (in the
 * URL, a fiche's links, a search hit) is the value of; `footprint` when the row has a
 * GeoJSON perimeter besides its point.
 */
export const OBJECT_TABLES: Readonly<Record<SelectedObject['kind'], { table: TableName; key: string; footprint: boolean }>> = {
  etablissement: { table: 'etablissements', key: 'uai', footprint: false },
  lieu: { table: 'lieux', key: 'id', footprint: false },
  pre: { table: 'pre', key: 'nom', footprint: false },
  cite: { table: 'cites', key: 'nom', footprint: true },
  reseau: { table: 'reseaux_ep', key: 'uai_college', footprint: true },
  action: { table: 'actions', key: 'id', footprint: false },
};

/** `FROM <table> <alias> WHERE <alias>.<key> = <id>`: the row of `object`, read from `source` (its table by default). */
export function fromObject(object: SelectedObject, alias: string, source: string = OBJECT_TABLES[object.kind].table): string {
  return `FROM ${source} ${alias} WHERE ${alias}.${OBJECT_TABLES[object.kind].key} = ${sqlString(object.id)}`;
}
