import type { Layer, PickingInfo } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { IconLayer } from '@deck.gl/layers';
import type { EtablissementPoint } from '../queries/etablissements-query.ts';

/**
 * REP+, REP and hors éducation prioritaire told apart by shape and colour, not colour alone
 * (WCAG 1.4.1): diamond, triangle, circle. Inline SVG, so no request leaves the origin.
 */
const svg = (body: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${body}</svg>`)}`;

export const EP_SYMBOLS = {
  'REP+': { label: 'REP+', colour: '#000091', url: svg('<path d="M12 1 23 12 12 23 1 12Z" fill="#000091" stroke="#fff" stroke-width="2"/>'), size: 16 },
  REP: { label: 'REP', colour: '#6a6af4', url: svg('<path d="M12 2 23 21H1Z" fill="#6a6af4" stroke="#fff" stroke-width="2"/>'), size: 14 },
  hors: { label: 'Hors éducation prioritaire', colour: '#666666', url: svg('<circle cx="12" cy="12" r="8" fill="#666" stroke="#fff" stroke-width="2"/>'), size: 9 },
} as const;

export type EpSymbol = keyof typeof EP_SYMBOLS;
export const epSymbolOf = (ep: EtablissementPoint['ep']): EpSymbol => (ep === 'REP+' ? 'REP+' : ep === 'REP' ? 'REP' : 'hors');

/** Below this zoom only REP and REP+ establishments are drawn (14,000 points would hide the map). */
export const ALL_ETABLISSEMENTS_MIN_ZOOM = 10;

const epOnlyCache = new WeakMap<readonly EtablissementPoint[], EtablissementPoint[]>();
/** REP and REP+ only, the same array for the same points (deck.gl compares data by identity). */
function epOnly(points: readonly EtablissementPoint[]): EtablissementPoint[] {
  let ep = epOnlyCache.get(points);
  if (ep === undefined) {
    ep = points.filter((p) => p.ep !== null);
    epOnlyCache.set(points, ep);
  }
  return ep;
}

const qpvCache = new WeakMap<EtablissementPoint, string[]>();
/** The QPV a school lies in or near, split once (the filter asks on every brush move). */
function qpvOf(point: EtablissementPoint): string[] {
  let codes = qpvCache.get(point);
  if (codes === undefined) {
    codes = point.qpv === '' ? [] : point.qpv.split(',');
    qpvCache.set(point, codes);
  }
  return codes;
}

/** One extension instance for every build (deck.gl cannot swap a layer's extensions). */
const SCHOOL_FILTER = [new DataFilterExtension({ filterSize: 1 })];

export interface EtablissementLayerOptions {
  zoom: number;
  /**
   * QPV passing the cross-filter (null: no filter). A school in or within 300 m of one of
   * them is drawn as usual; the others fade to a tenth (GPU filter, soft range).
   */
  matchingQpv: { codes: ReadonlySet<string>; key: string } | null;
}

export function buildEtablissementLayers(points: readonly EtablissementPoint[], options: EtablissementLayerOptions): Layer[] {
  const data = options.zoom >= ALL_ETABLISSEMENTS_MIN_ZOOM ? points : epOnly(points);
  const scale = options.zoom >= ALL_ETABLISSEMENTS_MIN_ZOOM ? 1.2 : options.zoom >= 7 ? 0.8 : 0.6;
  const { matchingQpv } = options;
  const matches = (d: EtablissementPoint) => matchingQpv === null || qpvOf(d).some((c) => matchingQpv.codes.has(c));
  return [
    new IconLayer<EtablissementPoint, DataFilterExtensionProps<EtablissementPoint>>({
      id: 'etablissements',
      data,
      getPosition: (d) => [d.lon, d.lat],
      getIcon: (d) => {
        const symbol = EP_SYMBOLS[epSymbolOf(d.ep)];
        return { id: epSymbolOf(d.ep), url: symbol.url, width: 24, height: 24, mask: false };
      },
      getSize: (d) => EP_SYMBOLS[epSymbolOf(d.ep)].size * scale,
      sizeUnits: 'pixels',
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 120],
      // Non-matching schools sit in the soft band: drawn faded and smaller, still in place.
      extensions: SCHOOL_FILTER,
      getFilterValue: (d) => (matches(d) ? 1 : 0),
      filterRange: [-0.1, 1],
      filterSoftRange: [0.9, 1],
      updateTriggers: { getFilterValue: matchingQpv?.key ?? '' },
    }),
  ];
}

const TYPES: Record<string, string> = { ecole: 'École', college: 'Collège', lycee: 'Lycée', cio: 'CIO', medico_social: 'Médico-social', autre: 'Établissement' };

/** Tooltip text for an establishment (never HTML: names come from open data). */
export function etablissementTooltip(p: EtablissementPoint): string {
  const ep = p.ep === null ? 'hors éducation prioritaire' : p.ep;
  return `${p.nom}\n${TYPES[p.type] ?? p.type} ${p.secteur === 'prive' ? 'privé' : 'public'} · ${ep}\n${p.uai} · ${p.commune_nom}`;
}

export const isEtablissementPick = (info: PickingInfo) => info.layer?.id === 'etablissements';
