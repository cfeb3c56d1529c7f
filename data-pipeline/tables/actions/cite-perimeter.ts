import type { MultiPolygon, Polygon } from 'geojson';
import { unionPolygons } from '../../../geo/index.ts';
import { normaliseGeometry, repairWarning, type SimplifyOptions } from '../../normalise-geometry.ts';
import type { Location, RowIssue } from '../../pipeline-error.ts';

/** Unsimplified WGS84 outline of every commune of `territoires`, by INSEE code. */
export type CommuneOutlines = ReadonlyMap<string, Polygon | MultiPolygon>;

/** As commune outlines (`contours_communes`): ~50 m, 4 decimals. */
const PERIMETER_SIMPLIFY: SimplifyOptions = { toleranceDeg: 0.0005, decimals: 4 };

export interface PerimeterColumns {
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
  geometry: string | null;
}

const NO_PERIMETER: PerimeterColumns = { xmin: null, ymin: null, xmax: null, ymax: null, geometry: null };

/** Kept detail of a perimeter: commune unions as `contours_communes` (~50 m), QPV unions as the `qpv` outlines (~5 m). */
const QPV_PERIMETER_SIMPLIFY: SimplifyOptions = { toleranceDeg: 0.00005, decimals: 5 };

/**
 * The perimeter of a Cité: the union of its communes' unsimplified outlines (shared borders
 * dissolve without the slivers independent simplification would leave), then simplified and
 * RFC 7946-wound like the other published geometries. Communes without outline are left out
 * with a warning; with none left, the perimeter is null.
 */
export function citePerimeter(codes: readonly string[], outlines: CommuneOutlines, at: Location): { columns: PerimeterColumns; warnings: RowIssue[] } {
  return unionPerimeter(codes, outlines, at, 'communes', PERIMETER_SIMPLIFY, 'commune without outline in territoires: left out of the perimeter');
}

/** The perimeter of a Cité whose source names its QPV: the union of their unsimplified outlines, simplified as the QPV are. */
export function qpvPerimeter(codes: readonly string[], outlines: ReadonlyMap<string, Polygon | MultiPolygon>, at: Location): { columns: PerimeterColumns; warnings: RowIssue[] } {
  return unionPerimeter(codes, outlines, at, 'qpv_noms', QPV_PERIMETER_SIMPLIFY, 'QPV without outline: left out of the perimeter');
}

function unionPerimeter(
  codes: readonly string[],
  outlines: ReadonlyMap<string, Polygon | MultiPolygon>,
  at: Location,
  field: string,
  simplify: SimplifyOptions,
  missing: string,
): { columns: PerimeterColumns; warnings: RowIssue[] } {
  const warnings: RowIssue[] = [];
  const known: (Polygon | MultiPolygon)[] = [];
  for (const code of codes) {
    const outline = outlines.get(code);
    if (outline === undefined) warnings.push({ location: { ...at, field, value: code }, reason: missing });
    else known.push(outline);
  }
  const union = unionPolygons(known);
  if (union === null) {
    if (known.length > 0) warnings.push({ location: { ...at, field }, reason: `union of the ${field === 'communes' ? 'communes' : 'QPV'} has no area: no perimeter` });
    else warnings.push({ location: { ...at, field }, reason: `no ${field === 'communes' ? 'commune' : 'QPV'} outline: no perimeter` });
    return { columns: NO_PERIMETER, warnings };
  }
  const footprint = normaliseGeometry(union, null, simplify);
  if ('problem' in footprint) {
    warnings.push({ location: { ...at, field }, reason: `perimeter dropped: ${footprint.problem}` });
    return { columns: NO_PERIMETER, warnings };
  }
  const repaired = repairWarning(footprint, { ...at, field });
  if (repaired !== null) warnings.push(repaired);
  const [xmin, ymin, xmax, ymax] = footprint.bbox;
  return { columns: { xmin, ymin, xmax, ymax, geometry: JSON.stringify(footprint.geometry) }, warnings };
}
