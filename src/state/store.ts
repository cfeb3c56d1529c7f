import { create } from 'zustand';
import type { BBox } from '../../geo/index.ts';
import type { Classification } from '../map/classify.ts';

/** Loading state of the in-browser database; the map never waits for it. */
export interface DatabaseSlice {
  dbStatus: 'idle' | 'loading' | 'ready' | 'error';
  dbStep: string;
  tableCounts: { table: string; rows: number }[];
  dbError: string | null;
  setDbProgress(step: string): void;
  setDbReady(tableCounts: { table: string; rows: number }[]): void;
  setDbError(message: string): void;
}

/** What the map shows and where it should go. */
export interface MapSlice {
  /** Incremented on each request so that asking twice for the same box moves the map twice. */
  focus: { bbox: BBox; request: number } | null;
  selectedQpv: string | null;
  mapStatus: 'loading' | 'ready' | 'error';
  mapError: string | null;
  qpvDrawn: number;
  focusOn(bbox: BBox): void;
  selectQpv(code: string | null): void;
  setMapReady(qpvDrawn: number): void;
  setMapError(message: string): void;
}

/** The indicator the QPV are coloured by, and how it is classed. */
export interface ChoroplethSlice {
  indicator: string;
  classification: Classification;
  classCount: number;
  setIndicator(indicator: string): void;
  setClassification(classification: Classification): void;
  setClassCount(classCount: number): void;
}

/** Map layers the user can show or hide. */
export const LAYER_IDS = ['qpv', 'etablissements'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface LayersSlice {
  visibleLayers: readonly LayerId[];
  toggleLayer(layer: LayerId): void;
}

export type AppState = DatabaseSlice & MapSlice & ChoroplethSlice & LayersSlice;

export const useAppStore = create<AppState>()((set) => ({
  dbStatus: 'idle',
  dbStep: '',
  tableCounts: [],
  dbError: null,
  setDbProgress: (dbStep) => set({ dbStatus: 'loading', dbStep }),
  setDbReady: (tableCounts) => set({ dbStatus: 'ready', dbStep: '', tableCounts }),
  setDbError: (dbError) => set({ dbStatus: 'error', dbError }),

  focus: null,
  selectedQpv: null,
  mapStatus: 'loading',
  mapError: null,
  qpvDrawn: 0,
  focusOn: (bbox) => set((s) => ({ focus: { bbox, request: (s.focus?.request ?? 0) + 1 } })),
  selectQpv: (selectedQpv) => set({ selectedQpv }),
  setMapReady: (qpvDrawn) => set({ mapStatus: 'ready', qpvDrawn }),
  setMapError: (mapError) => set({ mapStatus: 'error', mapError }),

  // Poverty rate: the first figure a délégué du préfet asks for.
  indicator: 'tp60',
  classification: 'quantiles',
  classCount: 5,
  setIndicator: (indicator) => set({ indicator }),
  setClassification: (classification) => set({ classification }),
  setClassCount: (classCount) => set({ classCount }),

  visibleLayers: LAYER_IDS,
  toggleLayer: (layer) =>
    set((s) => ({ visibleLayers: s.visibleLayers.includes(layer) ? s.visibleLayers.filter((l) => l !== layer) : LAYER_IDS.filter((l) => l === layer || s.visibleLayers.includes(l)) })),
}));
