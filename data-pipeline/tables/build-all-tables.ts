import { CONTOURS_COMMUNES_LAYOUT, ETABLISSEMENTS_LAYOUT, INDICATEURS_LAYOUT, INDICATEURS_META_LAYOUT, LIEUX_LAYOUT, QPV_LAYOUT, type TableLayout, TERRITOIRES_LAYOUT } from '../../src/domain/table-layouts.ts';
import { PipelineError } from '../pipeline-error.ts';
import type { SourceInputs } from '../read/read-source.ts';
import type { SourceLayout } from '../registry.ts';
import type { TableBuild } from '../table-build.ts';
import { buildActionTables } from './build-actions.ts';
import { buildEtablissements } from './build-etablissements.ts';
import { buildIndicateurs } from './build-indicateurs.ts';
import { buildLieux } from './build-lieux.ts';
import { buildQpv } from './build-qpv.ts';
import { buildTerritoires } from './build-territoires.ts';

export type BuiltTable = [TableLayout, TableBuild<Record<string, string | number | null>>];

/**
 * Builds every published table from the sources read, in dependency order: territories
 * first (communes locate QPV), then QPV (their geometry locates establishments)…
 */
export function buildAllTables(inputs: SourceInputs): BuiltTable[] {
  const single = (layout: SourceLayout) => {
    const [first, ...others] = inputs.geojson(layout);
    if (first === undefined) throw new PipelineError({ file: 'registry.json', field: 'layout', value: layout }, 'no source with this layout');
    if (others.length > 0) throw new PipelineError({ file: 'registry.json', field: 'layout', value: layout }, 'several sources with this layout');
    return first.data;
  };
  const territoires = buildTerritoires({
    regions: single('regions'),
    departements: single('departements'),
    communes: single('communes'),
    academies: single('academies'),
  });
  const qpv = buildQpv(inputs.geojson('qpv'), territoires.communes, territoires.regionOfDepartement);
  const indicateurs = buildIndicateurs(inputs.csv('qpv-indicateurs-insee'), inputs.csv('qpv-indicateurs-dictionnaire'), new Set(qpv.rows.map((r) => r.code)));
  const etablissements = buildEtablissements(inputs, territoires, qpv);
  return [
    [TERRITOIRES_LAYOUT, territoires],
    [QPV_LAYOUT, qpv],
    [CONTOURS_COMMUNES_LAYOUT, territoires.contours],
    [INDICATEURS_META_LAYOUT, indicateurs.meta],
    [INDICATEURS_LAYOUT, indicateurs.indicateurs],
    [ETABLISSEMENTS_LAYOUT, etablissements],
    [LIEUX_LAYOUT, buildLieux(inputs, territoires, qpv, etablissements)],
    ...buildActionTables(inputs, territoires, qpv),
  ];
}
