import type { StateCreator } from 'zustand';
import type { LocalActionsInfo } from '../db/coordinator.ts';
import type { AppState } from './store.ts';

export type { LocalActionsInfo };

export interface LocalActionsSlice {
  localActions: LocalActionsInfo | null;
  /** Why the actions kept in the browser could not be restored, if so. */
  localActionsError: string | null;
  setLocalActions(info: LocalActionsInfo | null): void;
  setLocalActionsError(message: string | null): void;
  /** Actions the territory view points at (a clicked matrix cell): the map highlights them. */
  highlightedActions: readonly string[];
  setHighlightedActions(ids: readonly string[]): void;
}

export const createLocalActionsSlice: StateCreator<AppState, [], [], LocalActionsSlice> = (set) => ({
  localActions: null,
  localActionsError: null,
  setLocalActions: (localActions) => set({ localActions }),
  setLocalActionsError: (localActionsError) => set({ localActionsError }),
  highlightedActions: [],
  setHighlightedActions: (highlightedActions) => set({ highlightedActions }),
});
