import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS, RISK_COLLEGES } from '../../src/domain/risk-index.ts';

export interface RiskRecomputation {
  /** QPV in the recomputation or the published table. */
  qpv: number;
  /** Largest |recomputed − published| of the score and of its percentile. */
  scoreGap: number;
  percentileGap: number;
  /** QPV whose n.d. status, rank, rank range, class or component counts differ. */
  qpvDifferent: number;
  /** QPV × component rows. */
  components: number;
  /** Rows whose raw value or weight differ, or whose normalised value or contribution differ by more than 1e-9. */
  componentsDifferent: number;
  /** Rows of `qpv_colleges`. */
  colleges: number;
  /**
   * Rows of `qpv_colleges` breaking the rule of `RISK_COLLEGES`: not a public collège with an
   * IPS and a DNB rate, farther than the radius, rank not in (distance, UAI) order, beyond k,
   * or a weight that is not 1 / (distance + offset) normalised (to 1e-12).
   */
  collegesDifferent: number;
}

/**
 * The risk index as the browser recomputes it (default weights, components computed from the
 * published `qpv`, `indicateurs`, `qpv_colleges` and `etablissements`) against the published
 * `risque_decrochage` (rank ranges included) and `risque_composantes` of the same connector;
 * and `qpv_colleges` against its rule, from the published `etablissements`.
 */
export async function compareRiskRecomputation(db: Connector): Promise<RiskRecomputation> {
  const [scores] = tableRows(
    await db.query(`
      SELECT count(*) AS qpv, coalesce(max(abs(b.score - p.score)), 0) AS score_gap, coalesce(max(abs(b.percentile - p.percentile)), 0) AS percentile_gap,
             count(*) FILTER (WHERE (b.score IS NULL) <> (p.score IS NULL) OR b.rang IS DISTINCT FROM p.rang OR b.rang_min IS DISTINCT FROM p.rang_min OR b.rang_max IS DISTINCT FROM p.rang_max OR b.classe IS DISTINCT FROM p.classe OR b.statut IS DISTINCT FROM p.statut
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
  const [colleges] = tableRows(
    await db.query(`
      WITH c AS (
        SELECT c.*, e.type, e.secteur, e.ips, e.dnb_taux_reussite,
               row_number() OVER (PARTITION BY c.qpv_code ORDER BY c.distance_m, c.uai) AS ordre,
               (1 / (c.distance_m + ${RISK_COLLEGES.decalageM})) / sum(1 / (c.distance_m + ${RISK_COLLEGES.decalageM})) OVER (PARTITION BY c.qpv_code) AS poids_attendu
        FROM qpv_colleges c LEFT JOIN etablissements e USING (uai)
      )
      SELECT count(*) AS n,
             count(*) FILTER (WHERE type IS DISTINCT FROM 'college' OR secteur IS DISTINCT FROM 'public' OR ips IS NULL OR dnb_taux_reussite IS NULL
                                 OR distance_m > ${RISK_COLLEGES.rayonM} OR distance_m < 0 OR rang <> ordre OR rang > ${RISK_COLLEGES.k} OR abs(poids - poids_attendu) > 1e-12) AS different
      FROM c`),
  );
  return {
    qpv: scores!.qpv as number,
    scoreGap: scores!.score_gap as number,
    percentileGap: scores!.percentile_gap as number,
    qpvDifferent: scores!.different as number,
    components: components!.n as number,
    componentsDifferent: components!.different as number,
    colleges: colleges!.n as number,
    collegesDifferent: colleges!.different as number,
  };
}
