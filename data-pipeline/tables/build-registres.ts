import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { formatQpvMatch, matchQpvNames, perimetreKind, PRE_PERIMETRE, type QpvCandidate } from '../../src/domain/cite-perimetre.ts';
import { type CommunePlace, joinCell } from '../../src/domain/action-table-row.ts';
import { communeCodesCell, optionalTextCell, qpvCodesCell, requiredTextCell, textListCell, yearCell } from '../../src/domain/template-cells.ts';
import type { Location } from '../pipeline-error.ts';
import type { TabularFile } from '../read/read-xlsx.ts';
import type { SourceInput } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import { type CollectedRows, collectTemplateRows } from './actions/collect-template-rows.ts';
import { citePerimeter, type CommuneOutlines, qpvPerimeter } from './actions/cite-perimeter.ts';
import { registrePlace } from './actions/commune-places.ts';

/**
 * The `cites` and `pre` tables, from the two registries observatory staff fill by hand
 * (`;`-separated CSV, UTF-8, `|` between the values of a cell; layouts documented in their
 * SOURCE.md), checked with the cell schemas of the actions template. Each row's communes are
 * placed in `territoires`; either registry may hold its header alone.
 */

const communes = () => communeCodesCell().refine((codes) => codes.length > 0, 'au moins une commune (codes INSEE séparés par |)');

/** `cites-registre`: `nom;annee_labellisation;communes;qpv_codes;qpv_noms;commune_entiere;porteur;source`. */
const CITES_REGISTRE = {
  columns: ['nom', 'annee_labellisation', 'communes', 'qpv_codes', 'qpv_noms', 'commune_entiere', 'porteur', 'source'],
  required: ['nom', 'communes', 'source'],
  schema: z.object({
    nom: requiredTextCell(200),
    annee_labellisation: yearCell(),
    communes: communes(),
    qpv_codes: qpvCodesCell(),
    qpv_noms: textListCell(),
    commune_entiere: optionalTextCell(3)
      .refine((v) => v === null || v === 'oui', '« oui » (la source dit que la Cité couvre toute la commune) ou vide')
      .transform((v) => v === 'oui'),
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

/** The published QPV, to match the names a source gives and draw their union. */
export interface QpvForPerimeters {
  rows: readonly QpvCandidate[];
  /** Unsimplified WGS84 outline by QPV code. */
  outlines: ReadonlyMap<string, Polygon | MultiPolygon>;
}

/**
 * `cites`: the perimeter is the union of the QPV the source names — by code, or by name
 * matched to the published QPV of the Cité's communes (`matchQpvNames`) — when every one of
 * them is in the `qpv` table; else the union of the communes' `outlines`, labelled « commune
 * entière (selon la source) » when the registry says a cited line states it, « périmètre
 * approché » otherwise (`perimetreKind`). Named QPV missing from the loaded data are kept
 * in `qpv_non_charges`, with a warning.
 */
export function buildCites(
  inputs: readonly SourceInput<TabularFile>[],
  communes: ReadonlyMap<string, CommunePlace>,
  qpv: QpvForPerimeters,
  outlines: CommuneOutlines,
): TableBuild<RegistreRow> {
  const collected = collectTemplateRows(inputs, CITES_REGISTRE);
  const qpvCodes = new Set(qpv.rows.map((q) => q.code));
  return buildRegistre(collected, communes, (cite, at) => {
    const { matched, unmatched } = matchQpvNames(cite.qpv_noms, cite.communes, qpv.rows);
    const codesNotLoaded = cite.qpv_codes.filter((c) => !qpvCodes.has(c));
    for (const code of codesNotLoaded) collected.warnings.push({ location: { ...at, field: 'qpv_codes', value: code }, reason: 'QPV not in the qpv table: kept, perimeter approached by the communes' });
    for (const name of unmatched) {
      collected.warnings.push({ location: { ...at, field: 'qpv_noms', value: name }, reason: 'no single QPV of this name in the qpv table for these communes: kept, perimeter approached by the communes' });
    }
    const codes = [...new Set([...cite.qpv_codes, ...matched.map((m) => m.code)])];
    const perimetre = perimetreKind({ named: cite.qpv_codes.length + cite.qpv_noms.length, notLoaded: codesNotLoaded.length + unmatched.length, communeEntiere: cite.commune_entiere });
    const perimeter = perimetre === 'qpv' ? qpvPerimeter(codes, qpv.outlines, at) : citePerimeter(cite.communes, outlines, at);
    collected.warnings.push(...perimeter.warnings);
    return {
      annee_labellisation: cite.annee_labellisation,
      perimetre,
      qpv_codes: joinCell(codes),
      qpv_noms: joinCell(cite.qpv_noms),
      qpv_appariements: joinCell(matched.map(formatQpvMatch)),
      qpv_non_charges: joinCell([...codesNotLoaded, ...unmatched]),
      porteur: cite.porteur,
      ...perimeter.columns,
    };
  });
}

/** `pre`: a communal programme, placed at its commune (`PRE_PERIMETRE`). */
export function buildPre(inputs: readonly SourceInput<TabularFile>[], communes: ReadonlyMap<string, CommunePlace>): TableBuild<RegistreRow> {
  return buildRegistre(collectTemplateRows(inputs, PRE_REGISTRE), communes, (pre) => ({ porteur: pre.porteur, perimetre: PRE_PERIMETRE.id }));
}
