import type { Table, Vector } from 'apache-arrow';
import type { BBox } from '../../geo/index.ts';

/** Initial view, before any data is loaded: métropole with Corsica. */
export const METROPOLE_BBOX: BBox = [-5.2, 41.3, 9.6, 51.1];

/** The territories one switch away: métropole and the five DROM (by département code). */
export const TERRITORY_VIEWS = [
  { id: 'metropole', label: 'Métropole', departements: null },
  { id: 'guadeloupe', label: 'Guadeloupe', departements: ['971'] },
  { id: 'martinique', label: 'Martinique', departements: ['972'] },
  { id: 'guyane', label: 'Guyane', departements: ['973'] },
  { id: 'reunion', label: 'La Réunion', departements: ['974'] },
  { id: 'mayotte', label: 'Mayotte', departements: ['976'] },
] as const;

export type TerritoryViewId = (typeof TERRITORY_VIEWS)[number]['id'];

/** Box of each territory view, from the départements of the published `territoires` table. */
export function territoryBBoxes(territoires: Table): Map<TerritoryViewId, BBox> {
  const boxes = new Map<TerritoryViewId, BBox>();
  const grow = (id: TerritoryViewId, b: BBox) => {
    const a = boxes.get(id);
    boxes.set(id, a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b);
  };
  // Columns, not row objects: the table also holds 35,000 communes.
  const column = (name: string) => territoires.getChild(name)!;
  const [niveau, code, xmin, ymin, xmax, ymax] = ['niveau', 'code', 'xmin', 'ymin', 'xmax', 'ymax'].map(column) as [Vector, Vector, Vector, Vector, Vector, Vector];
  for (let i = 0; i < territoires.numRows; i++) {
    if (niveau.get(i) !== 'departement') continue;
    const departement = String(code.get(i));
    const view = TERRITORY_VIEWS.find((v) => v.departements?.some((d) => d === departement));
    grow(view?.id ?? 'metropole', [Number(xmin.get(i)), Number(ymin.get(i)), Number(xmax.get(i)), Number(ymax.get(i))]);
  }
  return boxes;
}
