import { collegeWeights, RISK_COLLEGES } from '../../src/domain/risk-index.ts';
import type { Location, RowIssue } from '../pipeline-error.ts';
import type { TableBuild } from '../table-build.ts';
import type { EtablissementsBuild } from './build-etablissements.ts';
import type { QpvBuild } from './build-qpv.ts';

export type QpvCollegeRow = Record<string, string | number | null> & {
  qpv_code: string;
  uai: string;
  nom: string;
  distance_m: number;
  rang: number;
  poids: number;
};

/**
 * The school context of every QPV (`RISK_COLLEGES`): its `k` nearest public collèges having
 * both an IPS and a DNB rate, by great-circle distance to the QPV's source outline (0 m when
 * the collège lies in it; the outline that gives establishments their `qpv_code`), within
 * `rayonM`, nearest first (UAI order on a tie), with their normalised distance weights.
 * Distances are rounded to the metre, and the weights computed from the rounded distances,
 * so that the table recomputes from itself.
 *
 * From each collège, the QPV within the radius come from the QPV `PolygonIndex` (R-tree, then
 * exact distances on the candidates): no loop over all pairs. A QPV reached by no collège gets
 * no row, and a warning: its collège components are n.d.
 */
export function buildQpvColleges(qpv: Pick<QpvBuild, 'rows' | 'locations' | 'geometries'>, etablissements: Pick<EtablissementsBuild, 'rows'>): TableBuild<QpvCollegeRow> {
  const { codes, index } = qpv.geometries;
  const near = new Map<string, { uai: string; nom: string; meters: number }[]>();
  for (const e of etablissements.rows) {
    if (e.type !== 'college' || e.secteur !== 'public' || e.ips === null || e.dnb_taux_reussite === null || e.lon === null || e.lat === null) continue;
    for (const { index: i, meters } of index.distancesWithin(e.lon, e.lat, RISK_COLLEGES.rayonM)) {
      const code = codes[i]!;
      near.set(code, [...(near.get(code) ?? []), { uai: e.uai, nom: e.nom, meters: Math.round(meters) }]);
    }
  }
  const rows: QpvCollegeRow[] = [];
  const locations: Location[] = [];
  const warnings: RowIssue[] = [];
  qpv.rows.forEach((q, r) => {
    const chosen = (near.get(q.code) ?? []).sort((a, b) => a.meters - b.meters || (a.uai < b.uai ? -1 : 1)).slice(0, RISK_COLLEGES.k);
    if (chosen.length === 0) {
      warnings.push({ location: { ...qpv.locations[r]!, field: 'code', value: q.code }, reason: `no public collège with IPS and DNB within ${RISK_COLLEGES.rayonM} m: collège components n.d.` });
    }
    const poids = collegeWeights(chosen.map((c) => c.meters));
    chosen.forEach((c, i) => {
      rows.push({ qpv_code: q.code, uai: c.uai, nom: c.nom, distance_m: c.meters, rang: i + 1, poids: poids[i]! });
      locations.push(qpv.locations[r]!);
    });
  });
  return { rows, locations, rowsIn: rows.length, rejected: [], warnings };
}
