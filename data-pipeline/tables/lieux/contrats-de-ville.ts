import { z } from 'zod';
import { diagnoseCoordinate, isSupportedEpsg, toWgs84 } from '../../../geo/index.ts';
import { type Location, PipelineError, type RowIssue } from '../../pipeline-error.ts';
import type { GeoJsonFile } from '../../read/read-geojson.ts';
import type { SourceInput } from '../../read/read-source.ts';

/** A contrat de ville (generation 2015–2023, `CVxxx`) and the ANCT point that stands for it. */
export interface ContratDeVille {
  code: string;
  libelle: string;
  /** SIREN of the EPCI (9 digits), or INSEE code of the commune (5) for a single-commune contract. */
  codgeo: string;
  /** Départements the file gives for it (none for Corsica, two for CV043 on 13 and 84). */
  departements: string[];
  lon: number;
  lat: number;
  location: Location;
}

export interface ContratsDeVille {
  byCode: ReadonlyMap<string, ContratDeVille>;
  rowsIn: number;
  rejected: RowIssue[];
}

const CV_CODE = /^CV\d{3}$/;

const PropertiesSchema = z.object({
  code_cv: z.string().trim().regex(CV_CODE, 'expected a contrat de ville code such as CV001'),
  lib_cv: z.string().trim().min(1, 'empty value'),
  codgeo: z.string().trim().regex(/^(\d{9}|\d{5}|2[AB]\d{3})$/, 'expected an EPCI SIREN (9 digits) or an INSEE commune code'),
  insee_dep: z.string().trim().nullish(),
});

const PointSchema = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) });

/**
 * The points of `geom_cv_ctr.json` (layout `contrats-de-ville-points`), by contrat de ville.
 * A code given twice at the same point (CV043, once per département) is one contract with
 * both départements; twice at different points, the second feature is rejected.
 * Points are kept as published: the DROM ones sit at the basemap's inset positions, which
 * `placeStructure` recognises and does not publish.
 */
export function readContratsDeVille(inputs: readonly SourceInput<GeoJsonFile>[]): ContratsDeVille {
  const byCode = new Map<string, ContratDeVille>();
  const rejected: RowIssue[] = [];
  let rowsIn = 0;
  for (const { source, data: file } of inputs) {
    const epsg = file.epsg ?? source.crs ?? 4326;
    if (!isSupportedEpsg(epsg)) throw new PipelineError({ file: file.file, field: 'crs', value: epsg }, `unsupported CRS EPSG:${epsg}`);
    for (const feature of file.features) {
      rowsIn += 1;
      const at = (field?: string, value?: unknown): Location => ({ file: file.file, feature: feature.index, ...(field === undefined ? {} : { field, value }) });
      const properties = PropertiesSchema.safeParse(feature.properties);
      if (!properties.success) {
        const field = String(properties.error.issues[0]!.path[0] ?? '');
        rejected.push({ location: at(field, feature.properties[field]), reason: properties.error.issues[0]!.message });
        continue;
      }
      const point = PointSchema.safeParse(feature.geometry);
      if (!point.success) {
        rejected.push({ location: at('geometry'), reason: 'expected a Point geometry with numeric coordinates' });
        continue;
      }
      const [lon, lat] = toWgs84(point.data.coordinates[0], point.data.coordinates[1], epsg);
      const diagnosis = diagnoseCoordinate(lon, lat);
      if (diagnosis !== 'ok') {
        rejected.push({ location: at('geometry', `${lon}, ${lat}`), reason: `point not in France (${diagnosis})` });
        continue;
      }
      const p = properties.data;
      const departement = p.insee_dep === null || p.insee_dep === undefined || p.insee_dep === '' ? null : p.insee_dep;
      const known = byCode.get(p.code_cv);
      if (known === undefined) {
        byCode.set(p.code_cv, { code: p.code_cv, libelle: p.lib_cv, codgeo: p.codgeo, departements: departement === null ? [] : [departement], lon, lat, location: at('code_cv', p.code_cv) });
      } else if (known.lon === lon && known.lat === lat) {
        if (departement !== null && !known.departements.includes(departement)) known.departements.push(departement);
      } else {
        rejected.push({ location: at('code_cv', p.code_cv), reason: `contrat de ville given twice at different points (first: ${formatWhere(known.location)})` });
      }
    }
  }
  return { byCode, rowsIn, rejected };
}

const formatWhere = (l: Location) => `${l.file}${l.feature === undefined ? '' : ` feature ${l.feature}`}`;
