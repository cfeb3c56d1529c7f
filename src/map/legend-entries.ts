import { formatValue } from '../domain/format-fr.ts';
import { secretLabel } from '../domain/secret-statistique.ts';
import { RISK_INDICATOR_ID } from '../queries/risk-indicator-queries.ts';
import type { MapLegend } from './map-capture.ts';
import { DIMMED, NO_DATA_COLOUR, rgbaCss } from './palettes.ts';
import type { Choropleth } from './use-choropleth.ts';

/** The legend line of the QPV the active filters leave out, greyed on the map. */
export const EXCLUDED_ITEM = { colour: rgbaCss(DIMMED), label: 'Hors des filtres (grisés)' };

/**
 * The legend's title: the indicator and its year, INSEE's for the published indicators; the
 * risk index mixes several producers' years, which its millésime lists.
 */
export function legendTitle(option: NonNullable<Choropleth['option']>): string {
  return `${option.libelle} — ${option.indicateur === RISK_INDICATOR_ID ? option.millesime : `${option.annee} · INSEE`}`;
}

/**
 * The choropleth's legend as text lines with their colour (for the PNG export); null before
 * the data. `excluded`: how many QPV the active filters leave out (null: no filter).
 */
export function choroplethLegend({ option, classes, colours, noData }: Pick<Choropleth, 'option' | 'classes' | 'colours' | 'noData'>, excluded: number | null = null, threshold?: number): MapLegend | null {
  if (option === null || classes.counts.length === 0) return null;
  const items = classes.counts.map((count, i) => ({
    colour: colours[i]!,
    label: `${formatValue(classes.bounds[i]!, option.unite)} – ${formatValue(classes.bounds[i + 1]!, option.unite)} · ${count} QPV`,
  }));
  const missing = noData.nd + noData.secret;
  if (missing > 0) {
    const secret = noData.secret > 0 ? ` (dont ${noData.secret} sous le secret statistique, ${secretLabel(threshold)})` : '';
    items.push({ colour: NO_DATA_COLOUR, label: `n.d.${secret} · ${missing} QPV` });
  }
  if (excluded !== null) items.push({ colour: EXCLUDED_ITEM.colour, label: `${EXCLUDED_ITEM.label} · ${excluded} QPV` });
  return { title: legendTitle(option), items };
}
