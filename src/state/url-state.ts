import { z } from 'zod';
import { CLASSIFICATIONS, type Classification, MAX_CLASSES, MIN_CLASSES } from '../map/classify.ts';
import { type AppState, LAYER_IDS, useAppStore } from './store.ts';

/**
 * What of the app state lives in the URL hash, next to MapLibre's own `carte=zoom/lat/lon`:
 * `indicateur=tp60&classes=quantiles-5&qpv=QP066007&couches=qpv,etablissements`. Reloading or sharing the URL gives the
 * same view; each change is a history entry, so back and forward work.
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
  qpv: z.string().regex(/^Q[PN][0-9A-Z]{6,7}$/).optional(),
  couches: z
    .string()
    .transform((v) => (v === '' ? [] : v.split(',')))
    .pipe(z.array(z.enum(LAYER_IDS)))
    .optional(),
});

type UrlState = Pick<AppState, 'indicator' | 'classification' | 'classCount' | 'selectedQpv' | 'visibleLayers'>;

/** The URL's part of the state; a malformed parameter is ignored (the default stays). */
export function readUrlState(hash: string): Partial<UrlState> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: Partial<UrlState> = {};
  for (const key of ['indicateur', 'classes', 'qpv', 'couches'] as const) {
    const parsed = UrlStateSchema.shape[key].safeParse(params.get(key) ?? undefined);
    if (!parsed.success || parsed.data === undefined) continue;
    if (key === 'indicateur') state.indicator = parsed.data as string;
    if (key === 'qpv') state.selectedQpv = parsed.data as string;
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
  // MapLibre writes `carte=5/46.5/2.3` with its slashes unescaped: keep them readable.
  return `#${params.toString().replaceAll('%2F', '/')}`;
}

/** Loads the URL's state into the store, then keeps both in step. Call once, before rendering. */
export function syncStoreWithUrl(): void {
  const { indicator, classification, classCount, selectedQpv, visibleLayers } = useAppStore.getState();
  const defaults: UrlState = { indicator, classification, classCount, selectedQpv, visibleLayers };
  // A parameter missing from the URL means its default (after « back » to a plainer URL too).
  const apply = () => useAppStore.setState({ ...defaults, ...readUrlState(window.location.hash) });
  apply();
  history.replaceState(history.state, '', writeUrlState(window.location.hash, useAppStore.getState()));
  window.addEventListener('popstate', apply);
  useAppStore.subscribe((state, previous) => {
    const keys = ['indicator', 'classification', 'classCount', 'selectedQpv', 'visibleLayers'] as const;
    if (keys.every((k) => state[k] === previous[k])) return;
    const hash = writeUrlState(window.location.hash, state);
    if (hash !== window.location.hash) history.pushState(history.state, '', hash);
  });
}
