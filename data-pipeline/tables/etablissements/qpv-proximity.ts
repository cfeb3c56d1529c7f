import type { MultiPolygon, Polygon } from 'geojson';
import { polygonDistanceMeters } from '../../../geo/index.ts';
import type { QpvBuild } from '../build-qpv.ts';

/** Radius of the « quartier vécu »: establishments this close to a QPV serve its children. */
export const QPV_VECU_METERS = 300;

export interface QpvColumns {
  qpv_code: string | null;
  qpv_300m: string | null;
}

/**
 * Where an establishment stands with respect to the QPV: the QPV containing it and those
 * within 300 m, nearest first (0 m for the containing one). Both come from the QPV source
 * geometry's `PolygonIndex` (R-tree, then exact tests on the few candidates): no loop over QPV.
 *
 * Generations: the QPV sources loaded today are the 2015 generation (`QP…`), replaced on
 * 1 January 2024 by the 2024 generation (`QN…`) whose perimeters differ; the annuaire's EP map
 * is the 2015 one too (valid until 2025-26). So « in a QPV » means in a 2015 perimeter until
 * 2024 sources are added. When both generations are loaded a point may lie in one QPV of each:
 * `qpv_code` then names the 2024 one, and `qpv_300m` lists both.
 */
export class QpvProximity {
  readonly #geometries: QpvBuild['geometries'];
  readonly #generation: number[];
  readonly #published: (string | null)[];
  readonly #parsed = new Map<number, Polygon | MultiPolygon>();

  constructor(qpv: Pick<QpvBuild, 'rows' | 'geometries'>) {
    this.#geometries = qpv.geometries;
    const geometryOf = new Map(qpv.rows.map((r) => [r.code, typeof r.geometry === 'string' ? r.geometry : null]));
    this.#generation = qpv.geometries.codes.map((c) => (c.startsWith('QN') ? 2024 : 2015));
    this.#published = qpv.geometries.codes.map((c) => geometryOf.get(c) ?? null);
  }

  locate(lon: number | null, lat: number | null): QpvColumns {
    if (lon === null || lat === null) return { qpv_code: null, qpv_300m: null };
    const { index, codes } = this.#geometries;
    const inside = new Set(index.containing(lon, lat));
    const near = index.withinDistance(lon, lat, QPV_VECU_METERS).map((i) => ({ i, meters: inside.has(i) ? 0 : this.#meters(i, lon, lat) }));
    for (const i of inside) if (!near.some((n) => n.i === i)) near.push({ i, meters: 0 });
    near.sort((a, b) => Number(inside.has(b.i)) - Number(inside.has(a.i)) || a.meters - b.meters || this.#byGeneration(a.i, b.i));
    const containing = near.filter((n) => inside.has(n.i));
    return {
      qpv_code: containing.length > 0 ? codes[containing[0]!.i]! : null,
      qpv_300m: near.length > 0 ? near.map((n) => codes[n.i]).join(',') : null,
    };
  }

  /** Newer generation first, then code order. */
  #byGeneration(a: number, b: number): number {
    const codes = this.#geometries.codes;
    return this.#generation[b]! - this.#generation[a]! || (codes[a]! < codes[b]! ? -1 : 1);
  }

  /**
   * Metres from the point to a QPV it is not in, for the ordering only: measured on the
   * published (≈ 5 m simplified) geometry, with the great-circle distance geo/ uses, as the
   * index gives membership but not distances.
   */
  #meters(i: number, lon: number, lat: number): number {
    let geometry = this.#parsed.get(i);
    if (geometry === undefined) {
      const json = this.#published[i];
      if (json === null || json === undefined) return Number.POSITIVE_INFINITY;
      geometry = JSON.parse(json) as Polygon | MultiPolygon;
      this.#parsed.set(i, geometry);
    }
    return polygonDistanceMeters(lon, lat, geometry); // turf's value, without its allocations
  }
}
