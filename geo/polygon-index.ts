/**
 * Spatial index over a list of (Multi)Polygons in WGS84: a static packed R-tree
 * (flatbush) of their bounding boxes, then exact predicates on the candidates: turf's point-in-polygon,
 * and turf's point-to-polygon distance as polygon-distance.ts recomputes it without allocations.
 * Results are indices into the array given to the constructor, ascending.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import { geometryBBox, isEmptyBBox } from './bbox.ts';
import { type PreparedPolygon, pointToPolygonMeters, preparePolygon } from './polygon-distance.ts';
import { distanceSearchBox, greatCircleBulgeDeg } from './search-window.ts';

export class PolygonIndex {
  readonly #polygons: readonly (Polygon | MultiPolygon)[];
  /** null when no polygon has a vertex (flatbush refuses 0 items). */
  readonly #tree: Flatbush | null;
  /** Flatbush item id → index in #polygons; empty geometries are left out of the tree. */
  readonly #ids: Uint32Array;
  /** Latitude pad for distance searches, see greatCircleBulgeDeg. */
  readonly #bulgeDeg: number;
  /** Distance-ready copies (vertex unit vectors…), built on a polygon's first distance query. */
  readonly #prepared: (PreparedPolygon | undefined)[] = [];

  /**
   * Geometries are expected to pass `validateGeometry` (WGS84, closed rings of 4+
   * positions); empty ones are allowed and never match. The array is copied, the
   * geometries are not: do not mutate them afterwards.
   */
  constructor(polygons: readonly (Polygon | MultiPolygon)[]) {
    this.#polygons = [...polygons];
    const boxes = polygons.map((g) => geometryBBox(g));
    const ids: number[] = [];
    boxes.forEach((b, i) => {
      if (!isEmptyBBox(b)) ids.push(i);
    });
    this.#ids = Uint32Array.from(ids);
    this.#bulgeDeg = polygons.reduce((worst, g) => Math.max(worst, greatCircleBulgeDeg(g)), 0);
    if (ids.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(ids.length);
    for (const i of ids) {
      const [minX, minY, maxX, maxY] = boxes[i] ?? [NaN, NaN, NaN, NaN];
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.#tree = tree;
  }

  /** The polygon given at index `i` (unsimplified, as given), e.g. to dissolve several into one outline. */
  polygon(i: number): Polygon | MultiPolygon {
    return this.#polygon(i);
  }

  /** Number of polygons given to the constructor (empty ones included). */
  get size(): number {
    return this.#polygons.length;
  }

  /**
   * Polygons containing the point: holes excluded, boundary (outer ring or hole edge)
   * included, so a point on an edge shared by two neighbours belongs to both.
   */
  containing(lon: number, lat: number): number[] {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [];
    const point = [lon, lat];
    return this.#candidates(lon, lat, lon, lat).filter((i) =>
      booleanPointInPolygon(point, this.#polygon(i), { ignoreBoundary: false }),
    );
  }

  /**
   * Polygons whose interior or boundary lies within `meters` (great-circle, turf's
   * earth radius) of the point; a polygon containing the point is at distance 0.
   * A point inside a hole is at its distance to the hole's edge. Not a point on
   * earth (NaN, |lat| > 90) → [].
   * @throws RangeError if `meters` is negative, NaN or infinite.
   */
  withinDistance(lon: number, lat: number, meters: number): number[] {
    return this.distancesWithin(lon, lat, meters).map((d) => d.index);
  }

  /**
   * `withinDistance` with each polygon's distance: great-circle metres from the point to the
   * polygon, 0 when the point lies in it (turf measures a point inside as negative).
   */
  distancesWithin(lon: number, lat: number, meters: number): { index: number; meters: number }[] {
    if (!Number.isFinite(lon) || !(Math.abs(lat) <= 90)) return [];
    const [minX, minY, maxX, maxY] = distanceSearchBox(lon, lat, meters);
    const pad = this.#bulgeDeg;
    return this.#candidates(minX, minY - pad, maxX, maxY + pad)
      .map((index) => ({ index, meters: pointToPolygonMeters(this.#preparedPolygon(index), lon, lat, meters) }))
      .filter((d) => d.meters <= meters);
  }

  #preparedPolygon(i: number): PreparedPolygon {
    let p = this.#prepared[i];
    if (p === undefined) {
      p = preparePolygon(this.#polygon(i));
      this.#prepared[i] = p;
    }
    return p;
  }

  #polygon(i: number): Polygon | MultiPolygon {
    const g = this.#polygons[i];
    if (g === undefined) throw new RangeError(`polygon index ${i} out of range`);
    return g;
  }

  #candidates(minX: number, minY: number, maxX: number, maxY: number): number[] {
    if (this.#tree === null) return [];
    const found = this.#tree.search(minX, minY, maxX, maxY).map((id) => this.#ids[id] ?? -1);
    return found.sort((a, b) => a - b);
  }
}
