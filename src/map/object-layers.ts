import type { Layer, PickingInfo } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer, type GeoJsonLayerProps, IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { perimetreLabel } from '../domain/cite-perimetre.ts';
import { LIEU_CATEGORIES } from '../domain/lieu-categories.ts';
import type { MapFootprint, MapPoint } from '../queries/map-objects-queries.ts';
import { OBJECT_LAYERS } from '../domain/map-layers.ts';
import { type LayerDrawing, NOTHING } from './layer-stack.ts';
import { hexToRgba, type Rgba } from './palettes.ts';

/**
 * Layers of the objects drawn over the QPV: Cités (perimeters), REP/REP+ networks
 * (footprints), partner places (by category), PRE and actions (symbols). Every picked
 * object carries `kind` and `id`: a click opens its fiche.
 */
const svg = (body: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${body}</svg>`)}`;

/** Okabe–Ito, readable with every common colour-vision deficiency; then greys. */
const CATEGORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#666666', '#BBBBBB'];

export const LIEU_COLOURS: ReadonlyMap<string, string> = new Map(LIEU_CATEGORIES.map((c, i) => [c.id, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!]));

/** Symbols of the legend and the map, shape and colour (WCAG 1.4.1). */
export const OBJECT_SYMBOLS = {
  cite: { label: 'Périmètre de Cité éducative', colour: '#E69F00', url: svg('<rect x="3" y="3" width="18" height="18" fill="#E69F0033" stroke="#B36B00" stroke-width="3"/>') },
  citeApprochee: {
    label: `Cité éducative, ${perimetreLabel('commune_approchee')}`,
    colour: '#E69F00',
    url: svg('<rect x="3" y="3" width="18" height="18" fill="#E69F0014" stroke="#B36B00" stroke-width="2" stroke-dasharray="4 3"/>'),
  },
  reseau: { label: 'Réseau REP / REP+ (emprise estimée)', colour: '#6a6af4', url: svg('<rect x="3" y="3" width="18" height="18" rx="6" fill="#6a6af455" stroke="#000091" stroke-width="2"/>') },
  pre: { label: 'Programme de réussite éducative', colour: '#009E73', url: svg('<rect x="4" y="4" width="16" height="16" fill="#009E73" stroke="#fff" stroke-width="2"/>') },
  action: { label: 'Actions éducatives', colour: '#A0457F', url: svg('<path d="M12 1.5 15 9h7.5l-6 4.8 2.3 7.7L12 16.9l-6.8 4.6 2.3-7.7-6-4.8H9Z" fill="#A0457F" stroke="#fff" stroke-width="1.5"/>') },
} as const;

const CITE_LINE: Rgba = [179, 107, 0, 255];
const RESEAU_FILL: Record<string, Rgba> = { 'REP+': [0, 0, 145, 45], REP: [106, 106, 244, 40] };
const RESEAU_LINE: Record<string, Rgba> = { 'REP+': [0, 0, 145, 220], REP: [106, 106, 244, 220] };

type FootprintFeature = Feature<Polygon | MultiPolygon, MapFootprint>;

const featureCache = new WeakMap<readonly MapFootprint[], FootprintFeature[]>();
/** GeoJSON features of footprints, parsed once per query result. */
function featuresOf(footprints: readonly MapFootprint[]): FootprintFeature[] {
  let features = featureCache.get(footprints);
  if (features === undefined) {
    features = footprints.map((f) => ({ type: 'Feature', geometry: JSON.parse(f.geometry) as Polygon | MultiPolygon, properties: f }));
    featureCache.set(footprints, features);
  }
  return features;
}

/** A Cité drawn as its commune for want of QPV the source names and the data holds. */
export const isApproached = (f: Pick<MapFootprint, 'kind' | 'categorie'>) => f.kind === 'cite' && f.categorie === 'commune_approchee';

/** A layer of Cité perimeters: their outline colour in pixels, pickable unless `props` says otherwise. */
function citeLayer(id: string, data: FootprintFeature[], props: Partial<GeoJsonLayerProps<MapFootprint> & PathStyleExtensionProps>): Layer {
  return new GeoJsonLayer<MapFootprint, PathStyleExtensionProps>({ id, data, getLineColor: CITE_LINE, lineWidthUnits: 'pixels', pickable: true, ...props });
}

const pointRadius = (p: MapPoint) => Math.min(14, 4 + 2 * Math.sqrt(p.count - 1));

/** The REP/REP+ networks' footprints, drawn with the basemap. */
export function drawReseaux(reseaux: readonly MapFootprint[]): LayerDrawing {
  if (reseaux.length === 0) return NOTHING;
  return {
    basemap: [
      new GeoJsonLayer<MapFootprint>({
        id: 'reseaux',
        data: featuresOf(reseaux),
        getFillColor: (f) => RESEAU_FILL[f.properties.categorie] ?? RESEAU_FILL.REP!,
        getLineColor: (f) => RESEAU_LINE[f.properties.categorie] ?? RESEAU_LINE.REP!,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        pickable: true,
      }),
    ],
    upper: [],
  };
}

/** The Cités' perimeters, drawn with the basemap; the outline of those made of QPV again over the QPV. */
export function drawCites(cites: readonly MapFootprint[]): LayerDrawing {
  if (cites.length === 0) return NOTHING;
  // A perimeter the source gives (its QPV, or the whole commune it states) is drawn solid;
  // a commune drawn for want of better is dashed and fainter, so it never passes for one.
  const features = featuresOf(cites);
  const approached = features.filter((f) => isApproached(f.properties));
  const sourced = features.filter((f) => !isApproached(f.properties));
  // A perimeter made of QPV lies exactly on them, and the QPV polygons are drawn over the
  // footprints: its outline is drawn again above them, unpickable, so it stays visible.
  const onQpv = sourced.filter((f) => f.properties.categorie === 'qpv');
  const dashed = { getDashArray: [5, 4] as const, dashJustified: true, dashGapPickable: true, extensions: [new PathStyleExtension({ dash: true })] };
  const basemap: Layer[] = [];
  if (approached.length > 0) basemap.push(citeLayer('cites-approchees', approached, { getFillColor: [230, 159, 0, 12], getLineWidth: 2, ...dashed }));
  if (sourced.length > 0) basemap.push(citeLayer('cites', sourced, { getFillColor: [230, 159, 0, 40], getLineWidth: 3 }));
  return { basemap, upper: onQpv.length > 0 ? [citeLayer('cites-contours-qpv', onQpv, { filled: false, getLineWidth: 3, pickable: false })] : [] };
}

/** Partner places, a dot coloured by category, larger where several share a point. */
export function drawLieux(lieux: readonly MapPoint[]): LayerDrawing {
  if (lieux.length === 0) return NOTHING;
  return {
    basemap: [],
    upper: [
      new ScatterplotLayer<MapPoint>({
        id: 'lieux',
        data: lieux,
        getPosition: (p) => [p.lon, p.lat],
        radiusUnits: 'pixels',
        getRadius: pointRadius,
        getFillColor: (p) => hexToRgba(LIEU_COLOURS.get(p.categorie) ?? '#666666', 230),
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        pickable: true,
      }),
    ],
  };
}

/** Points drawn with `symbol`'s icon, larger where several share a point. */
function iconLayer(id: string, points: readonly MapPoint[], symbol: { url: string }): Layer {
  return new IconLayer<MapPoint>({
    id,
    data: points,
    getPosition: (p) => [p.lon, p.lat],
    getIcon: () => ({ id, url: symbol.url, width: 24, height: 24, mask: false }),
    getSize: (p) => 2 * pointRadius(p) + 8,
    sizeUnits: 'pixels',
    pickable: true,
  });
}

/** The PRE, at a point of their commune. */
export function drawPre(pre: readonly MapPoint[]): LayerDrawing {
  return pre.length === 0 ? NOTHING : { basemap: [], upper: [iconLayer('pre', pre, OBJECT_SYMBOLS.pre)] };
}

/**
 * The actions, when `visible`; those `highlighted` (a cell of the parcours matrix) ringed,
 * and drawn even with the layer off.
 */
export function drawActions(actions: readonly MapPoint[], visible: boolean, highlightedIds: ReadonlySet<string>): LayerDrawing {
  const highlighted = highlightedIds.size === 0 ? [] : actions.filter((p) => p.ids.split(',').some((id) => highlightedIds.has(id)));
  const shown = visible ? actions : highlighted;
  const upper: Layer[] = [];
  if (highlighted.length > 0) {
    upper.push(
      new ScatterplotLayer<MapPoint>({
        id: 'actions-highlight',
        data: highlighted,
        getPosition: (p) => [p.lon, p.lat],
        radiusUnits: 'pixels',
        getRadius: (p) => pointRadius(p) + 10,
        getFillColor: [255, 215, 0, 110],
        stroked: true,
        getLineColor: [160, 69, 127, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }
  if (shown.length > 0) upper.push(iconLayer('actions', shown, OBJECT_SYMBOLS.action));
  return upper.length === 0 ? NOTHING : { basemap: [], upper };
}

/** One object of each kind, in French. */
const KIND_LABELS: Readonly<Record<string, string>> = Object.fromEntries(OBJECT_LAYERS.map((l) => [l.kind, l.label]));

/** A picked object of these layers, if that is what `info` holds. */
export function objectOf(info: PickingInfo): MapPoint | MapFootprint | null {
  const object = info.object as { properties?: MapFootprint } | MapPoint | MapFootprint | undefined;
  if (object === undefined || object === null) return null;
  const o = 'properties' in object && object.properties ? object.properties : (object as MapPoint | MapFootprint);
  return 'kind' in o ? o : null;
}

/** Tooltip text (never HTML: names come from open data). */
export function objectTooltip(o: MapPoint | MapFootprint): string {
  const kind = o.kind === 'lieu' ? (LIEU_CATEGORIES.find((c) => c.id === o.categorie)?.label ?? o.categorie) : KIND_LABELS[o.kind];
  const count = 'count' in o && o.count > 1 && o.kind === 'action' ? `${o.count} actions : ` : '';
  return `${o.nom}\n${kind}\n${count}${o.detail}`;
}
