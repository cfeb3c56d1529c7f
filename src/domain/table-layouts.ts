/**
 * Column layouts of the published tables: the contract between the pipeline (which writes
 * Arrow IPC files) and the app (which loads them into DuckDB-WASM). Pure data, no runtime
 * dependency, imported by both sides.
 */

export type ColumnType = 'utf8' | 'float64' | 'int32';

export interface ColumnLayout {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly description: string;
}

export interface TableLayout {
  readonly name: TableName;
  readonly description: string;
  readonly key: readonly string[];
  readonly columns: readonly ColumnLayout[];
}

export type TableName = 'qpv' | 'territoires';

const col = (name: string, type: ColumnType, description: string, nullable = false): ColumnLayout => ({
  name,
  type,
  nullable,
  description,
});

/** Columns every table with a footprint carries: a point inside it, its bbox, its geometry. */
const footprintColumns = (geometryNullable: boolean): ColumnLayout[] => [
  col('lon', 'float64', 'longitude WGS84 of a point guaranteed inside the geometry'),
  col('lat', 'float64', 'latitude WGS84 of that point'),
  col('xmin', 'float64', 'bounding box, WGS84'),
  col('ymin', 'float64', 'bounding box, WGS84'),
  col('xmax', 'float64', 'bounding box, WGS84'),
  col('ymax', 'float64', 'bounding box, WGS84'),
  col('geometry', 'utf8', 'GeoJSON geometry (Polygon or MultiPolygon), simplified for the web', geometryNullable),
];

export const QPV_LAYOUT: TableLayout = {
  name: 'qpv',
  description: 'Quartiers prioritaires de la politique de la ville (2015 and 2024 generations)',
  key: ['code'],
  columns: [
    col('code', 'utf8', 'QPV code: QP + 6 digits (2015) or QN + 7 digits (2024)'),
    col('nom', 'utf8', 'QPV name'),
    col('generation', 'utf8', "'2015' or '2024'"),
    col('commune_code', 'utf8', 'INSEE code of the main commune (COG of the commune source)'),
    col('commune_nom', 'utf8', 'name of the main commune'),
    col('communes_libelle', 'utf8', 'communes as published with the QPV (may list several)'),
    col('departement_code', 'utf8', 'INSEE code of the département'),
    col('region_code', 'utf8', 'INSEE code of the région'),
    col('source_id', 'utf8', 'id of the registry source the row comes from'),
    ...footprintColumns(false),
  ],
};

export const TERRITOIRES_LAYOUT: TableLayout = {
  name: 'territoires',
  description: 'Régions, départements and communes (IGN Admin Express)',
  key: ['niveau', 'code'],
  columns: [
    col('niveau', 'utf8', "'region', 'departement' or 'commune'"),
    col('code', 'utf8', 'INSEE code (région 2 chars, département 2–3, commune 5)'),
    col('nom', 'utf8', 'name'),
    col('departement_code', 'utf8', 'département of a commune or of itself', true),
    col('region_code', 'utf8', 'région it belongs to (itself for a région)'),
    ...footprintColumns(true),
  ],
};

/** Every published table, in load order (the map needs `territoires` and `qpv` first). */
export const TABLE_LAYOUTS: readonly TableLayout[] = [TERRITOIRES_LAYOUT, QPV_LAYOUT];

export const NIVEAUX = ['region', 'departement', 'commune'] as const;
export type Niveau = (typeof NIVEAUX)[number];
