import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** A message to the user about what the app did instead of what was asked (a link it could not follow). */
export interface Notice {
  id: number;
  text: string;
}

export interface NoticeSlice {
  notices: readonly Notice[];
  /** Adds a notice, unless the same text is already shown. */
  addNotice(text: string): void;
  dismissNotice(id: number): void;
}

let nextId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  addNotice: (text) => set((s) => (s.notices.some((n) => n.text === text) ? s : { notices: [...s.notices, { id: nextId++, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
