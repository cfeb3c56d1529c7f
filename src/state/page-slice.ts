import type { StateCreator } from 'zustand';
import { SITE_PAGE_VIEWS } from '../domain/site-pages.ts';
import type { AppState } from './store.ts';

/**
 * Full-page views over the map: the map itself, the fiche of the selected QPV, the comparison,
 * the actions catalogue, and the site's pages of the footer (domain/site-pages.ts).
 */
export const PAGE_VIEWS = ['carte', 'fiche', 'comparer', 'actions', ...SITE_PAGE_VIEWS] as const;
export type PageView = (typeof PAGE_VIEWS)[number];

export interface PageSlice {
  view: PageView;
  openView(view: PageView): void;
}

export const createPageSlice: StateCreator<AppState, [], [], PageSlice> = (set) => ({
  view: 'carte',
  openView: (view) => set({ view }),
});
