import type { Layer, PickingInfo } from '@deck.gl/core';
import { DataFilterExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { GPU_RANGES, type Range } from '../domain/cross-filter.ts';
import { MAP_LAYER } from '../domain/map-layers.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DIMMED, type Rgba } from './palettes.ts';
import { QPV_LAYER_DEFAULTS } from './qpv-first-view.ts';

export interface QpvProps {
  code: string;
  nom: string;
  commune: string;
  lon: number;
  lat: number;
}

export type QpvCollection = FeatureCollection<Polygon | MultiPolygon, QpvProps>;

/**
 * Below this zoom a QPV (a few hundred metres) is a few pixels wide: it is drawn as a marker.
 * From it on, as its polygon. Only one of the two is drawn at a time, so deck.gl's first frame
 * compiles only the marker's WebGL program.
 */
export const QPV_POLYGON_MIN_ZOOM = MAP_LAYER.qpv.detailMinZoom;

export interface QpvLayerOptions {
  zoom: number;
  selected: string | null;
  /** Choropleth colour of each QPV; null (or a QPV missing from it) gets the default fill. */
  fill: ReadonlyMap<string, Rgba> | null;
  /** Identifies `fill`'s content, for deck.gl's update triggers. */
  fillKey: string;
  /** The cross-filter, applied on the GPU; null until the QPV's facts are loaded. */
  filter: QpvGpuFilter | null;
}

/**
 * What the GPU tests per QPV (deck.gl DataFilterExtension): its values of the first
 * `GPU_RANGES` range dimensions in use against their brushed ranges — a brush move only
 * changes uniforms — and whether it passes every other filter (one packed category
 * attribute, rebuilt when those change, not on brush moves of the GPU's ranges).
 */
export interface QpvGpuFilter {
  /**
   * Whether a filter is set. The values reach the GPU as soon as the facts are loaded, filter
   * or not: the first brush move then switches the test on rather than computing them.
   */
  active: boolean;
  /** Per GPU range: the value of each QPV that has one. */
  values: readonly ReadonlyMap<string, number>[];
  /** Identifies `values`, for deck.gl's update triggers. */
  valuesKey: string;
  /** QPV passing the filters the GPU does not test itself; null: all of them. */
  others: ReadonlySet<string> | null;
  /** Identifies `others`. */
  othersKey: string;
  /** Per GPU range: its brushed range, null when not brushed. */
  ranges: readonly (Range | null)[];
}

/** Value of a QPV without one: outside every brush, inside the « no brush » range. */
const MISSING = -1e30;
const ANY: Range = [-1e31, 1e31];
const PASS = 1;

/**
 * The same extension instance on every build, filter or not, and for the schools too: deck.gl
 * cannot add an extension to a layer that was created without it (visgl/deck.gl#7263).
 */
const QPV_FILTER = [new DataFilterExtension({ filterSize: GPU_RANGES, categorySize: 1 })];
/**
 * Every layer with the extension gets a category per object, from a function: left to its
 * default (a constant), the category attribute reaches the shader as a float where it expects
 * an integer, and WebGL refuses to draw (GL_INVALID_OPERATION).
 */
function passingCategory() {
  return { getFilterCategory: () => PASS, filterCategories: [PASS] };
}

/**
 * The dimmed copies carry the same extension, switched off: they then share the WebGL program
 * of the layer they copy, compiled with deck.gl's first frame, and the first brush move does not
 * stall on compiling another one.
 */
export const UNFILTERED = { extensions: QPV_FILTER, filterEnabled: false, ...passingCategory() };

const SLOTS = Array.from({ length: GPU_RANGES }, (_, i) => i);

/**
 * The cross-filter as a layer's DataFilterExtension props, for features that each stand for
 * one QPV: `codeOf` gives the QPV of the feature (or of its index in the layer's data).
 */
export function gpuFilterProps(filter: QpvGpuFilter | null, codeOf: (d: never, index: number) => string) {
  const code = codeOf as (d: unknown, index: number) => string;
  return {
    extensions: QPV_FILTER,
    filterEnabled: filter?.active === true,
    getFilterValue: (d: unknown, { index }: { index: number }) => {
      if (filter === null) return SLOTS.map(() => 0);
      const c = code(d, index);
      return SLOTS.map((i) => (i < filter.values.length ? (filter.values[i]!.get(c) ?? MISSING) : 0));
    },
    getFilterCategory: (d: unknown, { index }: { index: number }) => (filter === null || filter.others === null || filter.others.has(code(d, index)) ? PASS : 0),
    filterRange: SLOTS.map((i) => filter?.ranges[i] ?? ANY) as [number, number][],
    filterCategories: [PASS],
    updateTriggers: { getFilterValue: filter?.valuesKey ?? '', getFilterCategory: filter?.othersKey ?? '' },
  };
}

const markerCache = new WeakMap<QpvCollection, QpvProps[]>();
/** The same array for the same collection: new data would make deck.gl rebuild every attribute. */
function markersOf(data: QpvCollection): QpvProps[] {
  let markers = markerCache.get(data);
  if (markers === undefined) {
    markers = data.features.map((f) => f.properties);
    markerCache.set(data, markers);
  }
  return markers;
}

/** Whether a layer is one of `buildQpvLayers`' (their ids all start with `qpv-`). */
export const isQpvLayer = (layer: Layer): boolean => layer.id.startsWith('qpv-');

export function buildQpvLayers(data: QpvCollection, options: QpvLayerOptions): Layer[] {
  const { fill, line, selectedLine, markerRadiusPx } = QPV_LAYER_DEFAULTS;
  const isSelected = (code: string) => code === options.selected;
  const fillOf = (code: string) => options.fill?.get(code) ?? fill;
  const { filter } = options;
  const active = filter?.active === true;
  if (options.zoom >= QPV_POLYGON_MIN_ZOOM) {
    const polygonFilter = gpuFilterProps(filter, (f: { properties: QpvProps }) => f.properties.code);
    return [
      // The QPV a filter leaves out stay visible, greyed, under the ones it keeps. Hidden, not
      // left out, without a filter: the first brush move then only shows it.
      new GeoJsonLayer<QpvProps>({ ...UNFILTERED, id: 'qpv-polygons-dimmed', visible: active, data, filled: true, stroked: true, getFillColor: DIMMED, getLineColor: DIMMED, lineWidthUnits: 'pixels', getLineWidth: 1 }),
      new GeoJsonLayer<QpvProps>({
        ...polygonFilter,
        id: 'qpv-polygons',
        data,
        filled: true,
        stroked: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [0, 99, 203, 170],
        getFillColor: (f) => fillOf(f.properties.code),
        getLineColor: (f) => (isSelected(f.properties.code) ? selectedLine : line),
        getLineWidth: (f) => (isSelected(f.properties.code) ? 3 : 1),
        lineWidthUnits: 'pixels',
        updateTriggers: { getFillColor: options.fillKey, getLineColor: options.selected, getLineWidth: options.selected, ...polygonFilter.updateTriggers },
      }),
    ];
  }
  const markers = markersOf(data);
  const markerFilter = gpuFilterProps(filter, (d: QpvProps) => d.code);
  return [
    new ScatterplotLayer<QpvProps>({ ...UNFILTERED, id: 'qpv-markers-dimmed', visible: active, data: markers, getPosition: (d) => [d.lon, d.lat], radiusUnits: 'pixels', getRadius: markerRadiusPx - 1, getFillColor: DIMMED }),
    new ScatterplotLayer<QpvProps>({
      ...markerFilter,
      id: 'qpv-markers',
      data: markers,
      getPosition: (d) => [d.lon, d.lat],
      radiusUnits: 'pixels',
      getRadius: (d) => (isSelected(d.code) ? markerRadiusPx + 3 : markerRadiusPx),
      getFillColor: (d) => fillOf(d.code),
      stroked: true,
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      pickable: true,
      autoHighlight: true,
      highlightColor: [0, 99, 203, 255],
      updateTriggers: { getFillColor: options.fillKey, getRadius: options.selected, ...markerFilter.updateTriggers },
    }),
  ];
}

/** Tooltip text (never HTML: names come from open data). */
export function qpvTooltip(info: PickingInfo): { text: string } | null {
  const object = info.object as { properties?: QpvProps } | QpvProps | undefined;
  if (object === undefined || object === null) return null;
  const p = 'properties' in object && object.properties ? object.properties : (object as QpvProps);
  return { text: `${p.nom}\n${p.code} · ${p.commune}` };
}
