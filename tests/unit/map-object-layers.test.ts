import type { Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { describe, expect, it } from 'vitest';
import { EP_SYMBOLS } from '../../src/map/etablissement-layers.ts';
import { CITE_LEGEND_ITEMS } from '../../src/map/legend-entries.ts';
import { withLayerLegend } from '../../src/map/layer-drawings.ts';
import { drawCites, objectTooltip } from '../../src/map/object-layers.ts';
import type { MapFootprint } from '../../src/queries/map-objects-queries.ts';

const square = (x: number, y: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
const cite = (nom: string, perimetre: string): MapFootprint => ({ kind: 'cite', id: nom, nom, categorie: perimetre, detail: `Montpellier · périmètre : ${perimetre}`, geometry: square(3.8, 43.6) });

const CITES = [cite('Cité éducative de La Mosson', 'qpv'), cite('Cité éducative de Grigny', 'commune'), cite('Cité éducative Marseille Nord', 'commune_approchee')];

const names = (layer: Layer) => (layer.props.data as { properties: MapFootprint }[]).map((f) => f.properties.nom);

describe('the Cités layer: a perimeter the source gives drawn solid, an approached one dashed', () => {
  it('puts approached perimeters in a dashed layer under the sourced ones', () => {
    const { basemap: footprints } = drawCites(CITES);
    expect(footprints.map((l) => l.id)).toEqual(['cites-approchees', 'cites']);
    const [approached, sourced] = footprints as [Layer, Layer];
    expect(names(approached)).toEqual(['Cité éducative Marseille Nord']);
    expect(names(sourced)).toEqual(['Cité éducative de La Mosson', 'Cité éducative de Grigny']);
    expect(approached.props.extensions.some((e) => e instanceof PathStyleExtension)).toBe(true);
    expect((approached.props as { getDashArray?: unknown }).getDashArray).toEqual([5, 4]);
    expect(sourced.props.extensions).toEqual([]);
  });

  it('draws the outline of a QPV-made perimeter again above the QPV (which cover the footprints), unpickable', () => {
    const { upper: points } = drawCites(CITES);
    expect(points.map((l) => [l.id, l.props.pickable])).toEqual([['cites-contours-qpv', false]]);
    expect(names(points[0]!)).toEqual(['Cité éducative de La Mosson']);
  });

  it('draws no layer for a kind with no Cité, and none without Cités', () => {
    expect(drawCites(CITES.slice(0, 1)).basemap.map((l) => l.id)).toEqual(['cites']);
    expect(drawCites([])).toEqual({ basemap: [], upper: [] });
  });

  it('says the perimeter in the tooltip', () => {
    expect(objectTooltip(CITES[2]!)).toBe('Cité éducative Marseille Nord\nCité éducative\nMontpellier · périmètre : commune_approchee');
  });
});

describe('the Cités in the PNG legend', () => {
  const LEGEND = { title: 'Taux de pauvreté', items: [{ colour: '#fff', label: 'n.d. · 1 QPV' }] };

  it('adds a solid and a dashed line when the Cités are drawn, nothing otherwise', () => {
    expect(withLayerLegend(LEGEND, ['qpv', 'cites'])!.items).toEqual([...LEGEND.items, ...CITE_LEGEND_ITEMS]);
    expect(CITE_LEGEND_ITEMS.map((i) => [i.outline?.dashed, i.label])).toEqual([
      [false, 'Cité éducative, périmètre donné par la source : QPV nommés par la source ou commune entière (selon la source)'],
      [true, 'Cité éducative en tirets : périmètre approché (commune entière)'],
    ]);
    expect(withLayerLegend(LEGEND, ['qpv'])).toBe(LEGEND);
    // Schools and networks say what their symbols are: the four statuses by shape, the footprints as estimated.
    const all = withLayerLegend(LEGEND, ['qpv', 'etablissements', 'reseaux'])!.items.slice(LEGEND.items.length);
    expect(all.map((i) => i.label)).toEqual([
      'Établissement, éducation prioritaire : REP+ (losange)',
      'Établissement, éducation prioritaire : REP (triangle)',
      'Établissement, éducation prioritaire : hors EP (rond)',
      'Établissement, éducation prioritaire : inconnu (carré vide)',
      'Réseau REP / REP+, emprise estimée : collège et écoles + 300 m, ou disque de 300 m autour du collège seul',
    ]);
    expect(all[3]!.outline).toEqual({ colour: EP_SYMBOLS.inconnu.colour, dashed: false });
    expect(withLayerLegend(null, ['cites'])).toBeNull();
  });
});
