import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Source ids of the basemap, filled once `territoires` is loaded. */
export const BASEMAP_SOURCES = { regions: 'regions', departements: 'departements', communes: 'communes' } as const;

/** From this zoom on, commune outlines are drawn (and fetched, the first time). */
export const COMMUNES_MIN_ZOOM = 8;

/**
 * The offline basemap: land drawn from the shipped départements and régions (IGN Admin
 * Express), no tile, glyph or sprite server. An online style may replace it later.
 */
export function buildBasemapStyle(): StyleSpecification {
  // No `fill-antialias`: the outline layers draw the edges, and one WebGL program fewer to
  // compile matters with software rendering.
  return {
    version: 8,
    sources: {
      [BASEMAP_SOURCES.regions]: { type: 'geojson', data: EMPTY },
      [BASEMAP_SOURCES.departements]: { type: 'geojson', data: EMPTY },
      [BASEMAP_SOURCES.communes]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dde6ee' } },
      { id: 'land', type: 'fill', source: BASEMAP_SOURCES.departements, paint: { 'fill-color': '#f7f6f2', 'fill-antialias': false } },
      {
        id: 'commune-outline',
        type: 'line',
        source: BASEMAP_SOURCES.communes,
        minzoom: COMMUNES_MIN_ZOOM,
        paint: { 'line-color': '#cfcdc4', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.3, 13, 1] },
      },
      {
        id: 'departement-outline',
        type: 'line',
        source: BASEMAP_SOURCES.departements,
        paint: { 'line-color': '#b9b9b4', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 10, 1.2] },
      },
      {
        id: 'region-outline',
        type: 'line',
        source: BASEMAP_SOURCES.regions,
        paint: { 'line-color': '#7d7d78', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 2.2] },
      },
    ],
  };
}
