import type { Theme } from './indicator-catalogue.ts';

/** Theme of the décrochage risk index, computed by the observatory: listed before the catalogue's. */
export const RISK_THEME = 'risque';

/** French headings of the indicator themes, in the order views list them. */
export const THEME_LABELS: Readonly<Record<Theme | typeof RISK_THEME, string>> = {
  [RISK_THEME]: 'Risque de décrochage',
  population: 'Population',
  revenus: 'Revenus et pauvreté',
  prestations_sociales: 'Prestations sociales',
  emploi: 'Emploi et insertion',
  education: 'Éducation',
  activite_economique: 'Activité économique',
};

/** The heading of a theme id (the id itself for a theme the catalogue does not know). */
export function themeLabel(theme: string): string {
  return Object.hasOwn(THEME_LABELS, theme) ? THEME_LABELS[theme as keyof typeof THEME_LABELS] : theme;
}
