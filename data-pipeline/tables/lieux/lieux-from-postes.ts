import type { LieuCategorieId } from '../../../src/domain/lieu-categories.ts';
import type { Location } from '../../pipeline-error.ts';
import type { JsonRecordsFile } from '../../read/read-json-records.ts';
import type { SourceInput } from '../../read/read-source.ts';
import { categoriseStructure, foldName } from './categorise-structure.ts';
import { categoryColumns, emptyPart, type LieuRow, type LieuxPart } from './lieu-fields.ts';
import { parsePosteRecord } from './parse-poste-record.ts';
import { type PlaceContext, placeStructure, type StructurePlace } from './place-structure.ts';

/** How the posts of one layout become places. */
export interface PostesKind {
  /** First part of the published ids. */
  prefix: string;
  fallback: LieuCategorieId;
  /** The structure part of the id: the SIRET as is; a name folded (FONJEP names the structure). */
  structureKey(codeTiers: string): string;
}

export const ADULTES_RELAIS: PostesKind = { prefix: 'adulte-relais', fallback: 'association_adulte_relais', structureKey: (s) => s };
export const FONJEP: PostesKind = {
  prefix: 'fonjep',
  fallback: 'association_fonjep',
  // « CROIX-ROUGE FRANÇAISE » and « CROIX ROUGE FRANCAISE » are one structure.
  structureKey: (s) => foldName(s).toLowerCase().replaceAll(' ', '-'),
};

interface Group {
  row: LieuRow;
  location: Location;
  place: StructurePlace;
}

/**
 * One place per structure and contrat de ville (same `code_tiers` + `code_cv`; same
 * `code_tiers` + département for posts attached to no contract), with its number of posts,
 * at the contract's point (`placeStructure`). The name and département are the first post's.
 * Bad posts are rejected (file, record, field); out-of-scope ones are warnings.
 */
export function lieuxFromPostes(inputs: readonly SourceInput<JsonRecordsFile>[], kind: PostesKind, context: PlaceContext): LieuxPart {
  const part = emptyPart();
  for (const { source, data: file } of inputs) {
    const groups = new Map<string, Group>();
    for (const record of file.records) {
      part.rowsIn += 1;
      const at = (field: string, value: unknown): Location => ({ file: file.file, feature: record.index, field, value });
      const parsed = parsePosteRecord(record.values);
      if (!parsed.ok) {
        part.rejected.push({ location: at(parsed.field, parsed.value), reason: parsed.reason });
        continue;
      }
      const poste = parsed.value;
      const placed = placeStructure(poste.codesCv, poste.departement, context);
      if (!placed.ok) {
        (placed.skip === true ? part.warnings : part.rejected).push({ location: at(placed.field, placed.value), reason: placed.reason });
        continue;
      }
      const id = `${kind.prefix}:${kind.structureKey(poste.codeTiers)}:${poste.codesCv.length > 0 ? poste.codesCv.join('+') : `dep-${placed.value.departement_code}`}`;
      const group = groups.get(id);
      if (group !== undefined) {
        group.row.postes! += 1;
        group.row.annee = Math.max(group.row.annee!, poste.annee);
        if (group.place.departement_code !== placed.value.departement_code) {
          part.warnings.push({ location: at('insee_dep', placed.value.departement_code), reason: `same structure and contrat de ville as ${id}, in another département: counted there (${group.place.departement_code})` });
        }
        continue;
      }
      const { unplaced, ...place } = placed.value;
      const row: LieuRow = {
        id,
        nom: poste.raisonSociale,
        ...categoryColumns(categoriseStructure(poste.raisonSociale, kind.fallback)),
        adresse: null,
        commune_code: null,
        commune_nom: null,
        ...place,
        qpv_code: null,
        qpv_300m: null,
        postes: 1,
        annee: poste.annee,
        source_id: source.id,
      };
      groups.set(id, { row, location: at('code_tiers', poste.codeTiers), place: placed.value });
      if (unplaced !== null) part.warnings.push({ location: at('code_cv', place.code_cv), reason: unplaced });
    }
    for (const { row, location } of groups.values()) {
      part.rows.push(row);
      part.locations.push(location);
    }
  }
  return part;
}
