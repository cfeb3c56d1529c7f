import { z } from 'zod';
import { CLASSIFICATIONS, type Classification, MAX_CLASSES, MIN_CLASSES } from '../map/classify.ts';
import { type Filters, readFilterParams, writeFilterParams } from '../domain/cross-filter.ts';
import { COMPARISON_MAX } from '../view-models/comparison-model.ts';
import { PAGE_VIEWS } from './page-slice.ts';
import { DEFAULT_ZONE_BLANCHE_KM, formatRiskWeightsParam, RiskWeightsParam, ZoneBlancheParam } from './risk-slice.ts';
import { type AppState, LAYER_IDS, OBJECT_KINDS, PANELS, TABS, useAppStore } from './store.ts';

const QPV_CODE = /^Q[PN][0-9A-Z]{6,7}$/;

/**
 * What of the app state lives in the URL hash, next to MapLibre's own `carte=zoom/lat/lon`:
 * `indicateur=tp60&classes=quantiles-5&qpv=QP066007&couches=qpv,etablissements`, the
 * open fiche (`objet=etablissement:0310001A`) or panel (`panneau=donnees`), the full-page
 * view and the compared QPV (`vue=comparer&comparer=QP066007,QP034004`) and the filters
 * (`f_valeur=20~35&f_ep=REP%2B&territoire=departement:31`…, see domain/cross-filter.ts).
 * Reloading or sharing the URL gives the same view; each change is a history entry (a brush
 * gesture is one), so back and forward work.
 */
const UrlStateSchema = z.object({
  indicateur: z.string().regex(/^[a-z0-9_]{1,40}$/).optional(),
  classes: z
    .string()
    .regex(/^[a-z]+-\d$/)
    .transform((v) => {
      const [method, count] = v.split('-') as [string, string];
      return { method, count: Number(count) };
    })
    .pipe(z.object({ method: z.enum(Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]]), count: z.number().int().min(MIN_CLASSES).max(MAX_CLASSES) }))
    .optional(),
  qpv: z.string().regex(QPV_CODE).optional(),
  couches: z
    .string()
    .transform((v) => (v === '' ? [] : v.split(',')))
    .pipe(z.array(z.enum(LAYER_IDS)))
    .optional(),
  objet: z
    .string()
    .transform((v) => {
      const at = v.indexOf(':');
      return { kind: v.slice(0, at), id: v.slice(at + 1) };
    })
    .pipe(z.object({ kind: z.enum(OBJECT_KINDS), id: z.string().min(1).max(200) }))
    .optional(),
  panneau: z.enum(PANELS).optional(),
  onglet: z.enum(TABS).optional(),
  vue: z.enum(PAGE_VIEWS).optional(),
  comparer: z
    .string()
    .transform((v) => [...new Set(v.split(','))])
    .pipe(z.array(z.string().regex(QPV_CODE)).min(1).max(COMPARISON_MAX))
    .optional(),
  // Risk index weights that differ from the defaults (`poids=taux_pauvrete:2,ips_colleges:0`), zone blanche radius in km.
  poids: RiskWeightsParam.optional(),
  zone_blanche: ZoneBlancheParam.optional(),
});

const KEYS = ['indicator', 'classification', 'classCount', 'selectedQpv', 'selectedObject', 'visibleLayers', 'filters', 'panel', 'tab', 'view', 'comparison', 'riskWeights', 'zoneBlancheKm'] as const;

type UrlState = Pick<AppState, (typeof KEYS)[number]>;

/** The URL's part of the state; a malformed parameter is ignored (the default stays). */
export function readUrlState(hash: string): Partial<UrlState> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: Partial<UrlState> = { filters: readFilterParams(params) };
  for (const key of ['indicateur', 'classes', 'qpv', 'couches', 'objet', 'panneau', 'onglet', 'vue', 'comparer', 'poids', 'zone_blanche'] as const) {
    const parsed = UrlStateSchema.shape[key].safeParse(params.get(key) ?? undefined);
    if (!parsed.success || parsed.data === undefined) continue;
    if (key === 'indicateur') state.indicator = parsed.data as string;
    if (key === 'qpv') state.selectedQpv = parsed.data as string;
    if (key === 'objet') state.selectedObject = parsed.data as UrlState['selectedObject'];
    if (key === 'panneau') state.panel = parsed.data as UrlState['panel'];
    if (key === 'onglet') state.tab = parsed.data as UrlState['tab'];
    if (key === 'vue') state.view = parsed.data as UrlState['view'];
    if (key === 'comparer') state.comparison = parsed.data as string[];
    if (key === 'poids') state.riskWeights = parsed.data as UrlState['riskWeights'];
    if (key === 'zone_blanche') state.zoneBlancheKm = parsed.data as number;
    if (key === 'couches') state.visibleLayers = LAYER_IDS.filter((l) => (parsed.data as string[]).includes(l));
    if (key === 'classes') {
      const { method, count } = parsed.data as { method: Classification; count: number };
      state.classification = method;
      state.classCount = count;
    }
  }
  return state;
}

/** `hash` with the state's parameters set, every other parameter (MapLibre's) kept. */
export function writeUrlState(hash: string, state: UrlState): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set('indicateur', state.indicator);
  params.set('classes', `${state.classification}-${state.classCount}`);
  if (state.selectedQpv === null) params.delete('qpv');
  else params.set('qpv', state.selectedQpv);
  params.set('couches', state.visibleLayers.join(','));
  if (state.selectedObject === null) params.delete('objet');
  else params.set('objet', `${state.selectedObject.kind}:${state.selectedObject.id}`);
  if (state.panel === null) params.delete('panneau');
  else params.set('panneau', state.panel);
  if (state.tab === 'indicateur') params.delete('onglet');
  else params.set('onglet', state.tab);
  if (state.view === 'carte') params.delete('vue');
  else params.set('vue', state.view);
  if (state.comparison.length === 0) params.delete('comparer');
  else params.set('comparer', state.comparison.join(','));
  const poids = formatRiskWeightsParam(state.riskWeights);
  if (poids === null) params.delete('poids');
  else params.set('poids', poids);
  if (state.zoneBlancheKm === DEFAULT_ZONE_BLANCHE_KM) params.delete('zone_blanche');
  else params.set('zone_blanche', String(state.zoneBlancheKm));
  writeFilterParams(params, state.filters);
  // MapLibre writes `carte=5/46.5/2.3` with its slashes unescaped: keep those, and the other
  // separators that are legal in a fragment, readable.
  return `#${params.toString().replace(/%2F|%7E|%2C|%3A/g, decodeURIComponent)}`;
}

/**
 * The object whose fiche `hash` opens (`objet=`, as `kind:id`) when it says nothing of the
 * view (`carte=`): a link made by hand or elsewhere. Null otherwise.
 */
export function ficheWithoutView(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('carte') ? null : params.get('objet');
}

const sameButRanges = (a: Filters, b: Filters) => (Object.keys(a) as (keyof Filters)[]).every((k) => k === 'valeur' || k === 'distance' || a[k] === b[k]);

/** While a brush or a held key moves a range, the URL is written at most this often. */
const GESTURE_WRITE_MS = 250;

/** Loads the URL's state into the store, then keeps both in step. Call once, before rendering. */
export function syncStoreWithUrl(): void {
  const initial = useAppStore.getState();
  const defaults = Object.fromEntries(KEYS.map((k) => [k, initial[k]])) as unknown as UrlState;
  // A parameter missing from the URL means its default (after « back » to a plainer URL too).
  const apply = () => useAppStore.setState({ ...defaults, ...readUrlState(window.location.hash) });
  apply();
  history.replaceState(history.state, '', writeUrlState(window.location.hash, useAppStore.getState()));
  window.addEventListener('popstate', apply);
  // A brush gesture is one history entry, not one per mouse move: while only the brushed
  // ranges change, the entry is replaced, so « back » undoes the whole brush. Each write costs
  // the browser a few milliseconds (a new entry, 10 to 20 ms on the bench machine), so none is
  // made within the frame of the input: a new entry right after it, the replacements spaced
  // out, and the last one when the pointer or the key is released.
  let brushing = false;
  let pending: { timer: ReturnType<typeof setTimeout>; push: boolean } | null = null;
  const write = () => {
    if (pending === null) return;
    clearTimeout(pending.timer);
    const { push } = pending;
    pending = null;
    const hash = writeUrlState(window.location.hash, useAppStore.getState());
    if (hash === window.location.hash) return;
    if (push) history.pushState(history.state, '', hash);
    else history.replaceState(history.state, '', hash);
  };
  const schedule = (push: boolean, ms: number) => {
    pending = { timer: setTimeout(write, ms), push };
  };
  window.addEventListener('pointerup', write, true);
  window.addEventListener('keyup', write, true);
  useAppStore.subscribe((state, previous) => {
    if (KEYS.every((k) => state[k] === previous[k])) return;
    const rangesOnly = KEYS.every((k) => k === 'filters' || state[k] === previous[k]) && sameButRanges(state.filters, previous.filters);
    // A pending write, new entry or replacement, will write this state too.
    if (rangesOnly && brushing) {
      if (pending === null) schedule(false, GESTURE_WRITE_MS);
    } else {
      write();
      schedule(true, 0);
    }
    brushing = rangesOnly;
  });
}
