import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';

export interface RiskRecomputation {
  /** QPV in the recomputation or the published table. */
  qpv: number;
  /** Largest |recomputed − published| of the score and of its percentile. */
  scoreGap: number;
  percentileGap: number;
  /** QPV whose n.d. status, rank, class or component counts differ. */
  qpvDifferent: number;
  /** QPV × component rows. */
  components: number;
  /** Rows whose raw value or weight differ, or whose normalised value or contribution differ by more than 1e-9. */
  componentsDifferent: number;
}

/**
 * The risk index as the browser recomputes it (default weights, components computed from the
 * published `qpv`, `indicateurs` and `etablissements`) against the published
 * `risque_decrochage` and `risque_composantes` of the same connector.
 */
export async function compareRiskRecomputation(db: Connector): Promise<RiskRecomputation> {
  const [scores] = tableRows(
    await db.query(`
      SELECT count(*) AS qpv, coalesce(max(abs(b.score - p.score)), 0) AS score_gap, coalesce(max(abs(b.percentile - p.percentile)), 0) AS percentile_gap,
             count(*) FILTER (WHERE (b.score IS NULL) <> (p.score IS NULL) OR b.rang IS DISTINCT FROM p.rang OR b.classe IS DISTINCT FROM p.classe OR b.statut IS DISTINCT FROM p.statut
                                 OR b.composantes_disponibles IS DISTINCT FROM p.composantes_disponibles OR b.composantes_total IS DISTINCT FROM p.composantes_total) AS different
      FROM (${buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS)}) b FULL JOIN risque_decrochage p USING (qpv_code)`),
  );
  const apart = (column: string) => `(b.${column} IS NULL) <> (p.${column} IS NULL) OR abs(b.${column} - p.${column}) > 1e-9`;
  const [components] = tableRows(
    await db.query(`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE b.valeur_brute IS DISTINCT FROM p.valeur_brute OR b.poids IS DISTINCT FROM p.poids OR ${apart('valeur_normalisee')} OR ${apart('contribution')}) AS different
      FROM (${buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS)}) b FULL JOIN risque_composantes p USING (qpv_code, composante)`),
  );
  return {
    qpv: scores!.qpv as number,
    scoreGap: scores!.score_gap as number,
    percentileGap: scores!.percentile_gap as number,
    qpvDifferent: scores!.different as number,
    components: components!.n as number,
    componentsDifferent: components!.different as number,
  };
}
