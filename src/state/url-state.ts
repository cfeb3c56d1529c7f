import { z } from 'zod';
import { CLASSIFICATIONS, type Classification, MAX_CLASSES, MIN_CLASSES } from '../domain/classification.ts';
import { readFilterParams, sameButRanges, writeFilterParams } from '../domain/cross-filter.ts';
import { DIMENSIONS } from '../queries/cross-filter-dimensions.ts';
import { MapViewParam, readParam, type RejectedParam, UrlText } from '../domain/url-grammar.ts';
import { COMPARISON_MAX } from '../domain/comparison-limits.ts';
import { PAGE_VIEWS } from './page-slice.ts';
import { DEFAULT_ZONE_BLANCHE_KM, formatRiskWeightsParam, RiskWeightsParam, splitRetiredRiskWeights, ZoneBlancheParam } from './risk-slice.ts';
import { rejectedParamNotice } from './url-notices.ts';
import { readSqlParam } from './workbench-slice.ts';
import { OBJECT_KINDS } from '../domain/selected-object.ts';
import { type AppState, LAYER_IDS, PANELS, TABS, useAppStore } from './store.ts';

const QPV_CODE = /^Q[PN][0-9A-Z]{6,7}$/;

/**
 * What of the app state lives in the URL hash, next to MapLibre's own `carte=zoom/lat/lon`:
 * `indicateur=tp60&classes=quantiles-5&qpv=QP066007&couches=qpv,etablissements`, the
 * open fiche (`objet=etablissement:0310001A`) or panel (`panneau=donnees`), the full-page
 * view and the compared QPV (`vue=comparer&comparer=QP066007,QP034004`) and the filters
 * (`f_valeur=20~35&f_ep=REP%2B&territoire=departement:31`…, see domain/cross-filter.ts) and the
 * query of the SQL console (`sql=`, see workbench-slice.ts).
 * Reloading or sharing the URL gives the same view; each change is a history entry (a brush
 * gesture is one), so back and forward work.
 */
const UrlParams = {
  indicateur: z.string().regex(/^[a-z0-9_]{1,40}$/),
  classes: z
    .string()
    .regex(/^[a-z]+-\d$/)
    .transform((v) => {
      const [method, count] = v.split('-') as [string, string];
      return { method, count: Number(count) };
    })
    .pipe(z.object({ method: z.enum(Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]]), count: z.number().int().min(MIN_CLASSES).max(MAX_CLASSES) })),
  qpv: z.string().regex(QPV_CODE),
  couches: z
    .string()
    .transform((v) => (v === '' ? [] : v.split(',')))
    .pipe(z.array(z.enum(LAYER_IDS))),
  objet: z
    .string()
    .transform((v) => {
      const at = v.indexOf(':');
      return { kind: v.slice(0, at), id: v.slice(at + 1) };
    })
    .pipe(z.object({ kind: z.enum(OBJECT_KINDS), id: UrlText.pipe(z.string().min(1).max(200)) })),
  panneau: z.enum(PANELS),
  onglet: z.enum(TABS),
  vue: z.enum(PAGE_VIEWS),
  comparer: z
    .string()
    .transform((v) => [...new Set(v.split(','))])
    .pipe(z.array(z.string().regex(QPV_CODE)).min(1).max(COMPARISON_MAX)),
  // Risk index weights that differ from the defaults (`poids=taux_pauvrete:2,ips_colleges:0`), zone blanche radius in km.
  poids: RiskWeightsParam,
  zone_blanche: ZoneBlancheParam,
} as const;

const KEYS = ['indicator', 'classification', 'classCount', 'selectedQpv', 'selectedObject', 'visibleLayers', 'filters', 'panel', 'tab', 'view', 'comparison', 'riskWeights', 'zoneBlancheKm', 'workbenchSql'] as const;

type UrlState = Pick<AppState, (typeof KEYS)[number]>;

/** What a link asked for: the state it sets, and the parameters it could not use. */
export interface ParsedUrlState {
  state: Partial<UrlState>;
  rejected: RejectedParam[];
}

/**
 * The URL's part of the state. A malformed parameter, or one with a control character, is
 * ignored (the default stays) and listed in `rejected`; so is a malformed `carte`, which
 * MapLibre would otherwise read with `Number()`.
 */
export function parseUrlState(hash: string): ParsedUrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const rejected: RejectedParam[] = [];
  const state: Partial<UrlState> = { filters: readFilterParams(params, DIMENSIONS, rejected) };
  const read = <S extends z.ZodType<unknown, string>>(schema: S, key: keyof typeof UrlParams | 'carte') => readParam(schema, key, params.get(key), rejected);
  const set = <K extends keyof UrlState>(key: K, value: UrlState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set('indicator', read(UrlParams.indicateur, 'indicateur'));
  const classes = read(UrlParams.classes, 'classes');
  set('classification', classes?.method);
  set('classCount', classes?.count);
  set('selectedQpv', read(UrlParams.qpv, 'qpv'));
  const couches = read(UrlParams.couches, 'couches');
  set('visibleLayers', couches && LAYER_IDS.filter((l) => couches.includes(l)));
  set('selectedObject', read(UrlParams.objet, 'objet'));
  set('panel', read(UrlParams.panneau, 'panneau'));
  set('tab', read(UrlParams.onglet, 'onglet'));
  set('view', read(UrlParams.vue, 'vue'));
  set('comparison', read(UrlParams.comparer, 'comparer'));
  const poids = params.get('poids');
  const { kept, retired } = splitRetiredRiskWeights(poids ?? '');
  for (const component of retired) rejected.push({ param: 'poids', value: component, reason: 'retired' });
  set('riskWeights', retired.length > 0 && kept === '' ? undefined : readParam(UrlParams.poids, 'poids', retired.length > 0 ? kept : poids, rejected));
  set('zoneBlancheKm', read(UrlParams.zone_blanche, 'zone_blanche'));
  set('workbenchSql', readSqlParam(params.get('sql'), rejected));
  read(MapViewParam, 'carte');
  return { state, rejected };
}

/** The URL's part of the state; a malformed parameter is ignored (the default stays). */
export function readUrlState(hash: string): Partial<UrlState> {
  return parseUrlState(hash).state;
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
  if (state.workbenchSql === null) params.delete('sql');
  else params.set('sql', state.workbenchSql);
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

/**
 * While a brush or a held key moves a range, the URL waits for the release (pointer or key up)
 * or for the gesture to rest this long: each write costs the page 10 to 20 ms, which would
 * land between a brush move and its frame.
 */
const GESTURE_REST_MS = 1000;

let correcting = false;

/**
 * Replaces what the URL asked for with `patch` (e.g. the default indicator for an unknown one),
 * rewriting the current history entry rather than adding one: « back » does not lead to it.
 */
export function correctUrlState(patch: Partial<UrlState>): void {
  correcting = true;
  try {
    useAppStore.setState(patch);
  } finally {
    correcting = false;
  }
}

/** Loads the URL's state into the store, then keeps both in step. Call once, before rendering. */
export function syncStoreWithUrl(): void {
  const initial = useAppStore.getState();
  const defaults = Object.fromEntries(KEYS.map((k) => [k, initial[k]])) as UrlState;
  // A parameter missing from the URL means its default (after « back » to a plainer URL too);
  // one the app cannot read is said so, and leaves the URL (a bad `carte` before MapLibre reads it).
  const apply = () => {
    const { state, rejected } = parseUrlState(window.location.hash);
    useAppStore.setState({ ...defaults, ...state });
    for (const r of rejected) useAppStore.getState().addNotice(rejectedParamNotice(r));
    return rejected;
  };
  const rejected = apply();
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  for (const r of rejected) hash.delete(r.param);
  history.replaceState(history.state, '', writeUrlState(`#${hash}`, useAppStore.getState()));
  window.addEventListener('popstate', apply);
  // A brush gesture is one history entry, not one per mouse move: while only the brushed
  // ranges change, the entry is replaced, so « back » undoes the whole brush. Each write costs
  // the browser a few milliseconds (a new entry, 10 to 20 ms on the bench machine), so none is
  // made within the frame of the input: a new entry right after the gesture's first change,
  // then one replacement when the pointer or the key is released, or once the gesture rests.
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
    if (correcting) {
      // What replaces a link's unknown keys is that link's state, not a new step.
      write();
      schedule(false, 0);
      return;
    }
    const rangesOnly = KEYS.every((k) => k === 'filters' || state[k] === previous[k]) && sameButRanges(state.filters, previous.filters);
    // A pending write, new entry or replacement, will write this state too.
    if (rangesOnly && brushing) {
      const push = pending?.push ?? false;
      if (pending !== null) clearTimeout(pending.timer);
      schedule(push, GESTURE_REST_MS);
    } else {
      write();
      schedule(true, 0);
    }
    brushing = rangesOnly;
  });
}
