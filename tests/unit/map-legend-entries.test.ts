import { describe, expect, it } from 'vitest';
import { classify } from '../../src/map/classify.ts';
import { choroplethLegend, EXCLUDED_ITEM } from '../../src/map/legend-entries.ts';
import { DIMMED, palette, rgbaCss } from '../../src/map/palettes.ts';

// Poverty rates (%) of ten QPV, one without a published value.
const VALUES = [38.4, 41.2, 44.9, 47.5, 52.3, 55.8, 58.1, 61.7, 66.0];
const OPTION = { indicateur: 'tp60', libelle: 'Taux de pauvreté (seuil 60 %)', unite: '%', annee: 2019, millesime: 'publié en 2019, année observée non précisée' } as never;

describe('the choropleth legend of the PNG export', () => {
  const classes = classify(VALUES, 'quantiles', 3);
  const legend = (excluded: number | null) => choroplethLegend({ option: OPTION, classes, colours: palette('hausse_defavorable', 3), noData: { nd: 1, secret: 0 } }, excluded)!;

  it('titles the legend with the millésime of indicateurs_meta, not the edition year of the values', () => {
    expect(legend(null).title).toBe('Taux de pauvreté (seuil 60 %) — INSEE, publié en 2019, année observée non précisée');
  });

  it('without a filter: the classes and the n.d. line, nothing about greyed QPV', () => {
    const labels = legend(null).items.map((i) => i.label);
    expect(labels).toHaveLength(4);
    expect(labels.slice(0, 3).every((l) => l.endsWith(' · 3 QPV'))).toBe(true);
    expect(labels[3]).toBe('n.d. · 1 QPV');
  });

  it('under a filter: a last line for the QPV it leaves out, in the grey the map draws them', () => {
    const items = legend(7).items;
    expect(items.slice(0, 4)).toEqual(legend(null).items);
    expect(items.at(-1)).toEqual({ colour: rgbaCss(DIMMED), label: 'Hors des filtres (grisés) · 7 QPV' });
    expect(EXCLUDED_ITEM.colour).toBe('rgba(120, 120, 130, 0.59)');
  });
});
