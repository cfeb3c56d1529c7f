/**
 * Public API of geo/: spatial index, point-in-polygon, distances, CRS, geometry
 * checks and simplification, in WGS84 lon/lat. Pure TypeScript (no DOM, no DuckDB),
 * shared by the pipeline and the app. Listed by name on purpose: what is not here is
 * internal.
 */
export type { BBox } from './bbox.ts';
export { EMPTY_BBOX, bboxContains, geometryBBox, isEmptyBBox, unionBBox } from './bbox.ts';
export { PolygonIndex } from './polygon-index.ts';
export { polygonDistanceMeters } from './polygon-distance.ts';
export type { LonLat, NearestPoint } from './point-index.ts';
export { PointIndex } from './point-index.ts';
export { distanceSearchBox } from './search-window.ts';
export { CrsError, SUPPORTED_EPSG, epsgFromGeoJsonCrs, fromWgs84, isSupportedEpsg, reprojectGeometry, toWgs84 } from './crs.ts';
export type { CoordinateDiagnosis, Territoire } from './france-extent.ts';
export { FRANCE_EXTENTS, diagnoseCoordinate, territoryOf } from './france-extent.ts';
export { roundGeometry, simplifyGeometry } from './simplify.ts';
export type { GeometryProblem } from './validate-geometry.ts';
export { GeometryError, rewindGeometry, validateGeometry } from './validate-geometry.ts';
export { representativePoint } from './centroid.ts';
export { haversineMeters } from './distance.ts';
export { unionPolygons } from './union-polygons.ts';
export type { GeometryRepair } from './repair-geometry.ts';
export { repairGeometry, selfIntersections } from './repair-geometry.ts';
export { bufferedHull } from './buffered-hull.ts';
