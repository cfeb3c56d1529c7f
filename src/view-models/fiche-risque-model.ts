import { formatShown } from '../domain/format-fr.ts';
import { isRiskComponentId, RISK_CLASSES, RISK_COMPONENTS } from '../domain/risk-index.ts';
import { SECRET_THRESHOLD, secretLabel, type Shown } from '../domain/secret-statistique.ts';
import { SERVICES_16_25 } from '../domain/services-16-25.ts';
import { formatDistance } from '../ui/format.ts';

/** Rows of `buildQpvRisqueQuery`. */
export interface RisqueSqlRow {
  score: number | null;
  rang: number | null;
  percentile: number | null;
  classe: number | null;
  statut: string;
  composantes_disponibles: number;
  composantes_total: number;
  qpv_classes: number;
  composante: string | null;
  valeur_brute: number | null;
  valeur_normalisee: number | null;
  poids: number | null;
  contribution: number | null;
  secret: boolean;
}

/** Rows of `buildQpvServicesQuery`. */
export interface ServiceSqlRow {
  categorie: string;
  services_localises: number;
  distance_m: number | null;
  service_nom: string | null;
  n_1km: number | null;
  n_3km: number | null;
  n_5km: number | null;
}

export interface RisqueComponentView {
  id: string;
  libelle: string;
  unite: string;
  millesime: string;
  valeur: Shown;
  text: string;
  /** 0–100, 100 = the most exposed; null when n.d. or hidden. */
  normalisee: number | null;
  poids: number;
  /** Points of the score this component brings; null when n.d. or hidden. */
  contribution: number | null;
}

export interface RisqueView {
  score: number | null;
  rang: number | null;
  qpvClasses: number;
  percentile: number | null;
  classe: { classe: number; libelle: string } | null;
  composantesDisponibles: number;
  composantesTotal: number;
  /** By contribution, largest first; those without value last. */
  composantes: RisqueComponentView[];
}

/**
 * The risk index of a QPV. A component computed from a count under the secret statistique
 * (a share of job seekers) is shown hidden, with neither normalised value nor contribution,
 * which would give it away; the score, an aggregate of ranks, stays.
 */
export function buildRisqueView(rows: readonly RisqueSqlRow[], threshold = SECRET_THRESHOLD): RisqueView | null {
  const [first] = rows;
  if (first === undefined) return null;
  const composantes = rows.flatMap((r): RisqueComponentView[] => {
    if (r.composante === null || !isRiskComponentId(r.composante)) return [];
    const meta = RISK_COMPONENTS.find((c) => c.id === r.composante)!;
    const valeur: Shown = r.secret ? { status: 'secret' } : r.valeur_brute === null ? { status: 'nd' } : { status: 'ok', value: r.valeur_brute };
    return [
      {
        id: meta.id,
        libelle: meta.libelle,
        unite: meta.unite,
        millesime: meta.millesime,
        valeur,
        text: valeur.status === 'secret' ? `masqué (effectif ${secretLabel(threshold)})` : formatShown(valeur, meta.unite, threshold),
        normalisee: r.secret ? null : r.valeur_normalisee,
        poids: r.poids ?? meta.poids,
        contribution: r.secret ? null : r.contribution,
      },
    ];
  });
  return {
    score: first.score,
    rang: first.rang,
    qpvClasses: first.qpv_classes,
    percentile: first.percentile,
    classe: RISK_CLASSES.find((c) => c.classe === first.classe) ?? null,
    composantesDisponibles: first.composantes_disponibles,
    composantesTotal: first.composantes_total,
    composantes,
  };
}

export interface ServiceView {
  categorie: string;
  label: string;
  /** `1,3 km`, or why there is none: no located place of that category in the data. */
  distanceText: string;
  serviceNom: string | null;
  /** Places within 1, 3 and 5 km; null when none is located. */
  within: readonly [number | null, number | null, number | null];
  /**
   * *Zone blanche*: no place of the category within the chosen radius; null when the data
   * locates none of its places (absent from the data is not absent from the territory).
   */
  zoneBlanche: boolean | null;
}

/**
 * The nearest 16–25 services, nearest first; categories the data does not locate last. A
 * category is a *zone blanche* when its nearest place is farther than `zoneBlancheM` metres.
 */
export function buildServicesView(rows: readonly ServiceSqlRow[], zoneBlancheM: number): ServiceView[] {
  return rows.map((r) => ({
    categorie: r.categorie,
    label: SERVICES_16_25.find((s) => s.id === r.categorie)?.label ?? r.categorie,
    distanceText: r.distance_m === null ? (r.services_localises === 0 ? 'aucun lieu localisé dans les données' : 'n.d.') : r.distance_m === 0 ? 'dans le QPV' : formatDistance(r.distance_m),
    serviceNom: r.service_nom,
    within: [r.n_1km, r.n_3km, r.n_5km],
    zoneBlanche: r.distance_m === null ? null : r.distance_m > zoneBlancheM,
  }));
}
