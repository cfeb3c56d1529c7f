import { z } from 'zod';
import type { RowIssue } from '../../pipeline-error.ts';
import type { JsonRecordsFile } from '../../read/read-json-records.ts';

/** The articles the IGN's 2018 outlines leave out of commune names (« Havre » for « Le Havre »). */
const ARTICLES = ['Le ', 'La ', 'Les ', "L'"];

const CogCommune = z.object({
  code: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'not a commune INSEE code'),
  nom: z.string().trim().min(1),
});

/**
 * The COG's names of the communes by INSEE code: current, delegated and associated communes
 * and municipal arrondissements, so a code can carry several names (a commune nouvelle's
 * chef-lieu is also a commune déléguée). Records that are not a code and a name are rejected.
 */
export function cogNamesByCode(file: JsonRecordsFile, rejected: RowIssue[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const record of file.records) {
    const parsed = CogCommune.safeParse(record.values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      rejected.push({ location: { file: file.file, feature: record.index, field, value: record.values[field] }, reason: issue.message });
      continue;
    }
    const { code, nom } = parsed.data;
    names.set(code, [...(names.get(code) ?? []), nom]);
  }
  return names;
}

/**
 * The IGN name with its article back, when the COG gives this code the same name with one;
 * the IGN name otherwise. Only the article is taken: a commune renamed since 2018 keeps the
 * name of its 2018 outline.
 */
export function withArticle(ignName: string, cogNames: readonly string[] | undefined): string {
  return cogNames?.find((name) => ARTICLES.some((article) => name === article + ignName)) ?? ignName;
}
