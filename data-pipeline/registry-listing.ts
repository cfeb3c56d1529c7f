import { type Source, sourceFileName } from './registry.ts';
import { SOURCE_LAYOUT_IDS, SOURCE_LAYOUTS } from './source-layouts.ts';

/**
 * What `--list` prints: one `<source-id> <table> <file>` line per registry source, in registry
 * order; then, after an empty line, every layout the registry accepts, so that staff holding a
 * downloaded file can find the layout to declare it with (docs/mise-a-jour.md).
 */
export function registryListing(sources: readonly Source[]): string[] {
  const width = Math.max(...SOURCE_LAYOUT_IDS.map((id) => id.length));
  return [
    ...sources.map((s) => `${s.id} ${s.table} ${sourceFileName(s)}`),
    '',
    'layouts (registry "layout" → table: what the file holds; where to get it):',
    ...SOURCE_LAYOUT_IDS.map((id) => {
      const { table, description, origin } = SOURCE_LAYOUTS[id];
      return `  ${id.padEnd(width)} → ${table}: ${description}; ${origin}`;
    }),
  ];
}
