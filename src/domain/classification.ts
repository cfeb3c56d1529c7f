/**
 * How the choropleth may cut an indicator into classes, and how many classes it offers: read by
 * the map (which classifies), the URL state and the indicator panel.
 */
export const CLASSIFICATIONS = {
  quantiles: 'Quantiles',
  egales: 'Intervalles égaux',
  jenks: 'Seuils naturels (Jenks)',
} as const;

export type Classification = keyof typeof CLASSIFICATIONS;
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
