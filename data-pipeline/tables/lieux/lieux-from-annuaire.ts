import { type Location, PipelineError } from '../../pipeline-error.ts';
import type { CsvFile } from '../../read/read-csv.ts';
import type { SourceInput } from '../../read/read-source.ts';
import { canonicalValues, resolveHeader } from '../etablissements/header-fields.ts';
import type { QpvProximity } from '../etablissements/qpv-proximity.ts';
import { categoryColumns, type CommunePoints, emptyPart, type LieuxPart } from './lieu-fields.ts';
import { ANNUAIRE_LIEU_FIELDS, type AnnuaireLieuField, parseAnnuaireLieuRow } from './parse-annuaire-lieu-row.ts';

export interface AnnuaireContext {
  regionOfDepartement: ReadonlyMap<string, string>;
  communes: CommunePoints;
  proximity: QpvProximity;
}

/**
 * Places of the `lieux-annuaire` files (zero or more): id `<source id>:<id of the row>`.
 * A row with latitude/longitude is placed at its address (and gets its QPV); without them,
 * at its commune's point (precision 'commune'), or nowhere if the commune is not in the
 * territoires (a commune created since their millésime).
 * @throws PipelineError when two lines of a file share an id, naming both.
 */
export function lieuxFromAnnuaire(inputs: readonly SourceInput<CsvFile>[], context: AnnuaireContext): LieuxPart {
  const part = emptyPart();
  for (const { source, data: csv } of inputs) {
    const columns = resolveHeader(csv, ANNUAIRE_LIEU_FIELDS);
    part.rowsIn += csv.rows.length + csv.rejected.length;
    part.rejected.push(...csv.rejected);
    const seen = new Map<string, number>();
    for (const row of csv.rows) {
      const values = canonicalValues(row, columns);
      const at = (field: AnnuaireLieuField, value: unknown): Location => ({ file: csv.file, line: row.line, field: columns[field] ?? field, value });
      const outcome = parseAnnuaireLieuRow(values, context.regionOfDepartement);
      if (!outcome.ok) {
        (outcome.skip === true ? part.warnings : part.rejected).push({ location: at(outcome.field, outcome.value), reason: outcome.reason });
        continue;
      }
      const lieu = outcome.value;
      const first = seen.get(lieu.id);
      if (first !== undefined) throw new PipelineError(at('id', lieu.id), `duplicate lieux key (first seen in ${csv.file} line ${first})`);
      seen.set(lieu.id, row.line);
      const commune = context.communes.get(lieu.commune_code);
      const atCommune = lieu.lon === null && commune !== undefined;
      if (lieu.lon === null && commune === undefined) {
        part.warnings.push({ location: at('commune_code', lieu.commune_code), reason: 'no coordinates and a commune the territoires do not know: kept, not placed on the map' });
      }
      part.rows.push({
        id: `${source.id}:${lieu.id}`,
        nom: lieu.nom,
        ...categoryColumns(lieu.categorie),
        adresse: lieu.adresse,
        commune_code: lieu.commune_code,
        commune_nom: commune?.nom ?? null,
        departement_code: lieu.departement_code,
        region_code: lieu.region_code,
        lon: atCommune ? commune.lon : lieu.lon,
        lat: atCommune ? commune.lat : lieu.lat,
        precision: atCommune ? 'commune' : lieu.lon !== null ? 'adresse' : null,
        code_cv: null,
        ...(lieu.lon !== null ? context.proximity.locate(lieu.lon, lieu.lat) : { qpv_code: null, qpv_300m: null }),
        postes: null,
        annee: lieu.annee,
        source_id: source.id,
      });
      part.locations.push(at('id', lieu.id));
    }
  }
  return part;
}
