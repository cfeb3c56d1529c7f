import { QPV_LAYOUT, type TableLayout, TERRITOIRES_LAYOUT } from '../../src/domain/table-layouts.ts';
import { PipelineError } from '../pipeline-error.ts';
import type { SourceInputs } from '../read/read-source.ts';
import type { SourceLayout } from '../registry.ts';
import type { TableBuild } from '../table-build.ts';
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
  const territoires = buildTerritoires({ regions: single('regions'), departements: single('departements'), communes: single('communes') });
  const qpv = buildQpv(inputs.geojson('qpv'), territoires.communes, territoires.regionOfDepartement);
  return [
    [TERRITOIRES_LAYOUT, territoires],
    [QPV_LAYOUT, qpv],
  ];
}
