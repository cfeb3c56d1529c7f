import { perimetreLabel } from '../domain/cite-perimetre.ts';
import { EP_LABELS, EP_STATUTS, type EpStatut } from '../domain/education-prioritaire.ts';
import { formatValue } from '../domain/format-fr.ts';
import { EMPRISE_ESTIMEE, RESEAU_BUFFER_METERS } from '../domain/reseau-emprise.ts';
import { secretLabel } from '../domain/secret-statistique.ts';
import { RISK_INDICATOR_ID } from '../queries/risk-indicator-queries.ts';
import { LIEU_CATEGORIES } from '../domain/lieu-categories.ts';
import { EP_SYMBOLS } from './etablissement-layers.ts';
import { LIEU_COLOURS, OBJECT_SYMBOLS } from './object-layers.ts';
import type { MapLegend } from './map-capture.ts';
import { DIMMED, NO_DATA_COLOUR, rgbaCss } from './palettes.ts';
import type { Choropleth } from './use-choropleth.ts';

/** The legend line of the QPV the active filters leave out, greyed on the map. */
export const EXCLUDED_ITEM = { colour: rgbaCss(DIMMED), label: 'Hors des filtres (grisés)' };

/**
 * The legend's title: the indicator and its millésime, INSEE's for the published indicators
 * (the year the values describe, or that it is not known); the risk index mixes several
 * producers' years, which its millésime lists.
 */
export function legendTitle(option: NonNullable<Choropleth['option']>): string {
  return `${option.libelle} — ${option.indicateur === RISK_INDICATOR_ID ? option.millesime : `INSEE, ${option.millesime}`}`;
}

/** One line of the choropleth's legend: a class (with its bounds), the *n.d.* QPV or those the filters leave out. */
export interface LegendEntry {
  kind: 'class' | 'nd' | 'excluded';
  colour: string;
  /** What the line stands for, without its count. */
  text: string;
  /** QPV drawn in that colour. */
  count: number;
  bounds?: [number, number];
}

/**
 * The choropleth's legend lines, on screen and in the PNG export; null before the data.
 * `excluded`: how many QPV the active filters leave out (null: no filter).
 */
export function legendEntries({ option, classes, colours, noData }: Pick<Choropleth, 'option' | 'classes' | 'colours' | 'noData'>, excluded: number | null = null, threshold?: number): LegendEntry[] | null {
  if (option === null || classes.counts.length === 0) return null;
  const entries: LegendEntry[] = classes.counts.map((count, i) => {
    const bounds: [number, number] = [classes.bounds[i]!, classes.bounds[i + 1]!];
    return { kind: 'class', colour: colours[i]!, text: `${formatValue(bounds[0], option.unite)} – ${formatValue(bounds[1], option.unite)}`, count, bounds };
  });
  const missing = noData.nd + noData.secret;
  if (missing > 0) {
    const secret = noData.secret > 0 ? ` (dont ${noData.secret} sous le secret statistique, ${secretLabel(threshold)})` : '';
    entries.push({ kind: 'nd', colour: NO_DATA_COLOUR, text: `n.d.${secret}`, count: missing });
  }
  if (excluded !== null) entries.push({ kind: 'excluded', colour: EXCLUDED_ITEM.colour, text: EXCLUDED_ITEM.label, count: excluded });
  return entries;
}

/** The choropleth's legend as text lines with their colour (for the PNG export); null before the data. */
export function choroplethLegend(choropleth: Pick<Choropleth, 'option' | 'classes' | 'colours' | 'noData'>, excluded: number | null = null, threshold?: number): MapLegend | null {
  const entries = legendEntries(choropleth, excluded, threshold);
  if (entries === null || choropleth.option === null) return null;
  return { title: legendTitle(choropleth.option), items: entries.map((e) => ({ colour: e.colour, label: `${e.text} · ${e.count} QPV` })) };
}

/**
 * The Cités' lines of the PNG legend, when their layer is drawn: a perimeter the source gives
 * (solid) and one approached by the commune (dashed), as on the map and in the layer panel.
 */
export const CITE_LEGEND_ITEMS: MapLegend['items'] = [
  { colour: 'rgba(230, 159, 0, 0.16)', label: `Cité éducative, périmètre donné par la source : ${perimetreLabel('qpv')} ou ${perimetreLabel('commune')}`, outline: { colour: '#B36B00', dashed: false } },
  { colour: 'rgba(230, 159, 0, 0.05)', label: `Cité éducative en tirets : ${perimetreLabel('commune_approchee')}`, outline: { colour: '#B36B00', dashed: true } },
];

/** The establishments' lines: each status with its symbol's colour and shape, said in words (the PNG draws swatches). */
const SHAPE_WORDS: Readonly<Record<EpStatut, string>> = { 'REP+': 'losange', REP: 'triangle', hors_ep: 'rond', inconnu: 'carré vide' };
export const ETABLISSEMENT_LEGEND_ITEMS: MapLegend['items'] = EP_STATUTS.map((statut) => {
  const { colour } = EP_SYMBOLS[statut];
  const item = { colour, label: `Établissement, éducation prioritaire : ${EP_LABELS[statut]} (${SHAPE_WORDS[statut]})` };
  // An unknown status is a hollow square on the map: an outline here too, never a flat grey dot.
  return statut === 'inconnu' ? { ...item, colour: 'rgba(255, 255, 255, 0)', outline: { colour, dashed: false } } : item;
});

/** The networks' line: their footprints are modelled, and the picture says so. */
export const RESEAU_LEGEND_ITEM: MapLegend['items'][number] = {
  colour: 'rgba(106, 106, 244, 0.33)',
  label: `Réseau REP / REP+, ${EMPRISE_ESTIMEE} : collège et écoles + ${RESEAU_BUFFER_METERS} m, ou disque de ${RESEAU_BUFFER_METERS} m autour du collège seul`,
  outline: { colour: '#000091', dashed: false },
};

/** The partner places' lines: one per category, the colour of its dots. */
export const LIEU_LEGEND_ITEMS: MapLegend['items'] = LIEU_CATEGORIES.map((c) => ({ colour: LIEU_COLOURS.get(c.id)!, label: `Lieu partenaire : ${c.label}` }));

/** The PRE's and the actions' lines: their symbol's colour, its shape and where it stands, in words. */
export const PRE_LEGEND_ITEM: MapLegend['items'][number] = { colour: OBJECT_SYMBOLS.pre.colour, label: 'Programme de réussite éducative (carré, au centre de sa commune)' };
export const ACTION_LEGEND_ITEM: MapLegend['items'][number] = { colour: OBJECT_SYMBOLS.action.colour, label: 'Action éducative (étoile, au centre de sa première commune ; agrandie si plusieurs)' };
