import { type MapObjectKind, OBJECT_LAYERS } from './map-layers.ts';

/**
 * An object of the map a fiche can show: its kind and its key in its table. Declared in the
 * domain, below the store and the queries that both read it, so that neither imports the other.
 * The kinds are those of the map's layers (`map-layers.ts`), in their order.
 */
export const OBJECT_KINDS = OBJECT_LAYERS.map((l) => l.kind) as [MapObjectKind, ...MapObjectKind[]];
export interface SelectedObject {
  kind: MapObjectKind;
  /** Key of the object in its table (UAI, id, name). */
  id: string;
}
