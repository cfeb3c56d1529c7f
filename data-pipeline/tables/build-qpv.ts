import { foldText } from '../../src/domain/fold-text.ts';
import { normaliseGeometry, repairWarning, type SimplifyOptions } from '../normalise-geometry.ts';
import type { Location, RowIssue } from '../pipeline-error.ts';
import type { GeoJsonFile } from '../read/read-geojson.ts';
import type { SourceInput } from '../read/read-source.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex, reprojectGeometry } from '../../geo/index.ts';
import { footprintColumns, type TableBuild } from '../table-build.ts';
import { type CommuneGeometries, departementOfCommune } from './build-territoires.ts';
import { lowerCaseKeys, normaliseInseeCommune, QpvPropertiesSchema } from './qpv-properties.ts';

export type QpvRow = Record<string, string | number | null> & { code: string };

/**
 * The QPV table and their source geometry (unsimplified), indexed for spatial joins.
 * `sources[i]` is the source geometry of `rows[i]` with its CRS, to publish it again with
 * more detail when the simplified outline disagrees with the joins (`fitQpvOutlines`).
 */
export type QpvBuild = TableBuild<QpvRow> & {
  geometries: { codes: string[]; index: PolygonIndex };
  sources: { geometry: Polygon | MultiPolygon; epsg: number | null }[];
};

/** QPV are small (a few hundred metres): keep ~5 m of detail (`fitQpvOutlines` may keep more). */
export const QPV_SIMPLIFY: SimplifyOptions = { toleranceDeg: 0.00005, decimals: 5 };


/**
 * QPV of one or more files (2015 or 2024 layout). When a file gives no INSEE commune code
 * (Résovilles' Ille-et-Vilaine file gives only a name), the commune is found by
 * point-in-polygon, and a name that disagrees with it is a warning.
 */
export function buildQpv(
  inputs: SourceInput<GeoJsonFile>[],
  communes: CommuneGeometries,
  regionOfDepartement: ReadonlyMap<string, string>,
): QpvBuild {
  const rows: QpvRow[] = [];
  const locations: Location[] = [];
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  let rowsIn = 0;

  const raw: (Polygon | MultiPolygon)[] = [];
  const sources: QpvBuild['sources'] = [];
  for (const { source, data: file } of inputs) {
    for (const feature of file.features) {
      rowsIn += 1;
      const at = { file: file.file, feature: feature.index };
      const properties = lowerCaseKeys(feature.properties);
      const parsed = QpvPropertiesSchema.safeParse(properties);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        rejected.push({ location: { ...at, field, value: properties[field] }, reason: issue.message });
        continue;
      }
      const p = parsed.data;
      const epsg = file.epsg ?? source.crs ?? null;
      const footprint = normaliseGeometry(feature.geometry, epsg, QPV_SIMPLIFY);
      if ('problem' in footprint) {
        rejected.push({ location: { ...at, field: 'geometry' }, reason: footprint.problem });
        continue;
      }

      const located = communes.index.containing(...footprint.point)[0];
      const declared = p.code_commune ?? p.insee_com;
      const communeCode = declared !== undefined ? normaliseInseeCommune(declared) : located !== undefined ? communes.codes[located]! : undefined;
      if (communeCode === undefined) {
        rejected.push({ location: { ...at, field: 'commune_qp', value: p.commune_qp }, reason: 'no INSEE code given and the QPV lies in no known commune' });
        continue;
      }
      const communeIndex = communes.codes.indexOf(communeCode);
      const communeNom = communes.names[communeIndex] ?? p.nom_commune ?? p.lib_com ?? p.commune_qp ?? communeCode;
      const libelle = p.commune_qp ?? p.lib_com ?? p.nom_commune ?? communeNom;
      if (declared === undefined && !foldText(libelle).includes(foldText(communeNom))) {
        warnings.push({ location: { ...at, field: 'commune_qp', value: libelle }, reason: `QPV lies in ${communeNom} (${communeCode})` });
      }
      const departement = p.code_departement ?? p.insee_dep ?? departementOfCommune(communeCode);
      const region = regionOfDepartement.get(departement);
      if (region === undefined) {
        rejected.push({ location: { ...at, field: 'code_departement', value: departement }, reason: 'unknown département' });
        continue;
      }
      const repaired = repairWarning(footprint, { ...at, field: 'code_qp', value: p.code_qp });
      if (repaired !== null) warnings.push(repaired);
      locations.push(at);
      // The joins test points in WGS84: index the source outline in WGS84 too, unsimplified.
      raw.push(epsg !== null && epsg !== 4326 ? reprojectGeometry(feature.geometry as Polygon | MultiPolygon, epsg) : (feature.geometry as Polygon | MultiPolygon));
      sources.push({ geometry: feature.geometry as Polygon | MultiPolygon, epsg });
      rows.push({
        code: p.code_qp,
        nom: (p.nom_qp ?? p.lib_qp)!,
        generation: p.code_qp.startsWith('QN') ? '2024' : '2015',
        commune_code: communeCode,
        commune_nom: communeNom,
        communes_libelle: libelle,
        departement_code: departement,
        region_code: region,
        source_id: source.id,
        ...footprintColumns(footprint),
      });
    }
  }
  return { rows, locations, rowsIn, rejected, warnings, geometries: { codes: rows.map((r) => r.code), index: new PolygonIndex(raw) }, sources };
}
