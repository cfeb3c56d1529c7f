import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** Full-page views over the map: the map itself, the fiche of the selected QPV, the comparison, the actions catalogue. */
export const PAGE_VIEWS = ['carte', 'fiche', 'comparer', 'actions'] as const;
export type PageView = (typeof PAGE_VIEWS)[number];

export interface PageSlice {
  view: PageView;
  openView(view: PageView): void;
}

export const createPageSlice: StateCreator<AppState, [], [], PageSlice> = (set) => ({
  view: 'carte',
  openView: (view) => set({ view }),
});
