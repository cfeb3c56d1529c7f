import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { PipelineError } from './pipeline-error.ts';
import { SOURCE_LAYOUT_IDS, SOURCE_LAYOUTS, SOURCE_TABLES } from './source-layouts.ts';

/** One official file the pipeline reads, declared once (issue "Data pipeline"). */
const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  table: z.enum(SOURCE_TABLES),
  /** Path relative to `data-pipeline/sources/`, or to the folder of `package`. */
  file: z.string().min(1),
  /** npm package that ships the file, pinned in package.json (`npm ci` installs it). */
  package: z
    .string()
    .regex(/^(@[a-z0-9-]+\/)?[a-z0-9.-]+$/, 'an npm package name')
    .optional(),
  /** `xlsx`: the first sheet of a workbook, for the templates people fill (actions, registries). */
  format: z.enum(['geojson', 'csv', 'json', 'xlsx']),
  /** What the file holds: picks the reader's schema and the table builder that uses it. */
  layout: z.enum(SOURCE_LAYOUT_IDS),
  /** EPSG code of the coordinates when the file does not declare it. */
  crs: z.number().int().positive().optional(),
  /** CSV only: text encoding (default: detected) and delimiter (default: detected). */
  encoding: z.enum(['auto', 'utf-8', 'windows-1252']).optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  publisher: z.string().min(1),
  licence: z.string().min(1),
  millesime: z.string().min(1),
  url: z.string().url(),
  notes: z.string().optional(),
  /**
   * SYNTHETIC data (`npm run synthetic:national`), never real: every table it feeds, directly or
   * through `derivedFrom`, says « SYNTHÉTIQUE » in its manifest description.
   */
  synthetic: z.literal(true).optional(),
});

const RegistrySchema = z.object({ sources: z.array(SourceSchema).min(1) });

export type Source = z.infer<typeof SourceSchema>;
export type TableId = Source['table'];
export type SourceLayout = Source['layout'];

export const SOURCES_DIR = path.resolve(import.meta.dirname, 'sources');
export const REGISTRY_FILE = path.join(SOURCES_DIR, 'registry.json');

const require = createRequire(import.meta.url);

/** The source's file as the manifest and `--list` name it: with its package, when one ships it. */
export const sourceFileName = (source: Source) => (source.package === undefined ? source.file : `${source.package}/${source.file}`);

/** Where a source's file is: under `data-pipeline/sources/`, or in the installed package that ships it. */
export function sourcePath(source: Source): string {
  if (source.package === undefined) return path.join(SOURCES_DIR, source.file);
  let manifest: string;
  try {
    manifest = require.resolve(`${source.package}/package.json`);
  } catch (cause) {
    throw new PipelineError({ file: 'registry.json', field: 'package', value: source.package }, `package not installed (run \`npm ci\`): source ${source.id}`, { cause });
  }
  return path.join(path.dirname(manifest), source.file);
}

export async function loadRegistry(file = REGISTRY_FILE): Promise<Source[]> {
  const display = path.relative(process.cwd(), file);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new PipelineError({ file: display }, `cannot read registry (${(cause as Error).message})`, { cause });
  }
  const parsed = RegistrySchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError({ file: display, field: issue.path.join('.') }, issue.message);
  }
  const ids = new Set<string>();
  for (const source of parsed.data.sources) {
    if (ids.has(source.id)) throw new PipelineError({ file: display, field: 'id', value: source.id }, 'duplicate source id');
    const { table } = SOURCE_LAYOUTS[source.layout];
    if (source.table !== table) throw new PipelineError({ file: display, field: 'table', value: source.table }, `layout ${source.layout} feeds table ${table}: source ${source.id}`);
    ids.add(source.id);
  }
  return parsed.data.sources;
}
