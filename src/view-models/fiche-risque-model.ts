import { formatDistance, formatShown, formatValue } from '../domain/format-fr.ts';
import { isRiskComponentId, RISK_CLASSES, RISK_COMPONENTS } from '../domain/risk-index.ts';
import type { Shown } from '../domain/secret-statistique.ts';
import { SERVICES_16_25 } from '../domain/services-16-25.ts';

/** Rows of `buildQpvRisqueQuery`. */
export interface RisqueSqlRow {
  score: number | null;
  rang: number | null;
  rang_min: number | null;
  rang_max: number | null;
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
  /** Year an indicator component's value describes, when known (e.g. a long template row). */
  annee_observee: number | null;
}

/** Rows of `buildQpvCollegesQuery`. */
export interface CollegeSqlRow {
  uai: string;
  nom: string;
  distance_m: number;
  rang: number;
  poids: number;
  ips: number | null;
  dnb_taux_reussite: number | null;
  commune_nom: string | null;
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
  /** 0–100, 100 = the most exposed; null when the QPV is n.d. */
  normalisee: number | null;
  poids: number;
  /** Points of the score this component brings; null when the QPV is n.d. */
  contribution: number | null;
}

export interface RisqueView {
  score: number | null;
  rang: number | null;
  /** Best and worst rank when each weight is halved, kept or doubled independently. */
  rangMin: number | null;
  rangMax: number | null;
  qpvClasses: number;
  percentile: number | null;
  classe: { classe: number; libelle: string } | null;
  composantesDisponibles: number;
  composantesTotal: number;
  /** By contribution, largest first; those without value last. */
  composantes: RisqueComponentView[];
}

/**
 * The risk index of a QPV. Every component is a rate or a mean of collège figures: none is a
 * count of people, so none falls under the secret statistique.
 */
export function buildRisqueView(rows: readonly RisqueSqlRow[]): RisqueView | null {
  const [first] = rows;
  if (first === undefined) return null;
  const composantes = rows.flatMap((r): RisqueComponentView[] => {
    if (r.composante === null || !isRiskComponentId(r.composante)) return [];
    const meta = RISK_COMPONENTS.find((c) => c.id === r.composante)!;
    const valeur: Shown = r.valeur_brute === null ? { status: 'nd' } : { status: 'ok', value: r.valeur_brute };
    return [
      {
        id: meta.id,
        libelle: meta.libelle,
        unite: meta.unite,
        // The component's millésime is that of the INSEE files; a value of a known year (only
        // indicator components have one) says its own.
        millesime: r.annee_observee === null ? meta.millesime : `INSEE, ${r.annee_observee}`,
        valeur,
        text: formatShown(valeur, meta.unite),
        normalisee: r.valeur_normalisee,
        poids: r.poids ?? meta.poids,
        contribution: r.contribution,
      },
    ];
  });
  return {
    score: first.score,
    rang: first.rang,
    rangMin: first.rang_min,
    rangMax: first.rang_max,
    qpvClasses: first.qpv_classes,
    percentile: first.percentile,
    classe: RISK_CLASSES.find((c) => c.classe === first.classe) ?? null,
    composantesDisponibles: first.composantes_disponibles,
    composantesTotal: first.composantes_total,
    composantes,
  };
}

/** French ordinal of a rank: 1ᵉʳ, 12ᵉ. */
export const rankOrdinal = (rang: number) => `${rang}${rang === 1 ? 'ᵉʳ' : 'ᵉ'}`;

/**
 * « 12ᵉ sur 100 — entre 10ᵉ et 14ᵉ sur les 729 pondérations où chaque poids est multiplié par
 * ½, 1 ou 2 »: the rank and how far the weights move it, over the finite set `rang_min` and
 * `rang_max` are computed on (3ᵏ for k weighted components) — not over every weighting in
 * that band, which could move it further; null when the QPV has no score.
 */
export function rankText(view: Pick<RisqueView, 'rang' | 'rangMin' | 'rangMax' | 'qpvClasses' | 'composantesTotal'>): string | null {
  if (view.rang === null) return null;
  const rank = `${rankOrdinal(view.rang)} sur ${view.qpvClasses}`;
  if (view.rangMin === null || view.rangMax === null) return rank;
  const grid = `sur les ${formatValue(3 ** view.composantesTotal, 'nombre')} pondérations où chaque poids est multiplié par ½, 1 ou 2`;
  if (view.rangMin === view.rangMax) return `${rank} — le même rang ${grid}`;
  return `${rank} — entre ${rankOrdinal(view.rangMin)} et ${rankOrdinal(view.rangMax)} ${grid}`;
}

export interface CollegeView {
  uai: string;
  nom: string;
  commune: string | null;
  /** « dans le QPV » or « 1,2 km ». */
  distanceText: string;
  /** Its weight in the QPV's collège components, « 45 % ». */
  poidsText: string;
  ips: number | null;
  dnb: number | null;
}

/** The collèges of the QPV's school context, nearest first. */
export function buildCollegesView(rows: readonly CollegeSqlRow[]): CollegeView[] {
  return rows.map((r) => ({
    uai: r.uai,
    nom: r.nom,
    commune: r.commune_nom,
    distanceText: r.distance_m === 0 ? 'dans le QPV' : formatDistance(r.distance_m),
    poidsText: formatValue(100 * r.poids, '%'),
    ips: r.ips,
    dnb: r.dnb_taux_reussite,
  }));
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
