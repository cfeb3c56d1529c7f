import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import { IconLayer } from '@deck.gl/layers';
import { EP_LONG_LABELS, EP_STATUTS, type EpStatut, isEpReseau } from '../domain/education-prioritaire.ts';
import { etablissementKindLabel } from '../domain/etablissement-nature.ts';
import { MAP_LAYER } from '../domain/map-layers.ts';
import type { EtablissementPoint } from './etablissement-points.ts';
import { hexToRgba, type Rgba, rgbaCss } from './palettes.ts';
import { gpuFilterProps, type QpvGpuFilter, UNFILTERED } from './qpv-layers.ts';

/** An SVG data URL 24 px high: one icon (24 wide), or the atlas of them side by side. */
const svg = (body: string, width = 24) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" viewBox="0 0 ${width} 24">${body}</svg>`)}`;

const SHAPES = {
  'REP+': (fill: string) => `<path d="M12 1 23 12 12 23 1 12Z" fill="${fill}" stroke="#fff" stroke-width="2"/>`,
  REP: (fill: string) => `<path d="M12 2 23 21H1Z" fill="${fill}" stroke="#fff" stroke-width="2"/>`,
  hors_ep: (fill: string) => `<circle cx="12" cy="12" r="8" fill="${fill}" stroke="#fff" stroke-width="2"/>`,
  // Hollow: no status to fill it with.
  inconnu: (fill: string) => `<rect x="4" y="4" width="16" height="16" fill="#fff" stroke="${fill}" stroke-width="4"/>`,
} satisfies Record<EpStatut, (fill: string) => string>;

/**
 * How the schools near no QPV passing the filters are drawn: in place, smaller, in a pale
 * tint of their colour (`strength` of it over white). Opaque, so that the schools sharing an
 * address (a maternelle and an élémentaire) do not add up to a full colour as translucent
 * icons would.
 */
export const DIMMED_SCHOOLS = { strength: 0.3, sizeFactor: 0.7 };

/** `hex` at `strength` over white. */
function paler(hex: string, strength: number): string {
  const [r, g, b] = hexToRgba(hex).map((c) => Math.round(255 - (255 - c) * strength));
  return rgbaCss([r!, g!, b!, 255]);
}

/** One symbol: its legend label, colour and size, its icon's markup plain and pale, and both as images. */
function symbol(shape: keyof typeof SHAPES, label: string, colour: string, size: number) {
  const [body, paleBody] = [SHAPES[shape](colour), SHAPES[shape](paler(colour, DIMMED_SCHOOLS.strength))];
  return { label, colour, size, body, paleBody, url: svg(body), paleUrl: svg(paleBody) };
}

/**
 * REP+, REP, hors éducation prioritaire and unknown status told apart by shape and colour, not
 * colour alone (WCAG 1.4.1): diamond, triangle, circle, hollow square — an unknown status never
 * looks like hors EP. Keyed by the status ids of `education-prioritaire.ts`. Inline SVG, so no
 * request leaves the origin.
 */
export const EP_SYMBOLS = {
  'REP+': symbol('REP+', 'REP+', '#000091', 16),
  REP: symbol('REP', 'REP', '#6a6af4', 14),
  hors_ep: symbol('hors_ep', 'Hors éducation prioritaire', '#666666', 9),
  inconnu: symbol('inconnu', 'Éducation prioritaire inconnue', '#b34000', 10),
} as const satisfies Record<EpStatut, unknown>;

const SYMBOL_IDS = EP_STATUTS;
/**
 * Every icon, plain then pale, in one atlas loaded with the layer: the pale ones are there
 * before the first filter, which then draws them without waiting for an image.
 */
const ATLAS = svg(
  [...SYMBOL_IDS.map((k) => EP_SYMBOLS[k].body), ...SYMBOL_IDS.map((k) => EP_SYMBOLS[k].paleBody)]
    .map((body, i) => `<g transform="translate(${24 * i} 0)">${body}</g>`)
    .join(''),
  24 * SYMBOL_IDS.length * 2,
);
const ATLAS_MAPPING = Object.fromEntries(
  [...SYMBOL_IDS, ...SYMBOL_IDS.map((k) => `${k}-pale`)].map((id, i) => [id, { x: 24 * i, y: 0, width: 24, height: 24, mask: false }]),
);

export type EpSymbol = EpStatut;
/** The symbol of a status; a value outside the four (an older table) is drawn as unknown, never as hors EP. */
export const epSymbolOf = (ep: EtablissementPoint['ep']): EpSymbol => (EP_STATUTS.includes(ep) ? ep : 'inconnu');

/** Below this zoom only REP and REP+ establishments are drawn (14,000 points would hide the map). */
export const ALL_ETABLISSEMENTS_MIN_ZOOM = MAP_LAYER.etablissements.detailMinZoom;

const epOnlyCache = new WeakMap<readonly EtablissementPoint[], EtablissementPoint[]>();
/** REP and REP+ only, the same array for the same points (deck.gl compares data by identity). */
function epOnly(points: readonly EtablissementPoint[]): EtablissementPoint[] {
  let ep = epOnlyCache.get(points);
  if (ep === undefined) {
    ep = points.filter((p) => isEpReseau(p.ep));
    epOnlyCache.set(points, ep);
  }
  return ep;
}

interface LinkedSchools {
  /** A school once per QPV it lies in or near (schools near no QPV are left out). */
  points: EtablissementPoint[];
  /** The QPV of each entry of `points`. */
  codes: string[];
}

const linkedCache = new WeakMap<readonly EtablissementPoint[], LinkedSchools>();
/** The (school, QPV) pairs of `points`, the same arrays for the same points. */
function linkedOf(points: readonly EtablissementPoint[]): LinkedSchools {
  let linked = linkedCache.get(points);
  if (linked === undefined) {
    linked = { points: [], codes: [] };
    for (const point of points) {
      for (const code of point.qpv === '' ? [] : point.qpv.split(',')) {
        linked.points.push(point);
        linked.codes.push(code);
      }
    }
    linkedCache.set(points, linked);
  }
  return linked;
}

export interface EtablissementLayerOptions {
  zoom: number;
  /** The cross-filter as the QPV layers apply it on the GPU; null until the QPV's facts are loaded. */
  filter: QpvGpuFilter | null;
}

/**
 * Every school, dimmed while a filter is active; over them, the schools in or within 300 m
 * of a QPV passing the filter, drawn as usual. Those are tested on the GPU with the QPV's own
 * filter values, once per QPV they are near (a school near two QPV passes if either does): a
 * brush move changes uniforms only, as for the QPV. The layers of a filter are there, hidden,
 * before the first one: the first brush move shows them rather than building them.
 */
export function buildEtablissementLayers(points: readonly EtablissementPoint[], options: EtablissementLayerOptions): Layer[] {
  const data = options.zoom >= ALL_ETABLISSEMENTS_MIN_ZOOM ? points : epOnly(points);
  const scale = options.zoom >= ALL_ETABLISSEMENTS_MIN_ZOOM ? 1.2 : options.zoom >= 7 ? 0.8 : 0.6;
  const { filter } = options;
  const active = filter?.active === true;
  const icons = {
    getPosition: (d: EtablissementPoint) => [d.lon, d.lat] as [number, number],
    iconAtlas: ATLAS,
    iconMapping: ATLAS_MAPPING,
    getIcon: (d: EtablissementPoint) => epSymbolOf(d.ep),
    getSize: (d: EtablissementPoint) => EP_SYMBOLS[epSymbolOf(d.ep)].size,
    // A uniform, so that a zoom changing the scale rebuilds no attribute.
    sizeScale: scale,
    sizeUnits: 'pixels' as const,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120] as Rgba,
  };
  const linked = linkedOf(data);
  return [
    // The filter extension, switched off: the same WebGL program as the passing schools' layer,
    // compiled with deck.gl's first frame rather than at the first brush move.
    new IconLayer<EtablissementPoint, DataFilterExtensionProps<EtablissementPoint>>({ ...icons, ...UNFILTERED, id: 'etablissements', visible: !active, data }),
    new IconLayer<EtablissementPoint, DataFilterExtensionProps<EtablissementPoint>>({
      ...icons,
      ...UNFILTERED,
      id: 'etablissements-dimmed',
      visible: active,
      data,
      getIcon: (d: EtablissementPoint) => `${epSymbolOf(d.ep)}-pale`,
      sizeScale: scale * DIMMED_SCHOOLS.sizeFactor,
    }),
    new IconLayer<EtablissementPoint, DataFilterExtensionProps<EtablissementPoint>>({
      ...icons,
      ...gpuFilterProps(filter, (_: EtablissementPoint, index) => linked.codes[index]!),
      id: 'etablissements-passing',
      visible: active,
      data: linked.points,
    }),
  ];
}

/** Tooltip text for an establishment (never HTML: names come from open data). */
export function etablissementTooltip(p: EtablissementPoint): string {
  const ep = EP_LONG_LABELS[epSymbolOf(p.ep)];
  return `${p.nom}\n${etablissementKindLabel(p.type, p.secteur)} · ${ep}\n${p.uai} · ${p.commune_nom}`;
}

export const isEtablissementPick = (info: PickingInfo) => info.layer?.id.startsWith('etablissements') === true;
