/**
 * An object of the map a fiche can show: its kind and its key in its table. Declared in the
 * domain, below the store and the queries that both read it, so that neither imports the other.
 */
export const OBJECT_KINDS = ['etablissement', 'lieu', 'cite', 'pre', 'action', 'reseau'] as const;
export interface SelectedObject {
  kind: (typeof OBJECT_KINDS)[number];
  /** Key of the object in its table (UAI, id, name). */
  id: string;
}
