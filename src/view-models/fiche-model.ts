import { formatShown } from '../domain/format-fr.ts';
import { type CoverageSqlRow, describeCoverage, type LoadedCoverage } from '../domain/loaded-coverage.ts';
import { SECRET_THRESHOLD, type Shown, showCount } from '../domain/secret-statistique.ts';
import { SPHERES, type SphereId } from '../domain/vocabulary.ts';
import { compareIndicators, type IndicatorSqlRow, type IndicatorView, toIndicatorView } from './indicator-view.ts';

/** Rows of `buildQpvIdentityQuery`. */
export interface IdentitySqlRow {
  code: string;
  nom: string;
  generation: string;
  commune_code: string;
  communes_libelle: string;
  departement_code: string;
  departement_nom: string | null;
  region_code: string;
  region_nom: string | null;
  source_id: string;
}

/** Rows of `buildQpvEtablissementsQuery`. */
export interface EtablissementSqlRow {
  uai: string;
  nom: string;
  type: string;
  secteur: string;
  ep: string;
  effectifs: number | null;
  /** Why `effectifs` is null: 'secret', 'nd' (`etablissements.effectifs_statut`). */
  effectifs_statut: string;
  ips: number | null;
  ips_annee: number | null;
  dnb_taux_reussite: number | null;
  dnb_session: number | null;
  source_id: string;
  dans_le_qpv: boolean;
}

/** Rows of `buildQpvProgrammesQuery`. */
export interface ProgrammeSqlRow {
  programme: 'cite' | 'pre';
  nom: string;
  porteur: string | null;
  annee_labellisation: number | null;
  source_id: string;
  /** What the perimeter rests on (`cites.perimetre`, `pre.perimetre`). */
  perimetre: string;
}

/** Rows of `buildQpvActionsQuery`. */
export interface ActionSqlRow {
  sphere: string;
  id: string;
  titre: string;
  porteur: string | null;
  financement: string | null;
  tranches: string | null;
  annee_debut: number | null;
  annee_fin: number | null;
  rattachement: 'qpv' | 'commune';
  source_id: string;
}

export interface QpvIdentity {
  code: string;
  nom: string;
  generation: string;
  communes: string;
  departement: { code: string; nom: string };
  region: { code: string; nom: string };
  /** Population of the quartier, when an indicator gives it (under the secret statistique). */
  population: { value: Shown; text: string; millesime: string } | null;
  sourceId: string;
}

export interface EtablissementView extends Omit<EtablissementSqlRow, 'effectifs' | 'effectifs_statut'> {
  /** Pupils, a count of people: under the secret statistique. */
  effectifs: Shown;
  effectifsText: string;
}

export interface FicheModel {
  identity: QpvIdentity;
  indicators: IndicatorView[];
  etablissements: EtablissementView[];
  cites: ProgrammeSqlRow[];
  pre: ProgrammeSqlRow[];
  /** Every sphère, in vocabulary order, even without action: a gap is information. */
  actionsBySphere: { sphere: SphereId; label: string; actions: ActionSqlRow[] }[];
  /** Registry source ids the fiche's figures come from (for the sources line of exports). */
  sourceIds: string[];
  /** Whether a value of the fiche is hidden by the secret statistique (the note goes with it). */
  hasSecret: boolean;
  /** The QPV the medians are taken over: those of the loaded data, named by their labels. */
  coverage: LoadedCoverage;
}

/** The id of the indicator that gives the population of a QPV. */
export const POPULATION_INDICATOR = 'pop_mun';

/** Identity of a QPV from its identity row and its indicator views (for the population). */
export function toQpvIdentity(row: IdentitySqlRow, indicators: readonly IndicatorView[]): QpvIdentity {
  const pop = indicators.find((i) => i.qpvCode === row.code && i.indicateur === POPULATION_INDICATOR);
  return {
    code: row.code,
    nom: row.nom,
    generation: row.generation,
    communes: row.communes_libelle,
    departement: { code: row.departement_code, nom: row.departement_nom ?? row.departement_code },
    region: { code: row.region_code, nom: row.region_nom ?? row.region_code },
    population: pop === undefined ? null : { value: pop.value, text: pop.text, millesime: pop.millesime },
    sourceId: row.source_id,
  };
}

/** The fiche of one QPV, every count through the secret statistique. Null for an unknown code. */
export function buildFicheModel(
  rows: { identity: IdentitySqlRow[]; indicators: IndicatorSqlRow[]; etablissements: EtablissementSqlRow[]; programmes: ProgrammeSqlRow[]; actions: ActionSqlRow[]; coverage: CoverageSqlRow[] },
  threshold = SECRET_THRESHOLD,
): FicheModel | null {
  const [identityRow] = rows.identity;
  if (identityRow === undefined) return null;
  const indicators = rows.indicators
    .filter((r) => r.qpv_code === identityRow.code)
    .map((r) => toIndicatorView(r, threshold))
    .sort(compareIndicators);
  const etablissements = rows.etablissements.map((e) => {
    const { effectifs_statut: statut, ...rest } = e;
    const effectifs = showCount(e.effectifs, threshold, statut);
    return { ...rest, effectifs, effectifsText: formatShown(effectifs, '', threshold) };
  });
  const sourceIds = new Set([identityRow.source_id, ...indicators.map((i) => i.sourceId), ...etablissements.map((e) => e.source_id)]);
  for (const r of [...rows.programmes, ...rows.actions]) sourceIds.add(r.source_id);
  return {
    identity: toQpvIdentity(identityRow, indicators),
    indicators,
    etablissements,
    cites: rows.programmes.filter((p) => p.programme === 'cite'),
    pre: rows.programmes.filter((p) => p.programme === 'pre'),
    actionsBySphere: SPHERES.map((s) => ({ sphere: s.id, label: s.label, actions: rows.actions.filter((a) => a.sphere === s.id) })),
    sourceIds: [...sourceIds],
    hasSecret: [...indicators.map((i) => i.value), ...etablissements.map((e) => e.effectifs)].some((v) => v.status === 'secret'),
    coverage: describeCoverage(rows.coverage),
  };
}
