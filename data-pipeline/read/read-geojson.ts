import { readFile } from 'node:fs/promises';
import { epsgFromGeoJsonCrs } from '../../geo/index.ts';
import { PipelineError } from '../pipeline-error.ts';
import { parseJsonText } from './parse-json-text.ts';

export interface RawFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export interface GeoJsonFile {
  file: string;
  /** EPSG code declared by the file's `crs` member, or null when it declares none. */
  epsg: number | null;
  features: RawFeature[];
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature, as some official files are).
 * Syntax errors, truncation included, are reported with line and column.
 */
export async function readGeoJson(file: string, displayName = file): Promise<GeoJsonFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new PipelineError({ file: displayName }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  const doc = parseJsonText(text, displayName);
  if (!isObject(doc)) throw new PipelineError({ file: displayName, line: 1 }, 'not a GeoJSON object');
  const epsg = readCrs(doc, displayName);
  if (doc.type === 'Feature') return { file: displayName, epsg, features: [toRawFeature(doc, 0, displayName)] };
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new PipelineError({ file: displayName, field: 'type', value: doc.type }, 'expected a GeoJSON FeatureCollection');
  }
  const features = doc.features.map((f: unknown, i: number) => toRawFeature(f, i, displayName));
  return { file: displayName, epsg, features };
}

function readCrs(doc: Record<string, unknown>, file: string): number | null {
  try {
    return epsgFromGeoJsonCrs(doc.crs);
  } catch (cause) {
    throw new PipelineError({ file, field: 'crs', value: doc.crs }, `unsupported CRS (${(cause as Error).message})`, { cause });
  }
}

function toRawFeature(value: unknown, index: number, file: string): RawFeature {
  if (!isObject(value) || value.type !== 'Feature') {
    throw new PipelineError({ file, feature: index, field: 'type' }, 'expected a GeoJSON Feature');
  }
  const properties = isObject(value.properties) ? value.properties : {};
  return { index, properties, geometry: value.geometry };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
