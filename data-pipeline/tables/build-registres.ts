import { z } from 'zod';
import { type CommunePlace, joinCell } from '../../src/domain/action-table-row.ts';
import { communeCodesCell, optionalTextCell, qpvCodesCell, requiredTextCell, yearCell } from '../../src/domain/template-cells.ts';
import type { Location } from '../pipeline-error.ts';
import type { TabularFile } from '../read/read-xlsx.ts';
import type { SourceInput } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import { type CollectedRows, collectTemplateRows } from './actions/collect-template-rows.ts';
import { citePerimeter, type CommuneOutlines } from './actions/cite-perimeter.ts';
import { registrePlace } from './actions/commune-places.ts';

/**
 * The `cites` and `pre` tables, from the two registries observatory staff fill by hand
 * (`;`-separated CSV, UTF-8, `|` between the values of a cell; layouts documented in their
 * SOURCE.md), checked with the cell schemas of the actions template. Each row's communes are
 * placed in `territoires`; either registry may hold its header alone.
 */

const communes = () => communeCodesCell().refine((codes) => codes.length > 0, 'au moins une commune (codes INSEE séparés par |)');

/** `cites-registre`: `nom;annee_labellisation;communes;qpv_codes;porteur;source`. */
const CITES_REGISTRE = {
  columns: ['nom', 'annee_labellisation', 'communes', 'qpv_codes', 'porteur', 'source'],
  required: ['nom', 'communes', 'source'],
  schema: z.object({
    nom: requiredTextCell(200),
    annee_labellisation: yearCell(),
    communes: communes(),
    qpv_codes: qpvCodesCell(),
    porteur: optionalTextCell(500),
    source: requiredTextCell(1000),
  }),
};

/** `pre-registre`: `nom;porteur;communes;source`. */
const PRE_REGISTRE = {
  columns: ['nom', 'porteur', 'communes', 'source'],
  required: ['nom', 'communes', 'source'],
  schema: z.object({ nom: requiredTextCell(200), porteur: optionalTextCell(500), communes: communes(), source: requiredTextCell(1000) }),
};

export type RegistreRow = Record<string, string | number | null> & { nom: string };

/** One registry: its rows through `toRow` once their communes are placed; unknown communes reject the row. */
function buildRegistre<T extends { nom: string; communes: string[]; source: string }>(
  collected: CollectedRows<T>,
  communes: ReadonlyMap<string, CommunePlace>,
  toRow: (value: T, at: Location) => Record<string, string | number | null>,
): TableBuild<RegistreRow> {
  const rows: RegistreRow[] = [];
  const locations: Location[] = [];
  for (const { value, sourceId, at } of collected.items) {
    const placed = registrePlace(value.communes, communes, at);
    if ('issue' in placed) {
      collected.rejected.push(placed.issue);
      continue;
    }
    locations.push(at);
    rows.push({ nom: value.nom, ...toRow(value, at), ...placed.place, source: value.source, source_id: sourceId });
  }
  return { rows, locations, rowsIn: collected.rowsIn, rejected: collected.rejected, warnings: collected.warnings };
}

/**
 * `cites`: QPV codes absent from the `qpv` table (which covers few régions) are kept, with a
 * warning. The perimeter is the union of the communes' `outlines` (see `citePerimeter`).
 */
export function buildCites(
  inputs: readonly SourceInput<TabularFile>[],
  communes: ReadonlyMap<string, CommunePlace>,
  qpvCodes: ReadonlySet<string>,
  outlines: CommuneOutlines,
): TableBuild<RegistreRow> {
  const collected = collectTemplateRows(inputs, CITES_REGISTRE);
  return buildRegistre(collected, communes, (cite, at) => {
    for (const code of cite.qpv_codes.filter((c) => !qpvCodes.has(c))) {
      collected.warnings.push({ location: { ...at, field: 'qpv_codes', value: code }, reason: 'QPV not in the qpv table: kept' });
    }
    const perimeter = citePerimeter(cite.communes, outlines, at);
    collected.warnings.push(...perimeter.warnings);
    return { annee_labellisation: cite.annee_labellisation, qpv_codes: joinCell(cite.qpv_codes), porteur: cite.porteur, ...perimeter.columns };
  });
}

export function buildPre(inputs: readonly SourceInput<TabularFile>[], communes: ReadonlyMap<string, CommunePlace>): TableBuild<RegistreRow> {
  return buildRegistre(collectTemplateRows(inputs, PRE_REGISTRE), communes, (pre) => ({ porteur: pre.porteur }));
}
