import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { normaliseGeometry, repairWarning, type SimplifyOptions } from '../normalise-geometry.ts';
import { footprintColumns } from '../table-build.ts';
import { QPV_SIMPLIFY, type QpvBuild } from './build-qpv.ts';

/** A located point whose QPV the data states (an establishment, a place at its address). */
export interface JoinedPoint {
  lon: number;
  lat: number;
}

/**
 * Finer and finer publications tried, in order, for a QPV whose simplified outline disagrees
 * with the joins: halving the Douglas–Peucker tolerance down to none at all (every source
 * vertex, rounded to ~1 m), then more decimals (~10 cm, ~1 cm) for a point closer to the
 * outline than the rounding.
 */
const FINER: readonly SimplifyOptions[] = [
  ...[2, 4, 8, 16, 32].map((d) => ({ ...QPV_SIMPLIFY, toleranceDeg: QPV_SIMPLIFY.toleranceDeg / d })),
  { toleranceDeg: 0, decimals: QPV_SIMPLIFY.decimals },
  { toleranceDeg: 0, decimals: 6 },
  { toleranceDeg: 0, decimals: 7 },
];

/**
 * Makes the outline the map draws for each QPV (its published `geometry`, the only one: the
 * map shows a marker below zoom 10 and this polygon from it on) agree with « in this QPV » in
 * the data, which is point-in-polygon on the SOURCE outline (`QpvProximity`, `PolygonIndex`,
 * boundary included): for every joined point near a QPV, inside its drawn outline ⇔ inside its
 * source outline. The ~5 m simplification (`QPV_SIMPLIFY`) can move an edge across a school
 * standing a few metres inside or outside (0810787R, 0110911F were flagged in their QPV and
 * drawn outside it): such a QPV is published again with the first finer setting of `FINER`
 * that agrees for every point; the others keep the light outline. Chosen over drawing the
 * source outlines from city zoom, which would ship every vertex of all 111 QPV for a few
 * points. Mutates `qpv.rows` (footprint columns), so it runs before any table reads them, and
 * `qpv.warnings`: one per QPV refined (or that no setting fixes), and the repair warning of a
 * refined outline replaces that of the outline it replaces.
 */
export function fitQpvOutlines(qpv: QpvBuild, points: Iterable<JoinedPoint>): void {
  const warnings = qpv.warnings;
  const near = candidatesByQpv(qpv, points);
  qpv.rows.forEach((row, i) => {
    const candidates = near.get(i);
    if (candidates === undefined) return;
    const { geometry: source, epsg } = qpv.sources[i]!;
    // Truth: the join's own test on the source outline.
    const inside = candidates.map((p) => qpv.geometries.index.containing(p.lon, p.lat).includes(i));
    const agrees = (drawn: Polygon | MultiPolygon) => candidates.every((p, k) => booleanPointInPolygon([p.lon, p.lat], drawn, { ignoreBoundary: false }) === inside[k]);
    if (agrees(JSON.parse(String(row.geometry)) as Polygon | MultiPolygon)) return;
    const at = { ...qpv.locations[i]!, field: 'geometry', value: row.code };
    for (const options of FINER) {
      const footprint = normaliseGeometry(source, epsg, options);
      if ('problem' in footprint || !agrees(footprint.geometry)) continue;
      Object.assign(row, footprintColumns(footprint));
      // Located as build-qpv locates its repairs.
      const repairAt = { ...qpv.locations[i]!, field: 'code_qp', value: row.code };
      const previous = warnings.findIndex((w) => w.location.file === repairAt.file && w.location.feature === repairAt.feature && w.reason.startsWith('self-intersecting outline repaired'));
      if (previous !== -1) warnings.splice(previous, 1);
      const repaired = repairWarning(footprint, repairAt);
      if (repaired !== null) warnings.push(repaired);
      warnings.push({ location: at, reason: `outline published with more detail (tolerance ${options.toleranceDeg}°, ${options.decimals} decimals) so that the ${candidates.length} establishments and places near it are drawn on the side of its edge the join puts them` });
      return;
    }
    warnings.push({ location: at, reason: 'simplified outline disagrees with the join for a nearby establishment or place, even unsimplified: map and data disagree there' });
  });
}

/** Points whose coordinates fall in a QPV's source or published bounding box, per QPV index. */
function candidatesByQpv(qpv: QpvBuild, points: Iterable<JoinedPoint>): Map<number, JoinedPoint[]> {
  const boxes = qpv.rows.map((row, i) => {
    const [xmin, ymin, xmax, ymax] = [row.xmin, row.ymin, row.xmax, row.ymax].map(Number) as [number, number, number, number];
    // The source outline may reach a little beyond the simplified one: pad by ~10 m.
    const pad = 0.0001;
    return { i, xmin: xmin - pad, ymin: ymin - pad, xmax: xmax + pad, ymax: ymax + pad };
  });
  const near = new Map<number, JoinedPoint[]>();
  for (const p of points) {
    for (const b of boxes) {
      if (p.lon < b.xmin || p.lon > b.xmax || p.lat < b.ymin || p.lat > b.ymax) continue;
      near.set(b.i, [...(near.get(b.i) ?? []), p]);
    }
  }
  return near;
}
