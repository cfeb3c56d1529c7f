import type { Table } from 'apache-arrow';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type FootprintFeature<P> = Feature<Polygon | MultiPolygon, P>;

type Row = (column: string) => unknown;

/**
 * Features of a published table whose `geometry` column holds GeoJSON text. Works on
 * columns, not row objects: `territoires` has 35k communes without geometry, skipped at the
 * cost of a validity check each. `pick` builds the properties a layer needs.
 */
export function arrowToFeatures<P>(table: Table, pick: (row: Row) => P, where: (row: Row) => boolean = () => true): FeatureCollection<Polygon | MultiPolygon, P> {
  const geometry = table.getChild('geometry');
  if (geometry === null) throw new Error('table has no geometry column');
  const columns = new Map<string, ReturnType<Table['getChild']>>();
  const features: FootprintFeature<P>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    if (!geometry.isValid(i)) continue;
    const row: Row = (name) => {
      let column = columns.get(name);
      if (column === undefined) {
        column = table.getChild(name);
        columns.set(name, column);
      }
      return column?.get(i) ?? null;
    };
    if (!where(row)) continue;
    features.push({ type: 'Feature', geometry: JSON.parse(geometry.get(i) as string) as Polygon | MultiPolygon, properties: pick(row) });
  }
  return { type: 'FeatureCollection', features };
}
