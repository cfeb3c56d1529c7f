import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as geo from '../../geo/index.ts';
import * as bbox from '../../geo/bbox.ts';
import * as bufferedHull from '../../geo/buffered-hull.ts';
import * as centroid from '../../geo/centroid.ts';
import * as crs from '../../geo/crs.ts';
import * as distance from '../../geo/distance.ts';
import * as franceExtent from '../../geo/france-extent.ts';
import * as pointIndex from '../../geo/point-index.ts';
import * as polygonDistance from '../../geo/polygon-distance.ts';
import * as polygonIndex from '../../geo/polygon-index.ts';
import * as repairGeometry from '../../geo/repair-geometry.ts';
import * as searchWindow from '../../geo/search-window.ts';
import * as simplify from '../../geo/simplify.ts';
import * as unionPolygons from '../../geo/union-polygons.ts';
import * as validateGeometry from '../../geo/validate-geometry.ts';

const GEO_DIR = new URL('../../geo/', import.meta.url);

describe('geo/index.ts', () => {
  it('exports exactly the public API, by name', () => {
    expect(Object.keys(geo).sort()).toEqual(
      [
        'EMPTY_BBOX',
        'bboxContains',
        'geometryBBox',
        'isEmptyBBox',
        'unionBBox',
        'PolygonIndex',
        'polygonDistanceMeters',
        'PointIndex',
        'distanceSearchBox',
        'CrsError',
        'SUPPORTED_EPSG',
        'epsgFromGeoJsonCrs',
        'isSupportedEpsg',
        'reprojectGeometry',
        'toWgs84',
        'fromWgs84',
        'FRANCE_EXTENTS',
        'diagnoseCoordinate',
        'territoryOf',
        'roundGeometry',
        'simplifyGeometry',
        'GeometryError',
        'rewindGeometry',
        'validateGeometry',
        'representativePoint',
        'haversineMeters',
        'unionPolygons',
        'repairGeometry',
        'selfIntersections',
        'bufferedHull',
      ].sort(),
    );
  });

  it('re-exports the very objects of each module', () => {
    expect(geo.geometryBBox).toBe(bbox.geometryBBox);
    expect(geo.unionBBox).toBe(bbox.unionBBox);
    expect(geo.PolygonIndex).toBe(polygonIndex.PolygonIndex);
    expect(geo.polygonDistanceMeters).toBe(polygonDistance.polygonDistanceMeters);
    expect(geo.PointIndex).toBe(pointIndex.PointIndex);
    expect(geo.distanceSearchBox).toBe(searchWindow.distanceSearchBox);
    expect(geo.toWgs84).toBe(crs.toWgs84);
    expect(geo.fromWgs84).toBe(crs.fromWgs84);
    expect(geo.CrsError).toBe(crs.CrsError);
    expect(geo.FRANCE_EXTENTS).toBe(franceExtent.FRANCE_EXTENTS);
    expect(geo.simplifyGeometry).toBe(simplify.simplifyGeometry);
    expect(geo.validateGeometry).toBe(validateGeometry.validateGeometry);
    expect(geo.representativePoint).toBe(centroid.representativePoint);
    expect(geo.haversineMeters).toBe(distance.haversineMeters);
    expect(geo.unionPolygons).toBe(unionPolygons.unionPolygons);
    expect(geo.repairGeometry).toBe(repairGeometry.repairGeometry);
    expect(geo.selfIntersections).toBe(repairGeometry.selfIntersections);
    expect(geo.bufferedHull).toBe(bufferedHull.bufferedHull);
  });

  it('is not an `export *` barrel', () => {
    expect(readFileSync(new URL('index.ts', GEO_DIR), 'utf8')).not.toMatch(/export\s+\*/);
  });
});

describe('geo/ stays pure', () => {
  const files = readdirSync(GEO_DIR).filter((f) => f.endsWith('.ts'));

  it('has kebab-case file names', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(f).toMatch(/^[a-z]+(-[a-z]+)*\.ts$/);
  });

  it('imports only geojson types, turf, flatbush, proj4 and its own files (no DOM, no DuckDB, no React)', () => {
    const allowed = /^(geojson|@turf\/turf|flatbush|proj4|\.\/[a-z-]+\.ts)$/;
    for (const f of files) {
      const text = readFileSync(new URL(f, GEO_DIR), 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
      for (const s of specifiers) expect(s, `${f} imports ${s}`).toMatch(allowed);
      expect(text, f).not.toMatch(/(?<![\w.-])(document|window|navigator)\./);
    }
  });
});
