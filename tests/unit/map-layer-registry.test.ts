import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId, MAP_LAYER, MAP_LAYERS, OBJECT_LAYERS } from '../../src/domain/map-layers.ts';
import { OBJECT_KINDS } from '../../src/domain/selected-object.ts';
import { TABLE_LAYOUTS } from '../../src/domain/table-layouts.ts';
import type { EtablissementPoint } from '../../src/map/etablissement-points.ts';
import { LAYER_DRAWINGS, type LayerInputs, layerTables, withLayerLegend } from '../../src/map/layer-drawings.ts';
import { type LayerDrawing, stackLayers } from '../../src/map/layer-stack.ts';
import type { MapFootprint, MapPoint } from '../../src/queries/map-objects-queries.ts';
import { OBJECT_TABLES } from '../../src/queries/object-tables.ts';
import { OBJECT_HIT_KINDS, OBJECT_SEARCH_SETUP, OBJECT_SEARCH_TABLES } from '../../src/queries/search-query.ts';
import { readUrlState, writeUrlState } from '../../src/state/url-state.ts';
import { useAppStore } from '../../src/state/store.ts';

// One object of each layer, around Toulouse.
const square = JSON.stringify({ type: 'Polygon', coordinates: [[[1.4, 43.6], [1.41, 43.6], [1.41, 43.61], [1.4, 43.61], [1.4, 43.6]]] });
const footprint = (kind: MapFootprint['kind'], categorie: string): MapFootprint => ({ kind, id: `${kind}-${categorie}`, nom: kind, categorie, detail: '', geometry: square });
const point = (kind: MapPoint['kind'], id: string): MapPoint => ({ kind, id, nom: id, categorie: kind === 'lieu' ? 'cio' : kind, detail: '', lon: 1.4, lat: 43.6, count: 1, ids: id });
const school: EtablissementPoint = { uai: '0310001A', nom: 'École', type: 'ecole', ep: 'REP+', secteur: 'public', commune_nom: 'Toulouse', lon: 1.4, lat: 43.6, qpv: 'QP031007' };

const inputs = (zoom: number): LayerInputs => ({
  zoom,
  qpv: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: JSON.parse(square), properties: { code: 'QP031007', nom: 'Bagatelle', commune: 'Toulouse', lon: 1.4, lat: 43.6 } }] },
  selectedQpv: null,
  fill: null,
  fillKey: '',
  qpvFilter: null,
  etablissements: [school],
  highlightedActions: new Set(['A1']),
  rows: {
    reseaux: [footprint('reseau', 'REP+')],
    cites: [footprint('cite', 'qpv'), footprint('cite', 'commune_approchee')],
    lieux: [point('lieu', 'L1')],
    pre: [point('pre', 'P1')],
    actions: [point('action', 'A1')],
  },
});

/** Every layer drawn, all shown, at `zoom`: each one's drawing and the stack. */
function drawAll(zoom: number) {
  const drawings = Object.fromEntries(LAYER_IDS.map((id) => [id, LAYER_DRAWINGS[id].draw(inputs(zoom), true)])) as Record<LayerId, LayerDrawing>;
  return { drawings, stack: stackLayers(drawings) };
}

/** The registry layer each deck.gl layer of `stack` was drawn by, in stacking order. */
const owners = (stack: readonly Layer[], drawings: Record<LayerId, LayerDrawing>, part: 'basemap' | 'upper') =>
  stack.map((layer) => LAYER_IDS.find((id) => drawings[id][part].includes(layer))!);

const index = (id: LayerId) => LAYER_IDS.indexOf(id);

describe('the layer registry (src/domain/map-layers.ts) and its drawings (src/map/layer-drawings.ts)', () => {
  it('declares each layer once, with a label, a published table and, for its objects, a kind of its own', () => {
    expect(new Set(LAYER_IDS).size).toBe(MAP_LAYERS.length);
    expect(new Set(MAP_LAYERS.map((l) => l.label)).size).toBe(MAP_LAYERS.length);
    const published = new Set(TABLE_LAYOUTS.map((t) => t.name));
    for (const layer of MAP_LAYERS) expect(published.has(layer.table), layer.id).toBe(true);
    expect(new Set(OBJECT_LAYERS.map((l) => l.kind)).size).toBe(OBJECT_LAYERS.length);
    // The fiche kinds (URL `objet=`) and where their rows are come from the layers.
    expect([...OBJECT_KINDS].sort()).toEqual(OBJECT_LAYERS.map((l) => l.kind).sort());
    for (const l of OBJECT_LAYERS) expect(OBJECT_TABLES[l.kind]).toEqual({ table: l.table, key: l.key, footprint: l.footprint });
  });

  it('gives every layer a drawing and nothing else one, and every layer a legend', () => {
    expect(Object.keys(LAYER_DRAWINGS).sort()).toEqual([...LAYER_IDS].sort());
    for (const id of LAYER_IDS) {
      // The QPV's legend is the choropleth's own; every other layer adds its lines to it.
      if (id === 'qpv') continue;
      expect(LAYER_DRAWINGS[id].pngLegend.length, id).toBeGreaterThan(0);
      expect(withLayerLegend({ title: 't', items: [] }, [id])!.items).toEqual(LAYER_DRAWINGS[id].pngLegend);
    }
    // The PNG cites the tables of the layers it shows.
    expect(layerTables(['actions', 'reseaux'])).toEqual(['reseaux_ep', 'actions']);
  });

  it('draws every layer, shown, with data, and draws nothing of a hidden one but the actions pointed out', () => {
    const { drawings } = drawAll(12);
    for (const id of LAYER_IDS) expect(drawings[id].basemap.length + drawings[id].upper.length, id).toBeGreaterThan(0);
    for (const id of LAYER_IDS) {
      const hidden = LAYER_DRAWINGS[id].draw(inputs(12), false);
      expect(hidden.basemap.length + hidden.upper.length, id).toBe(id === 'actions' ? 2 : 0);
    }
  });

  it('stacks the layers in the panel’s order, bottom to top, in both canvases', () => {
    const { drawings, stack } = drawAll(12);
    const increasing = (ids: LayerId[]) => ids.every((id, i) => i === 0 || index(ids[i - 1]!) <= index(id));
    expect(increasing(owners(stack.upper, drawings, 'upper'))).toBe(true);
    expect(increasing(owners(stack.basemap, drawings, 'basemap'))).toBe(true);
    // What the map drew before the registry, but for the actions' rings, now just under the
    // actions rather than under the PRE too.
    expect(stack.basemap.map((l) => l.id)).toEqual(['reseaux', 'cites-approchees', 'cites']);
    expect(stack.upper.map((l) => l.id)).toEqual([
      'qpv-polygons-dimmed',
      'qpv-polygons',
      'etablissements',
      'etablissements-dimmed',
      'etablissements-passing',
      'cites-contours-qpv',
      'lieux',
      'pre',
      'actions-highlight',
      'actions',
    ]);
  });

  it('draws the QPV markers of the national zoom over the schools, and only them out of order', () => {
    const { drawings, stack } = drawAll(MAP_LAYER.qpv.detailMinZoom - 1);
    expect(drawings.qpv.above).toBe('etablissements');
    expect(LAYER_IDS.filter((id) => drawings[id].above !== undefined)).toEqual(['qpv']);
    expect(stack.upper.map((l) => l.id).slice(0, 5)).toEqual(['etablissements', 'etablissements-dimmed', 'etablissements-passing', 'qpv-markers-dimmed', 'qpv-markers']);
  });

  it('shows the default layers on first visit and writes the layers in the URL in the registry’s order', () => {
    expect(DEFAULT_LAYERS.every((id) => LAYER_IDS.includes(id))).toBe(true);
    expect(DEFAULT_LAYERS).toEqual(LAYER_IDS.filter((id) => DEFAULT_LAYERS.includes(id)));
    expect(useAppStore.getState().visibleLayers).toEqual(DEFAULT_LAYERS);
    const hash = writeUrlState('', { ...useAppStore.getState(), visibleLayers: LAYER_IDS });
    expect(new URLSearchParams(hash.slice(1)).get('couches')).toBe(LAYER_IDS.join(','));
    expect(readUrlState(`#couches=${[...LAYER_IDS].reverse().join(',')}`).visibleLayers).toEqual(LAYER_IDS);
    // Toggling keeps the registry's order.
    const { toggleLayer } = useAppStore.getState();
    for (const id of [...LAYER_IDS].reverse()) if (!useAppStore.getState().visibleLayers.includes(id)) toggleLayer(id);
    expect(useAppStore.getState().visibleLayers).toEqual(LAYER_IDS);
  });

  it('searches the objects of the layers that say so, each kind at its place among hits', () => {
    const searched = MAP_LAYERS.filter((l) => l.search !== null);
    expect([...OBJECT_HIT_KINDS]).toEqual(searched.map((l) => l.object!.kind));
    expect(OBJECT_SEARCH_TABLES).toEqual(searched.map((l) => l.table));
    // After the QPV (0) and the territories (1 to 5), each kind its own place.
    const orders = searched.map((l) => l.search!.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(Math.min(...orders)).toBeGreaterThan(5);
    for (const l of searched) expect(OBJECT_SEARCH_SETUP).toContain(`'${l.object!.kind}' AS kind, ${l.search!.order} AS kind_order`);
  });
});
