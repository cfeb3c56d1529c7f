import { tableRows } from '../../src/domain/connector.ts';
import { buildRiskContributionsQuery, buildRiskScoresQuery } from '../../src/domain/risk-index-query.ts';
import { DEFAULT_RISK_WEIGHTS } from '../../src/domain/risk-index.ts';
import { ETABLISSEMENTS_LAYOUT, INDICATEURS_LAYOUT, QPV_COLLEGES_LAYOUT, QPV_LAYOUT, type TableLayout } from '../../src/domain/table-layouts.ts';
import { createNodeConnector } from '../duckdb-node.ts';
import { type Location, PipelineError, type RowIssue } from '../pipeline-error.ts';
import type { TableBuild } from '../table-build.ts';
import { rowsToArrowIpc } from '../write-arrow.ts';

type Row = Record<string, string | number | null>;

export interface RisqueDecrochageBuild {
  /** `risque_decrochage`: one row per QPV. */
  scores: TableBuild<Row>;
  /** `risque_composantes`: one row per QPV and component. */
  composantes: TableBuild<Row>;
}

/**
 * The décrochage risk index with the default weights, computed by the SQL the browser runs
 * (`src/domain/risk-index-query.ts`) in the Node build of the same engine, on the tables just
 * built, loaded as the app loads them (Arrow IPC): so the published index is what the app
 * recomputes from the published tables. A QPV whose score is n.d. gets a warning saying why.
 */
export async function buildRisqueDecrochage(tables: {
  qpv: TableBuild<Row>;
  indicateurs: TableBuild<Row>;
  qpvColleges: TableBuild<Row>;
  etablissements: TableBuild<Row>;
}): Promise<RisqueDecrochageBuild> {
  const db = await createNodeConnector();
  try {
    const inputs: [TableLayout, TableBuild<Row>][] = [
      [QPV_LAYOUT, tables.qpv],
      [INDICATEURS_LAYOUT, tables.indicateurs],
      [QPV_COLLEGES_LAYOUT, tables.qpvColleges],
      [ETABLISSEMENTS_LAYOUT, tables.etablissements],
    ];
    for (const [layout, build] of inputs) await db.loadArrow(layout.name, rowsToArrowIpc(layout, build.rows));
    const run = async (name: string, sql: string) => {
      try {
        return tableRows(await db.query(sql)) as Row[];
      } catch (cause) {
        throw new PipelineError({ file: 'src/domain/risk-index-query.ts', field: name }, `risk index SQL failed: ${(cause as Error).message}`, { cause });
      }
    };
    const scores = await run('buildRiskScoresQuery', buildRiskScoresQuery(DEFAULT_RISK_WEIGHTS));
    const composantes = await run('buildRiskContributionsQuery', buildRiskContributionsQuery(DEFAULT_RISK_WEIGHTS));

    const locationOf = new Map(tables.qpv.rows.map((r, i) => [String(r.code), tables.qpv.locations[i]!]));
    const at = (row: Row): Location => locationOf.get(String(row.qpv_code))!;
    const warnings: RowIssue[] = scores
      .filter((s) => s.score === null)
      .map((s) => ({
        location: { ...at(s), field: 'code', value: s.qpv_code },
        reason: `risque de décrochage n.d.: ${s.composantes_disponibles} of ${s.composantes_total} components available, all needed`,
      }));
    return {
      scores: { rows: scores, locations: scores.map(at), rowsIn: scores.length, rejected: [], warnings },
      composantes: { rows: composantes, locations: composantes.map(at), rowsIn: composantes.length, rejected: [], warnings: [] },
    };
  } finally {
    await db.close();
  }
}
