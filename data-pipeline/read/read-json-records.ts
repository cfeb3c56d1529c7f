import { readFile } from 'node:fs/promises';
import { PipelineError } from '../pipeline-error.ts';
import { parseJsonText } from './parse-json-text.ts';

/** One object of a JSON array, with its 0-based position (errors name it `record N`). */
export interface JsonRecord {
  index: number;
  values: Record<string, unknown>;
}

export interface JsonRecordsFile {
  file: string;
  records: JsonRecord[];
}

/**
 * Reads a JSON array of flat objects, as the ANCT publishes its politique-de-la-ville
 * datasets (adultes-relais, FONJEP). Syntax errors are located like the GeoJSON reader's.
 */
export async function readJsonRecords(path: string, file: string): Promise<JsonRecordsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new PipelineError({ file }, `cannot read file (${(cause as Error).message})`, { cause });
  }
  const doc = parseJsonText(text, file);
  if (!Array.isArray(doc)) throw new PipelineError({ file, line: 1 }, 'expected a JSON array of records');
  const records = doc.map((value: unknown, index: number) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PipelineError({ file, feature: index }, 'expected an object');
    }
    return { index, values: value as Record<string, unknown> };
  });
  return { file, records };
}
