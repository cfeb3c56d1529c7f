import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { buildEtablissementLayers, DIMMED_SCHOOLS, EP_SYMBOLS, etablissementTooltip, isEtablissementPick } from '../../src/map/etablissement-layers.ts';
import type { QpvGpuFilter } from '../../src/map/qpv-layers.ts';
import type { EtablissementPoint } from '../../src/map/etablissement-points.ts';

const school = (uai: string, ep: EtablissementPoint['ep'], qpv: string): EtablissementPoint => ({
  uai,
  nom: `École ${uai}`,
  type: 'ecole',
  ep,
  secteur: 'public',
  commune_nom: 'Toulouse',
  lon: 1.41,
  lat: 43.57,
  qpv,
});

// Toulouse: one school in Grand Mirail and within 300 m of Bagatelle, one in Empalot, one near no QPV.
const POINTS = [school('0310001A', 'REP+', 'QP031007,QP031003'), school('0310002B', 'REP', 'QP031009'), school('0310003C', 'REP', '')];

/** Poverty rates and distances as the cross-filter hands them to the GPU; only Bagatelle is brushed in. */
const FILTER: QpvGpuFilter = {
  active: true,
  values: [
    new Map([
      ['QP031007', 41.2],
      ['QP031003', 55.8],
      ['QP031009', 38.4],
    ]),
    new Map([
      ['QP031007', 420],
      ['QP031003', 650],
      ['QP031009', 900],
    ]),
  ],
  valuesKey: '1',
  others: null,
  othersKey: '',
  ranges: [[50, 60], null],
};
/** The same facts before any filter is set. */
const NO_FILTER: QpvGpuFilter = { ...FILTER, active: false, ranges: [null, null] };

/** What the GPU does with the layer's DataFilterExtension props: every filter value within its range. */
function drawnAsPassing(layer: Layer): string[] {
  const props = layer.props as unknown as {
    data: EtablissementPoint[];
    filterEnabled: boolean;
    filterRange: [number, number][];
    getFilterValue: (d: EtablissementPoint, info: { index: number }) => number[];
    getFilterCategory: (d: EtablissementPoint, info: { index: number }) => number;
    filterCategories: number[];
  };
  const passes = (d: EtablissementPoint, index: number) =>
    props.getFilterValue(d, { index }).every((v, i) => v >= props.filterRange[i]![0] && v <= props.filterRange[i]![1]) && props.filterCategories.includes(props.getFilterCategory(d, { index }));
  return props.data.filter((d, index) => !props.filterEnabled || passes(d, index)).map((d) => d.uai);
}

/** The atlas icon each school of the layer is drawn with; every one of them is in the atlas. */
function iconsOf(layer: Layer): string[] {
  const props = layer.props as unknown as { data: EtablissementPoint[]; getIcon: (d: EtablissementPoint) => string; iconMapping: Record<string, unknown> };
  const icons = props.data.map((d) => props.getIcon(d));
  for (const icon of icons) expect(props.iconMapping).toHaveProperty([icon]);
  return icons;
}

describe('schools on the map under the cross-filter', () => {
  it('without a filter, or before the facts are loaded: every school drawn as usual; the layers of a filter there, hidden', () => {
    for (const filter of [NO_FILTER, null]) {
      const layers = buildEtablissementLayers(POINTS, { zoom: 11, filter });
      expect(layers.map((l) => [l.id, l.props.visible])).toEqual([
        ['etablissements', true],
        ['etablissements-dimmed', false],
        ['etablissements-passing', false],
      ]);
      expect(iconsOf(layers[0]!)).toEqual(['REP+', 'REP', 'REP']);
      expect(drawnAsPassing(layers[0]!)).toEqual(['0310001A', '0310002B', '0310003C']);
    }
  });

  it('with a filter: all dimmed beneath, on top those near a passing QPV, whichever of their QPV passes', () => {
    const [plain, dimmed, passing] = buildEtablissementLayers(POINTS, { zoom: 11, filter: FILTER });
    expect([plain, dimmed, passing].map((l) => l!.props.visible)).toEqual([false, true, true]);
    // Pale, opaque icons (two schools at one address do not add up to a full colour), smaller.
    expect(iconsOf(dimmed!)).toEqual(['REP+-pale', 'REP-pale', 'REP-pale']);
    expect(dimmed!.props.opacity).toBe(1);
    const sizeScale = (layer: Layer) => (layer.props as unknown as { sizeScale: number }).sizeScale;
    expect(sizeScale(dimmed!)).toBeCloseTo(sizeScale(passing!) * DIMMED_SCHOOLS.sizeFactor, 6);
    expect(drawnAsPassing(dimmed!)).toHaveLength(3);
    expect(iconsOf(passing!)).toEqual(['REP+', 'REP+', 'REP']);
    // Grand Mirail (41.2 %) is out of the brush, Bagatelle (55.8 %) in it: its school passes.
    expect(drawnAsPassing(passing!)).toEqual(['0310001A']);
    expect(isEtablissementPick({ layer: passing } as never)).toBe(true);
  });

  it('the first filter shows the layers built without one, with their filter values (deck.gl keeps every buffer)', () => {
    const before = buildEtablissementLayers(POINTS, { zoom: 11, filter: NO_FILTER });
    const after = buildEtablissementLayers(POINTS, { zoom: 11, filter: FILTER });
    expect(after.map((l) => l.id)).toEqual(before.map((l) => l.id));
    after.forEach((layer, i) => {
      expect(layer.props.data).toBe(before[i]!.props.data);
      expect(layer.props.updateTriggers).toEqual(before[i]!.props.updateTriggers);
    });
  });

  it('a brush move changes only the ranges: the same data and filter values, no attribute to rebuild', () => {
    const moved: QpvGpuFilter = { ...FILTER, ranges: [[35, 45], null] };
    const [, , before] = buildEtablissementLayers(POINTS, { zoom: 11, filter: FILTER });
    const [, , after] = buildEtablissementLayers(POINTS, { zoom: 11, filter: moved });
    expect(after!.props.data).toBe(before!.props.data);
    expect(after!.props.updateTriggers).toEqual(before!.props.updateTriggers);
    // Grand Mirail and Empalot are now in the brush.
    expect(drawnAsPassing(after!)).toEqual(['0310001A', '0310002B']);
  });

  it('the categorical filters count too: a school near no QPV left by them is dimmed', () => {
    const [, , passing] = buildEtablissementLayers(POINTS, { zoom: 11, filter: { ...FILTER, others: new Set(['QP031009']), othersKey: 'QP031009', ranges: [null, null] } });
    expect(drawnAsPassing(passing!)).toEqual(['0310002B']);
  });
});

describe('éducation prioritaire in four states on the map', () => {
  const four = [school('0310001A', 'REP+', ''), school('0310002B', 'REP', ''), school('0310003C', 'hors_ep', ''), school('0310004D', 'inconnu', '')];

  it('draws an unknown status with its own icon, never the hors EP one, and only from zoom 10 like hors EP', () => {
    const [plain] = buildEtablissementLayers(four, { zoom: 12, filter: null });
    expect(iconsOf(plain!)).toEqual(['REP+', 'REP', 'hors_ep', 'inconnu']);
    expect(new Set(Object.values(EP_SYMBOLS).map((s) => s.body)).size).toBe(4);
    expect(new Set(Object.values(EP_SYMBOLS).map((s) => s.label)).size).toBe(4);
    const [national] = buildEtablissementLayers(four, { zoom: 6, filter: null });
    expect(iconsOf(national!)).toEqual(['REP+', 'REP']);
  });

  it('says which in the tooltip', () => {
    expect(four.map((p) => etablissementTooltip(p).split('\n')[1])).toEqual(['École publique · REP+', 'École publique · REP', 'École publique · hors éducation prioritaire', 'École publique · éducation prioritaire inconnue']);
  });
});
