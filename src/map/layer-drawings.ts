import { type LayerId, MAP_LAYER, MAP_LAYERS } from '../domain/map-layers.ts';
import type { Need } from '../db/coordinator.ts';
import { ALL_ACTIONS_VIEW } from '../queries/local-actions-queries.ts';
import {
  buildActionPointsQuery,
  buildCiteFootprintsQuery,
  buildLieuPointsQuery,
  buildPrePointsQuery,
  buildReseauFootprintsQuery,
  type MapFootprint,
  type MapPoint,
} from '../queries/map-objects-queries.ts';
import { buildEtablissementLayers } from './etablissement-layers.ts';
import type { EtablissementPoint } from './etablissement-points.ts';
import { ACTION_LEGEND_ITEM, CITE_LEGEND_ITEMS, ETABLISSEMENT_LEGEND_ITEMS, LIEU_LEGEND_ITEMS, PRE_LEGEND_ITEM, RESEAU_LEGEND_ITEM } from './legend-entries.ts';
import { NOTHING, type LayerDrawing } from './layer-stack.ts';
import type { MapLegend } from './map-capture.ts';
import { drawActions, drawCites, drawLieux, drawPre, drawReseaux, OBJECT_SYMBOLS } from './object-layers.ts';
import type { Rgba } from './palettes.ts';
import { buildQpvLayers, type QpvCollection, type QpvGpuFilter } from './qpv-layers.ts';

/** Everything the layers are drawn from, besides each layer's own query rows. */
export interface LayerInputs {
  zoom: number;
  /** The QPV, from the published Arrow file; null until read. */
  qpv: QpvCollection | null;
  selectedQpv: string | null;
  /** Choropleth colour of each QPV, and the key that identifies it. */
  fill: ReadonlyMap<string, Rgba> | null;
  fillKey: string;
  /** The cross-filter for the GPU, applied to the QPV and the schools near them. */
  qpvFilter: QpvGpuFilter | null;
  /** The schools, from their Arrow file. */
  etablissements: readonly EtablissementPoint[];
  /** Actions to point out (a cell of the parcours matrix): ringed, even with their layer off. */
  highlightedActions: ReadonlySet<string>;
  /** Each queried layer's rows (`query`), empty until they come. */
  rows: Readonly<Partial<Record<LayerId, readonly unknown[]>>>;
}

/** What the state tells a layer's query. */
export interface LayerQueryState {
  highlightedActions: readonly string[];
}

/** The query of a layer's objects, run by `useMapObjects` while the layer is shown. */
export interface LayerQuery {
  sql(): string;
  /** The tables it reads (`useSql`): it runs again when one of them changes (the actions imported here). */
  needs: readonly Need[];
  /** Run it while the layer is hidden too. */
  alsoWhen?(state: LayerQueryState): boolean;
}

/** A line of the layer panel's legend: a symbol and what it stands for. */
export interface PanelLegendLine {
  symbol: string;
  text: string;
}

/** How one layer of `domain/map-layers.ts` is drawn, and how its legends say it. */
export interface LayerDrawer {
  /** The inputs it is drawn from: it is drawn again only when one of them, its rows or its visibility change. */
  reads: readonly (keyof Omit<LayerInputs, 'rows'>)[];
  draw(inputs: LayerInputs, visible: boolean): LayerDrawing;
  query?: LayerQuery;
  /** Its lines in the PNG export's legend, under the choropleth's, when it is shown. */
  pngLegend: MapLegend['items'];
  /** Its lines in the layer panel, when shown (the panel may say more: counts, method). */
  panelLegend: readonly PanelLegendLine[];
}

/** A layer's rows as its query gives them. */
const rowsOf = <T>(inputs: LayerInputs, id: LayerId) => (inputs.rows[id] ?? []) as readonly T[];

/** A layer drawn from the rows of `sql` alone, read from its table, and nothing while hidden. */
const fromRows = <T>(id: LayerId, sql: () => string, draw: (rows: readonly T[]) => LayerDrawing): Pick<LayerDrawer, 'reads' | 'draw' | 'query'> => ({
  reads: [],
  draw: (inputs, visible) => (visible ? draw(rowsOf<T>(inputs, id)) : NOTHING),
  query: { sql, needs: [MAP_LAYER[id].table] },
});

/**
 * Each layer's drawing, keyed by the domain's ids: a layer declared without one fails the
 * typecheck. The QPV and the schools carry the cross-filter (a brush move redraws only them).
 */
export const LAYER_DRAWINGS: Readonly<Record<LayerId, LayerDrawer>> = {
  qpv: {
    reads: ['qpv', 'zoom', 'selectedQpv', 'fill', 'fillKey', 'qpvFilter'],
    draw: ({ qpv, zoom, selectedQpv, fill, fillKey, qpvFilter }, visible) => {
      if (qpv === null || !visible) return NOTHING;
      const upper = buildQpvLayers(qpv, { zoom, selected: selectedQpv, fill, fillKey, filter: qpvFilter });
      // A QPV polygon lies under the schools in it; a QPV marker (national zoom) over them.
      return { basemap: [], upper, ...(zoom < MAP_LAYER.qpv.detailMinZoom ? { above: 'etablissements' as const } : {}) };
    },
    // The choropleth's own legend is the QPV's.
    pngLegend: [],
    panelLegend: [],
  },
  etablissements: {
    reads: ['etablissements', 'zoom', 'qpvFilter'],
    draw: ({ etablissements, zoom, qpvFilter }, visible) => (visible && etablissements.length > 0 ? { basemap: [], upper: buildEtablissementLayers(etablissements, { zoom, filter: qpvFilter }) } : NOTHING),
    pngLegend: ETABLISSEMENT_LEGEND_ITEMS,
    panelLegend: [],
  },
  reseaux: {
    ...fromRows<MapFootprint>('reseaux', buildReseauFootprintsQuery, drawReseaux),
    pngLegend: [RESEAU_LEGEND_ITEM],
    panelLegend: [],
  },
  cites: {
    ...fromRows<MapFootprint>('cites', buildCiteFootprintsQuery, drawCites),
    pngLegend: CITE_LEGEND_ITEMS,
    panelLegend: [],
  },
  lieux: {
    ...fromRows<MapPoint>('lieux', buildLieuPointsQuery, drawLieux),
    pngLegend: LIEU_LEGEND_ITEMS,
    panelLegend: [],
  },
  pre: {
    ...fromRows<MapPoint>('pre', buildPrePointsQuery, drawPre),
    pngLegend: [PRE_LEGEND_ITEM],
    panelLegend: [{ symbol: OBJECT_SYMBOLS.pre.url, text: 'Au centre de sa commune : programme communal, quartiers suivis non précisés par la source' }],
  },
  actions: {
    reads: ['highlightedActions'],
    draw: (inputs, visible) => drawActions(rowsOf<MapPoint>(inputs, 'actions'), visible, inputs.highlightedActions),
    // With those imported in this browser; again when they change.
    query: { sql: () => buildActionPointsQuery(ALL_ACTIONS_VIEW), needs: ['actions_toutes'], alsoWhen: (s) => s.highlightedActions.length > 0 },
    pngLegend: [ACTION_LEGEND_ITEM],
    panelLegend: [{ symbol: OBJECT_SYMBOLS.action.url, text: 'Au centre de sa première commune ; agrandie si plusieurs' }],
  },
};

/** `legend` with the lines of the layers `visibleLayers` shows, in the registry's order. */
export function withLayerLegend(legend: MapLegend | null, visibleLayers: readonly string[]): MapLegend | null {
  if (legend === null) return legend;
  const extra = MAP_LAYERS.filter((l) => visibleLayers.includes(l.id)).flatMap((l) => LAYER_DRAWINGS[l.id].pngLegend);
  return extra.length === 0 ? legend : { ...legend, items: [...legend.items, ...extra] };
}

/** The published tables the shown layers draw, in the registry's order (the PNG's sources). */
export const layerTables = (visibleLayers: readonly string[]): string[] => MAP_LAYERS.filter((l) => visibleLayers.includes(l.id)).map((l) => l.table);
