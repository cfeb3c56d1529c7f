import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PolygonIndex } from '../../geo/index.ts';
import { normaliseGeometry } from '../../data-pipeline/normalise-geometry.ts';
import { footprintColumns } from '../../data-pipeline/table-build.ts';
import { QPV_SIMPLIFY, type QpvBuild } from '../../data-pipeline/tables/build-qpv.ts';
import { fitQpvOutlines } from '../../data-pipeline/tables/qpv-outline-fit.ts';

/**
 * A QPV whose south edge has a 3 m bump, which the 5 m simplification flattens, and a school
 * standing in the bump: inside the source outline, outside the simplified one.
 */
const SOURCE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [1.4, 43.6],
      [1.4049, 43.6],
      [1.405, 43.59997],
      [1.4051, 43.6],
      [1.41, 43.6],
      [1.41, 43.61],
      [1.4, 43.61],
      [1.4, 43.6],
    ],
  ],
};
const IN_BUMP = { lon: 1.405, lat: 43.59999 };
const BELOW_BUMP = { lon: 1.405, lat: 43.59995 };
const FAR = { lon: 1.5, lat: 43.7 };

function qpvBuild(geometry: Polygon | MultiPolygon): QpvBuild {
  const footprint = normaliseGeometry(geometry, null, QPV_SIMPLIFY);
  if ('problem' in footprint) throw new Error(footprint.problem);
  return {
    rows: [{ code: 'QP031999', ...footprintColumns(footprint) }],
    locations: [{ file: 'qpv.geojson', feature: 0 }],
    rowsIn: 1,
    rejected: [],
    warnings: [],
    geometries: { codes: ['QP031999'], index: new PolygonIndex([geometry]) },
    sources: [{ geometry, epsg: null }],
  };
}
const drawn = (qpv: QpvBuild) => JSON.parse(String(qpv.rows[0]!.geometry)) as Polygon | MultiPolygon;
const inside = (qpv: QpvBuild, p: { lon: number; lat: number }) => booleanPointInPolygon([p.lon, p.lat], drawn(qpv));

describe('fitQpvOutlines', () => {
  it('the 5 m simplification alone draws the school in the bump outside its QPV', () => {
    const qpv = qpvBuild(SOURCE);
    expect(qpv.geometries.index.containing(IN_BUMP.lon, IN_BUMP.lat)).toEqual([0]);
    expect(inside(qpv, IN_BUMP)).toBe(false);
  });

  it('publishes that QPV with more detail, so that the drawn outline agrees with the join both ways, and says so', () => {
    const qpv = qpvBuild(SOURCE);
    fitQpvOutlines(qpv, [IN_BUMP, BELOW_BUMP, FAR]);
    expect(inside(qpv, IN_BUMP)).toBe(true);
    expect(inside(qpv, BELOW_BUMP)).toBe(false);
    expect(qpv.warnings.map((w) => [w.location.value, w.reason])).toEqual([['QP031999', expect.stringMatching(/^outline published with more detail \(tolerance 0\.000025°, 5 decimals\) so that the 2 establishments and places near it are drawn/)]]);
  });

  it('leaves an outline that already agrees as it was', () => {
    const qpv = qpvBuild(SOURCE);
    const before = qpv.rows[0]!.geometry;
    fitQpvOutlines(qpv, [BELOW_BUMP, FAR, { lon: 1.405, lat: 43.605 }]);
    expect(qpv.rows[0]!.geometry).toBe(before);
    expect(qpv.warnings).toEqual([]);
  });
});
