import { create } from 'zustand';
import type { DatabaseStatus } from '../db/coordinator.ts';
import type { BBox } from '../../geo/index.ts';
import type { Classification } from '../domain/classification.ts';
import type { SelectedObject } from '../domain/selected-object.ts';
import { DEFAULT_LAYERS, inLayerOrder, LAYER_IDS, type LayerId } from '../domain/map-layers.ts';
import { type Filters, NO_FILTERS, setRange } from '../domain/cross-filter.ts';
import { type ComparisonSlice, createComparisonSlice } from './comparison-slice.ts';
import { createPageSlice, type PageSlice } from './page-slice.ts';
import { createLocalActionsSlice, type LocalActionsSlice } from './local-actions-slice.ts';
import { createNoticeSlice, type NoticeSlice } from './notice-slice.ts';
import { createRiskSlice, type RiskSlice } from './risk-slice.ts';
import { createWorkbenchSlice, type WorkbenchSlice } from './workbench-slice.ts';

/** Loading state of the in-browser database (the coordinator's `DatabaseStatus`); the map never waits for it. */
export interface DatabaseSlice {
  dbStatus: DatabaseStatus['state'];
  dbStep: string;
  tableCounts: DatabaseStatus['tableCounts'];
  failedTables: DatabaseStatus['failedTables'];
  dbError: string | null;
  /** What the database says of itself (`followDatabase`, database-status.ts). */
  setDatabaseStatus(status: DatabaseStatus): void;
}

/** What the map shows and where it should go. */
export interface MapSlice {
  /** Incremented on each request so that asking twice for the same box moves the map twice. */
  focus: { bbox: BBox; request: number } | null;
  selectedQpv: string | null;
  /** Another object whose fiche is open (one fiche at a time: selecting one clears the QPV). */
  selectedObject: SelectedObject | null;
  mapStatus: 'loading' | 'ready' | 'error';
  mapError: string | null;
  /** What the map could not draw (a file missing or refused), in French: the rest is drawn. */
  mapProblems: readonly string[];
  qpvDrawn: number;
  focusOn(bbox: BBox): void;
  selectQpv(code: string | null): void;
  selectObject(object: SelectedObject | null): void;
  setMapReady(qpvDrawn: number): void;
  setMapError(message: string): void;
  addMapProblem(message: string): void;
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

/** Map layers the user can show or hide, declared in `src/domain/map-layers.ts`. */
export { LAYER_IDS, type LayerId };

export interface LayersSlice {
  /** In the registry's order. */
  visibleLayers: readonly LayerId[];
  toggleLayer(layer: LayerId): void;
}

/** The cross-filter over QPV (src/domain/cross-filter.ts). */
export interface FiltersSlice {
  filters: Filters;
  setFilters(filters: Filters): void;
}

/** Side panel opened from the header (the fiche opens by selection): Données, the territory view. */
export const PANELS = ['donnees', 'territoire'] as const;
export interface PanelSlice {
  panel: (typeof PANELS)[number] | null;
  setPanel(panel: (typeof PANELS)[number] | null): void;
  /** Tab of the left panel. */
  tab: (typeof TABS)[number];
  setTab(tab: (typeof TABS)[number]): void;
}
export const TABS = ['indicateur', 'filtres', 'couches'] as const;

export type AppState = DatabaseSlice & MapSlice & ChoroplethSlice & LayersSlice & FiltersSlice & PanelSlice & ComparisonSlice & PageSlice & LocalActionsSlice & RiskSlice & NoticeSlice & WorkbenchSlice;

/** Poverty rate: the first figure a délégué du préfet asks for. */
export const DEFAULT_INDICATOR = 'tp60';

export const useAppStore = create<AppState>()((set, get, api) => ({
  ...createComparisonSlice(set, get, api),
  ...createPageSlice(set, get, api),
  ...createLocalActionsSlice(set, get, api),
  ...createRiskSlice(set, get, api),
  ...createNoticeSlice(set, get, api),
  ...createWorkbenchSlice(set, get, api),
  dbStatus: 'idle',
  dbStep: '',
  tableCounts: [],
  failedTables: [],
  dbError: null,
  setDatabaseStatus: (s) => set({ dbStatus: s.state, dbStep: s.step, tableCounts: s.tableCounts, failedTables: s.failedTables, dbError: s.error }),

  focus: null,
  selectedQpv: null,
  selectedObject: null,
  mapStatus: 'loading',
  mapError: null,
  mapProblems: [],
  qpvDrawn: 0,
  focusOn: (bbox) => set((s) => ({ focus: { bbox, request: (s.focus?.request ?? 0) + 1 } })),
  selectQpv: (selectedQpv) => set((s) => ({ selectedQpv, selectedObject: selectedQpv === null ? s.selectedObject : null, panel: selectedQpv === null ? s.panel : null })),
  selectObject: (selectedObject) => set((s) => ({ selectedObject, selectedQpv: selectedObject === null ? s.selectedQpv : null, panel: selectedObject === null ? s.panel : null })),
  setMapReady: (qpvDrawn) => set({ mapStatus: 'ready', qpvDrawn }),
  setMapError: (mapError) => set({ mapStatus: 'error', mapError }),
  addMapProblem: (message) => set((s) => ({ mapProblems: [...s.mapProblems, message] })),

  indicator: DEFAULT_INDICATOR,
  classification: 'quantiles',
  classCount: 5,
  // A brushed range is in the previous indicator's unit: it does not carry over.
  setIndicator: (indicator) => set((s) => ({ indicator, filters: setRange(s.filters, 'valeur', null) })),
  setClassification: (classification) => set({ classification }),
  setClassCount: (classCount) => set({ classCount }),

  visibleLayers: DEFAULT_LAYERS,
  toggleLayer: (layer) =>
    set((s) => ({ visibleLayers: s.visibleLayers.includes(layer) ? s.visibleLayers.filter((l) => l !== layer) : inLayerOrder([...s.visibleLayers, layer]) })),

  filters: NO_FILTERS,
  setFilters: (filters) => set({ filters }),

  panel: null,
  setPanel: (panel) => set({ panel }),
  tab: 'indicateur',
  setTab: (tab) => set({ tab }),
}));
