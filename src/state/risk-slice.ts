import { z } from 'zod';
import type { StateCreator } from 'zustand';
import { checkRiskWeights, DEFAULT_RISK_WEIGHTS, isRiskComponentId, RISK_COMPONENT_IDS, type RiskComponentId, type RiskWeights } from '../domain/risk-index.ts';
import { UrlNumber } from '../domain/url-grammar.ts';
import type { AppState } from './store.ts';

/** What the pondérations panel offers for each weight: 0 (left out) to 3, by halves. */
export const RISK_WEIGHT_RANGE = { min: 0, max: 3, step: 0.5 } as const;

/** Radii (km) a *zone blanche* can be judged at: no 16–25 service of a category within it. */
export const ZONE_BLANCHE_RADII_KM = [1, 2, 3, 5, 10] as const;
export const DEFAULT_ZONE_BLANCHE_KM = 3;

/** The user's weights of the risk index and the radius of a *zone blanche*. */
export interface RiskSlice {
  riskWeights: RiskWeights;
  zoneBlancheKm: number;
  /** Sets one weight; a change that would leave every weight at 0 is refused (no index then). */
  setRiskWeight(id: RiskComponentId, weight: number): void;
  resetRiskWeights(): void;
  setZoneBlancheKm(km: number): void;
}

/** The weights with one changed, or null when the result is no valid set of weights. */
function withRiskWeight(weights: RiskWeights, id: RiskComponentId, weight: number): RiskWeights | null {
  try {
    return checkRiskWeights({ ...weights, [id]: weight });
  } catch {
    return null;
  }
}

export const createRiskSlice: StateCreator<AppState, [], [], RiskSlice> = (set) => ({
  riskWeights: DEFAULT_RISK_WEIGHTS,
  zoneBlancheKm: DEFAULT_ZONE_BLANCHE_KM,
  setRiskWeight: (id, weight) => set((s) => ({ riskWeights: withRiskWeight(s.riskWeights, id, weight) ?? s.riskWeights })),
  resetRiskWeights: () => set({ riskWeights: DEFAULT_RISK_WEIGHTS }),
  setZoneBlancheKm: (zoneBlancheKm) => set({ zoneBlancheKm }),
});

/**
 * Components the index used to have, kept so that an older shared link still opens with its
 * other weights, and a notice says why one was left out (docs/methodologie.md § 2).
 */
const RETIRED_RISK_COMPONENTS: ReadonlySet<string> = new Set(['demandeurs_cap_bep']);

/** The `poids` value split into the pairs of current components (`kept`) and the retired components it names. */
export function splitRetiredRiskWeights(value: string): { kept: string; retired: string[] } {
  const pairs = value.split(',');
  const isRetired = (pair: string) => RETIRED_RISK_COMPONENTS.has(pair.split(':')[0]!);
  return { kept: pairs.filter((p) => !isRetired(p)).join(','), retired: pairs.filter(isRetired).map((p) => p.split(':')[0]!) };
}

const weightSchema = UrlNumber.pipe(z.number().min(RISK_WEIGHT_RANGE.min).max(RISK_WEIGHT_RANGE.max).multipleOf(RISK_WEIGHT_RANGE.step));

/**
 * `poids=taux_pauvrete:2,ips_colleges:0`: the weights that differ from the defaults (the
 * others keep theirs). An unknown component, a weight off the panel's scale, a component
 * given twice or every weight at 0 make the whole parameter invalid.
 */
export const RiskWeightsParam = z.string().transform((v, ctx): RiskWeights => {
  const weights: Record<string, number> = { ...DEFAULT_RISK_WEIGHTS };
  const seen = new Set<string>();
  for (const pair of v.split(',')) {
    const [id = '', value = '', ...rest] = pair.split(':');
    const weight = weightSchema.safeParse(value);
    if (!isRiskComponentId(id) || seen.has(id) || rest.length > 0 || value === '' || !weight.success) {
      ctx.addIssue({ code: 'custom', message: `invalid risk weight "${pair}"` });
      return z.NEVER;
    }
    seen.add(id);
    weights[id] = weight.data;
  }
  try {
    return checkRiskWeights(weights);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** The `poids` parameter of these weights; null for the defaults (no parameter). */
export function formatRiskWeightsParam(weights: RiskWeights): string | null {
  const changed = RISK_COMPONENT_IDS.filter((id) => weights[id] !== DEFAULT_RISK_WEIGHTS[id]);
  return changed.length === 0 ? null : changed.map((id) => `${id}:${weights[id]}`).join(',');
}

/** `zone_blanche=5`: the radius in km, one of ZONE_BLANCHE_RADII_KM. */
export const ZoneBlancheParam = UrlNumber.refine((km) => (ZONE_BLANCHE_RADII_KM as readonly number[]).includes(km), 'not an offered zone blanche radius');
