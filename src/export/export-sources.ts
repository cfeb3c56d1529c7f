import type { Manifest } from '../data/manifest.ts';
import type { ExportSource } from './csv-fr.ts';

/** The manifest's description of these registry sources, in the order given; unknown ids are skipped. */
export function sourcesById(manifest: Manifest, sourceIds: Iterable<string>): ExportSource[] {
  const all = new Map(manifest.tables.flatMap((t) => t.sources.map((s) => [s.id, s] as const)));
  return [...new Set(sourceIds)].flatMap((id) => {
    const source = all.get(id);
    return source === undefined ? [] : [{ publisher: source.publisher, millesime: source.millesime, licence: source.licence }];
  });
}

/** The ids of every source of these published tables, in table order. */
export function sourceIdsOfTables(manifest: Manifest, tables: readonly string[]): string[] {
  return tables.flatMap((name) => manifest.tables.find((t) => t.name === name)?.sources.map((s) => s.id) ?? []);
}

/** Every source of these published tables, in table order. */
export function sourcesOfTables(manifest: Manifest, tables: readonly string[]): ExportSource[] {
  return sourcesById(manifest, sourceIdsOfTables(manifest, tables));
}
