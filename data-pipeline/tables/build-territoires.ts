import { z } from 'zod';
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex } from '../../geo/index.ts';
import { type Footprint, normaliseGeometry, repairWarning, type SimplifyOptions } from '../normalise-geometry.ts';
import type { Location, RowIssue } from '../pipeline-error.ts';
import type { GeoJsonFile } from '../read/read-geojson.ts';
import type { JsonRecordsFile } from '../read/read-json-records.ts';
import { footprintColumns, type TableBuild } from '../table-build.ts';
import { ACADEMIE_FIELDS, academieProperties, withoutPartsOutsideFrance } from './academie-source.ts';
import { cogNamesByCode, withArticle } from './territoires/commune-articles.ts';
import type { Niveau } from '../../src/domain/table-layouts.ts';

export type TerritoireRow = Record<string, string | number | null> & { niveau: Niveau; code: string; nom: string };

/** Levels read from outline files here (contrats de ville: `territoires/contrats-de-ville-territoires.ts`). */
type OutlineNiveau = Exclude<Niveau, 'contrat_de_ville'>;

/** Communes and their unsimplified geometry, to locate QPV whose file gives no INSEE code. */
export interface CommuneGeometries {
  codes: string[];
  names: string[];
  index: PolygonIndex;
  /** The same unsimplified geometries by INSEE code (Cité perimeters are their unions). */
  outlines: ReadonlyMap<string, Polygon | MultiPolygon>;
}

const CODE_PATTERNS: Record<OutlineNiveau, RegExp> = {
  region: /^\d{2}$/,
  departement: /^(\d{2}|2A|2B|97\d)$/,
  commune: /^(\d{5}|2[AB]\d{3})$/,
  academie: /^\d{2}$/,
};

// Basemap outlines are for national and regional zoom (~400 m is under a pixel at zoom 8);
// they are parsed on the first paint's critical path, so every vertex counts.
const SIMPLIFY: Record<OutlineNiveau, SimplifyOptions> = {
  region: { toleranceDeg: 0.005, decimals: 3 },
  departement: { toleranceDeg: 0.004, decimals: 3 },
  commune: { toleranceDeg: 0.0005, decimals: 4 },
  academie: { toleranceDeg: 0.004, decimals: 3 },
};

const propertiesSchema = (niveau: OutlineNiveau) =>
  z.object({
    code: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().regex(CODE_PATTERNS[niveau], `not a ${niveau} INSEE code`)),
    nom: z.string().trim().min(1),
    region_code: z.string().trim().regex(/^\d{2}$/, 'not a région INSEE code').optional(),
  });

// Built once: zod compiles a schema on creation, far too slow to repeat for 35,000 communes.
const PROPERTIES_SCHEMAS: Record<OutlineNiveau, ReturnType<typeof propertiesSchema>> = {
  region: propertiesSchema('region'),
  departement: propertiesSchema('departement'),
  commune: propertiesSchema('commune'),
  academie: propertiesSchema('academie'),
};

export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * Régions, départements and communes in one long table. A département's région is found by
 * point-in-polygon (the IGN files carry no parent code); a commune's département is its code
 * prefix. Commune geometry is not published (too heavy for the first paint): bbox and point are.
 */
export type TerritoiresBuild = TableBuild<TerritoireRow> & {
  communes: CommuneGeometries;
  /** Départements and their unsimplified geometry, to check where points stated in one lie. */
  departements: { codes: string[]; index: PolygonIndex };
  regionOfDepartement: Map<string, string>;
  /** Simplified commune outlines, published as `contours_communes`. */
  contours: TableBuild<{ code: string; geometry: string }>;
};

export function buildTerritoires(files: {
  regions: GeoJsonFile;
  departements: GeoJsonFile;
  communes: GeoJsonFile;
  /** The COG's names of the communes: their articles, which the IGN outlines leave out. */
  communeNames?: JsonRecordsFile;
  academies?: GeoJsonFile;
}): TerritoiresBuild {
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const rows: TerritoireRow[] = [];
  const locations: Location[] = [];

  const read = (niveau: OutlineNiveau, file: GeoJsonFile) => {
    const out: { code: string; nom: string; region_code?: string; raw: Polygon | MultiPolygon; footprint: Footprint; at: Location }[] = [];
    for (const feature of file.features) {
      const parsed = PROPERTIES_SCHEMAS[niveau].safeParse(niveau === 'academie' ? academieProperties(feature.properties) : feature.properties);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const key = String(issue.path[0] ?? '');
        const field = niveau === 'academie' ? (ACADEMIE_FIELDS[key] ?? key) : key;
        rejected.push({ location: { file: file.file, feature: feature.index, field, value: feature.properties[field] }, reason: issue.message });
        continue;
      }
      const at = { file: file.file, feature: feature.index };
      const kept = niveau === 'academie' ? withoutPartsOutsideFrance(feature.geometry) : { geometry: feature.geometry, dropped: 0 };
      if (kept.dropped > 0) warnings.push({ location: { ...at, field: 'geometry' }, reason: `${kept.dropped} part(s) outside métropole and DROM left out (Saint-Pierre-et-Miquelon…)` });
      const footprint = normaliseGeometry(kept.geometry, file.epsg, SIMPLIFY[niveau]);
      if ('problem' in footprint) {
        rejected.push({ location: { file: file.file, feature: feature.index, field: 'geometry' }, reason: footprint.problem });
        continue;
      }
      const repaired = repairWarning(footprint, { ...at, field: niveau === 'academie' ? ACADEMIE_FIELDS.code : 'code', value: parsed.data.code });
      if (repaired !== null) warnings.push(repaired);
      out.push({ ...parsed.data, raw: kept.geometry as Polygon | MultiPolygon, footprint, at });
    }
    return out;
  };

  const regions = read('region', files.regions);
  for (const r of regions) {
    locations.push(r.at);
    rows.push({ niveau: 'region', code: r.code, nom: r.nom, departement_code: null, region_code: r.code, ...footprintColumns(r.footprint) });
  }

  const regionIndex = new PolygonIndex(regions.map((r) => r.raw));
  const regionOfDepartement = new Map<string, string>();
  const departements: { code: string; raw: Polygon | MultiPolygon }[] = [];
  for (const d of read('departement', files.departements)) {
    const hits = regionIndex.containing(...d.footprint.point);
    const region = regions[hits[0] ?? -1];
    if (region === undefined) {
      rejected.push({ location: { file: files.departements.file, field: 'code', value: d.code }, reason: 'département lies in no région of the régions file' });
      continue;
    }
    regionOfDepartement.set(d.code, region.code);
    departements.push(d);
    locations.push(d.at);
    rows.push({ niveau: 'departement', code: d.code, nom: d.nom, departement_code: d.code, region_code: region.code, ...footprintColumns(d.footprint) });
  }

  const communes = read('commune', files.communes);
  const cogNames = files.communeNames === undefined ? new Map<string, string[]>() : cogNamesByCode(files.communeNames, rejected);
  for (const c of communes) c.nom = withArticle(c.nom, cogNames.get(c.code));
  const kept: typeof communes = [];
  const contours: TerritoiresBuild['contours'] = { rows: [], locations: [], rowsIn: files.communes.features.length, rejected: [], warnings: [] };
  for (const c of communes) {
    const departement = departementOfCommune(c.code);
    const region = regionOfDepartement.get(departement);
    if (region === undefined) {
      rejected.push({ location: { file: files.communes.file, field: 'code', value: c.code }, reason: `unknown département ${departement}` });
      continue;
    }
    kept.push(c);
    locations.push(c.at);
    contours.rows.push({ code: c.code, geometry: JSON.stringify(c.footprint.geometry) });
    contours.locations.push(c.at);
    rows.push({ niveau: 'commune', code: c.code, nom: c.nom, departement_code: departement, region_code: region, ...footprintColumns(c.footprint, false) });
  }

  // Académies, like départements, for regional zoom; their région is the file's own (INSEE 2016 codes, those of COG 2018).
  const regionCodes = new Set(regions.map((r) => r.code));
  for (const a of files.academies === undefined ? [] : read('academie', files.academies)) {
    if (!regionCodes.has(a.region_code!)) {
      rejected.push({ location: { ...a.at, field: 'code_region_2016', value: a.region_code }, reason: 'académie in no région of the régions file' });
      continue;
    }
    locations.push(a.at);
    rows.push({ niveau: 'academie', code: a.code, nom: a.nom, departement_code: null, region_code: a.region_code!, ...footprintColumns(a.footprint) });
  }

  const rowsIn = files.regions.features.length + files.departements.features.length + files.communes.features.length + (files.academies?.features.length ?? 0);
  return {
    regionOfDepartement,
    departements: { codes: departements.map((d) => d.code), index: new PolygonIndex(departements.map((d) => d.raw)) },
    contours,
    rows,
    locations,
    rowsIn,
    rejected,
    warnings,
    communes: {
      codes: kept.map((c) => c.code),
      names: kept.map((c) => c.nom),
      index: new PolygonIndex(kept.map((c) => c.raw)),
      outlines: new Map(kept.map((c) => [c.code, c.raw])),
    },
  };
}
