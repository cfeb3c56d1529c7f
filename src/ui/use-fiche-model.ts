import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rowsOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { useAppStore } from '../state/store.ts';
import {
  buildQpvActionsQuery,
  buildQpvEtablissementsQuery,
  buildQpvIdentityQuery,
  buildQpvIndicatorsQuery,
  buildQpvProgrammesQuery,
} from '../queries/fiche-qpv-queries.ts';
import { type ActionSqlRow, buildFicheModel, type EtablissementSqlRow, type FicheModel, type IdentitySqlRow, type ProgrammeSqlRow } from '../view-models/fiche-model.ts';
import { buildCollegesView, buildRisqueView, buildServicesView, type CollegeSqlRow, type CollegeView, type RisqueSqlRow, type RisqueView, type ServiceSqlRow, type ServiceView } from '../view-models/fiche-risque-model.ts';
import type { IndicatorSqlRow } from '../view-models/indicator-view.ts';
import { buildLoadedCoverageQuery } from '../queries/loaded-coverage-query.ts';
import { coverageLabel, type CoverageSqlRow, describeCoverage } from '../domain/loaded-coverage.ts';
import { buildQpvCollegesQuery, buildQpvRisqueQuery, buildQpvServicesQuery, buildScoredCoverageQuery, FICHE_COLLEGES_TABLES, FICHE_RISQUE_TABLES, FICHE_SCORED_COVERAGE_TABLES, FICHE_SERVICES_TABLES } from '../queries/fiche-risque-queries.ts';

const COVERAGE_SQL = buildLoadedCoverageQuery();

/** Tables the fiche reads. */
export const FICHE_TABLES = ['qpv', 'territoires', 'indicateurs', 'indicateurs_meta', 'etablissements', 'cites', 'pre', 'actions'] as const;

/** Runs the fiche's queries and builds its view model once they have all answered. */
export function useFicheModel(code: string): { model: FicheModel | null; error: string | null; loading: boolean } {
  const identity = useSql(buildQpvIdentityQuery([code]), rowsOf<IdentitySqlRow>(), FICHE_TABLES);
  const indicators = useSql(buildQpvIndicatorsQuery([code]), rowsOf<IndicatorSqlRow>(), FICHE_TABLES);
  const etablissements = useSql(buildQpvEtablissementsQuery(code), rowsOf<EtablissementSqlRow>(), FICHE_TABLES);
  const programmes = useSql(buildQpvProgrammesQuery(code), rowsOf<ProgrammeSqlRow>(), FICHE_TABLES);
  const actions = useSql(buildQpvActionsQuery(code), rowsOf<ActionSqlRow>(), FICHE_TABLES);
  const coverage = useSql(COVERAGE_SQL, rowsOf<CoverageSqlRow>(), FICHE_TABLES);
  return useMemo(() => {
    const results = [identity, indicators, etablissements, programmes, actions, coverage];
    const error = results.find((r) => r.error !== null)?.error ?? null;
    if (identity.status !== 'ready' || indicators.status !== 'ready' || etablissements.status !== 'ready' || programmes.status !== 'ready' || actions.status !== 'ready' || coverage.status !== 'ready') {
      return { model: null, error, loading: error === null };
    }
    const model = buildFicheModel({ identity: identity.data, indicators: indicators.data, etablissements: etablissements.data, programmes: programmes.data, actions: actions.data, coverage: coverage.data });
    return { model, error, loading: false };
  }, [identity, indicators, etablissements, programmes, actions, coverage]);
}

/**
 * The risk index, its school context and the 16–25 services of the fiche: queried apart, so
 * that a dataset built without those tables still shows the rest of the fiche.
 */
export function useFicheRisque(code: string): { risque: RisqueView | null; scoredLabel: string | null; colleges: CollegeView[] | null; services: ServiceView[] | null; error: string | null } {
  // The index under the user's weights (pondérations panel) and the zone blanche radius: the store's.
  const { riskWeights, zoneBlancheKm } = useAppStore(useShallow((s) => ({ riskWeights: s.riskWeights, zoneBlancheKm: s.zoneBlancheKm })));
  const risqueSql = buildQpvRisqueQuery(code, riskWeights);
  const risque = useSql(risqueSql, rowsOf<RisqueSqlRow>(), FICHE_RISQUE_TABLES);
  const scored = useSql(buildScoredCoverageQuery(code, riskWeights), rowsOf<CoverageSqlRow>(), FICHE_SCORED_COVERAGE_TABLES);
  const colleges = useSql(buildQpvCollegesQuery(code), rowsOf<CollegeSqlRow>(), FICHE_COLLEGES_TABLES);
  const services = useSql(buildQpvServicesQuery(code), rowsOf<ServiceSqlRow>(), FICHE_SERVICES_TABLES);
  // While new weights are recomputed, the QPV's previous index stays (the section does not blink).
  const last = useRef<{ code: string; view: RisqueView | null } | null>(null);
  const risqueView = useMemo(() => {
    if (risque.status === 'ready' && risque.sql === risqueSql) last.current = { code, view: buildRisqueView(risque.data) };
    return last.current?.code === code ? last.current.view : null;
  }, [risque, risqueSql, code]);
  return useMemo(
    () => ({
      risque: risqueView,
      // « les 100 QPV notés des données chargées : Occitanie »: what the rank and percentile are taken among.
      scoredLabel: scored.status === 'ready' ? coverageLabel(describeCoverage(scored.data), 'notés') : null,
      colleges: colleges.status === 'ready' ? buildCollegesView(colleges.data) : null,
      services: services.status === 'ready' ? buildServicesView(services.data, zoneBlancheKm * 1000) : null,
      error: risque.error ?? colleges.error ?? services.error,
    }),
    [risqueView, risque.error, scored, colleges, services, zoneBlancheKm],
  );
}
