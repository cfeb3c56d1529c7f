import { IMPORT_LIMITS, type ImportLimits } from '../../src/domain/import-limits.ts';
import type { Source, SourceLayout } from '../registry.ts';
import { type CsvFile, readCsv } from './read-csv.ts';
import { type GeoJsonFile, readGeoJson } from './read-geojson.ts';
import { type JsonRecordsFile, readJsonRecords } from './read-json-records.ts';
import { readXlsx, type TabularFile } from './read-xlsx.ts';

export type SourceData = { format: 'geojson'; geojson: GeoJsonFile } | { format: 'csv'; csv: CsvFile } | { format: 'json'; json: JsonRecordsFile } | { format: 'xlsx'; xlsx: TabularFile };

export interface SourceInput<D = SourceData> {
  source: Source;
  data: D;
}

/** The files people fill in the actions template get the app's import limits, whatever reads them. */
const limitsOf = (source: Source): ImportLimits | undefined => (source.layout === 'actions-template' ? IMPORT_LIMITS : undefined);

/** Reads one registry source with the reader its format names. */
export async function readSource(source: Source, path: string, display: string): Promise<SourceData> {
  const limits = limitsOf(source);
  switch (source.format) {
    case 'geojson': {
      const geojson = await readGeoJson(path, display);
      return { format: 'geojson', geojson: { ...geojson, epsg: geojson.epsg ?? source.crs ?? null } };
    }
    case 'csv':
      return { format: 'csv', csv: await readCsv(path, display, { encoding: source.encoding ?? 'auto', delimiter: source.delimiter ?? 'auto', ...(limits === undefined ? {} : { limits }) }) };
    case 'json':
      return { format: 'json', json: await readJsonRecords(path, display) };
    case 'xlsx':
      return { format: 'xlsx', xlsx: await readXlsx(path, display, limits) };
  }
}

/** The name a source's file is shown under, and how many records (features, rows) it holds. */
export function describeSourceData(data: SourceData): { file: string; records: number } {
  switch (data.format) {
    case 'geojson':
      return { file: data.geojson.file, records: data.geojson.features.length };
    case 'json':
      return { file: data.json.file, records: data.json.records.length };
    case 'csv':
      return { file: data.csv.file, records: data.csv.rows.length + data.csv.rejected.length };
    case 'xlsx':
      return { file: data.xlsx.file, records: data.xlsx.rows.length + data.xlsx.rejected.length };
  }
}

/** The sources read for a run, looked up by layout. */
export class SourceInputs {
  constructor(private readonly inputs: readonly SourceInput[]) {}

  geojson(layout: SourceLayout): SourceInput<GeoJsonFile>[] {
    return this.inputs.filter((i) => i.source.layout === layout && i.data.format === 'geojson').map((i) => ({ source: i.source, data: (i.data as { geojson: GeoJsonFile }).geojson }));
  }

  json(layout: SourceLayout): SourceInput<JsonRecordsFile>[] {
    return this.inputs.filter((i) => i.source.layout === layout && i.data.format === 'json').map((i) => ({ source: i.source, data: (i.data as { json: JsonRecordsFile }).json }));
  }

  csv(layout: SourceLayout): SourceInput<CsvFile>[] {
    return this.inputs.filter((i) => i.source.layout === layout && i.data.format === 'csv').map((i) => ({ source: i.source, data: (i.data as { csv: CsvFile }).csv }));
  }

  /** CSV files and XLSX sheets alike: the templates people fill accept both. */
  tabular(layout: SourceLayout): SourceInput<TabularFile>[] {
    return this.inputs.flatMap((i) => {
      if (i.source.layout !== layout) return [];
      if (i.data.format === 'csv') return [{ source: i.source, data: i.data.csv }];
      if (i.data.format === 'xlsx') return [{ source: i.source, data: i.data.xlsx }];
      return [];
    });
  }
}
