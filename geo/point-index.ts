/**
 * Spatial index over a list of WGS84 points (services, establishments): a static packed
 * R-tree (flatbush) of the points, then exact great-circle distances (`haversineMeters`)
 * on the few candidates. Results are indices into the array given to the constructor.
 */
import Flatbush from 'flatbush';
import { haversineMeters } from './distance.ts';
import { distanceSearchBox } from './search-window.ts';

export type LonLat = readonly [number, number];

export interface NearestPoint {
  /** Index of the point in the constructor's array. */
  index: number;
  /** Great-circle metres from the query point. */
  meters: number;
}

const onEarth = (lon: number, lat: number) => Number.isFinite(lon) && Math.abs(lat) <= 90;

export class PointIndex {
  readonly #points: readonly LonLat[];
  /** null when no point is on earth (flatbush refuses 0 items). */
  readonly #tree: Flatbush | null;
  /** Flatbush item id → index in #points; points off earth (NaN…) are left out of the tree. */
  readonly #ids: Uint32Array;

  /** Points that are not on earth (NaN, |lat| > 90) are kept in the count but never match. */
  constructor(points: readonly LonLat[]) {
    this.#points = points.map(([lon, lat]) => [lon, lat] as const);
    const ids: number[] = [];
    this.#points.forEach(([lon, lat], i) => {
      if (onEarth(lon, lat)) ids.push(i);
    });
    this.#ids = Uint32Array.from(ids);
    if (ids.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(ids.length);
    for (const i of ids) {
      const [lon, lat] = this.#points[i]!;
      tree.add(lon, lat, lon, lat);
    }
    tree.finish();
    this.#tree = tree;
  }

  /** Number of points given to the constructor (off-earth ones included). */
  get size(): number {
    return this.#points.length;
  }

  /**
   * The point nearest (great-circle) to (lon, lat), the lowest index on a tie; null when
   * the index holds no point on earth or the query is not a point on earth.
   *
   * flatbush's `neighbors` orders by planar distance in degrees, which is not the
   * great-circle order (a degree of longitude shrinks with latitude). Its first answer only
   * bounds the search: the true nearest is no farther than it, so it lies in the window of
   * that radius, where every candidate is measured exactly.
   */
  nearest(lon: number, lat: number): NearestPoint | null {
    if (this.#tree === null || !onEarth(lon, lat)) return null;
    const [first] = this.#tree.neighbors(lon, lat, 1);
    if (first === undefined) return null;
    const bound = haversineMeters([lon, lat], this.#point(this.#ids[first]!));
    let best: NearestPoint | null = null;
    for (const i of this.#search(lon, lat, bound)) {
      const meters = haversineMeters([lon, lat], this.#point(i));
      if (best === null || meters < best.meters) best = { index: i, meters };
    }
    return best;
  }

  /**
   * Points within `meters` (great-circle, bounds included) of (lon, lat), indices ascending;
   * [] when the query is not a point on earth.
   * @throws RangeError if `meters` is negative, NaN or infinite.
   */
  withinDistance(lon: number, lat: number, meters: number): number[] {
    if (!onEarth(lon, lat)) return [];
    return this.#search(lon, lat, meters).filter((i) => haversineMeters([lon, lat], this.#point(i)) <= meters);
  }

  /** Indices (ascending) of the points in the window holding every point within `meters`. */
  #search(lon: number, lat: number, meters: number): number[] {
    const [minX, minY, maxX, maxY] = distanceSearchBox(lon, lat, meters);
    if (this.#tree === null) return [];
    return this.#tree
      .search(minX, minY, maxX, maxY)
      .map((id) => this.#ids[id]!)
      .sort((a, b) => a - b);
  }

  #point(i: number): LonLat {
    const p = this.#points[i];
    if (p === undefined) throw new RangeError(`point index ${i} out of range`);
    return p;
  }
}
