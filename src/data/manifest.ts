import { z } from 'zod';

/** `public/data/manifest.json`, validated where it enters the app (STYLE.md §4). */
const ManifestSourceSchema = z.object({
  id: z.string(),
  file: z.string(),
  publisher: z.string(),
  licence: z.string(),
  millesime: z.string(),
  url: z.string(),
  checksum: z.string(),
  records: z.number(),
});

const ManifestTableSchema = z.object({
  name: z.string(),
  description: z.string(),
  file: z.string(),
  format: z.literal('arrow-ipc-stream'),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  checksum: z.string(),
  warnings: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  built_at: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string(), nullable: z.boolean(), description: z.string() })),
  sources: z.array(ManifestSourceSchema),
});

export const ManifestSchema = z.object({
  schema_version: z.literal(1),
  built_at: z.string(),
  tables: z.array(ManifestTableSchema),
  /** The refresh report written beside the manifest (absent from data built before it existed). */
  refresh_report: z.object({ file: z.string(), bytes: z.number().int().nonnegative(), checksum: z.string() }).optional(),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestTable = z.infer<typeof ManifestTableSchema>;
