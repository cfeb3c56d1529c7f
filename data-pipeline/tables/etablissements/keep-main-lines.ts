import type { RowIssue } from '../../pipeline-error.ts';
import type { FileRow } from './collect-file-rows.ts';

const ANNEXE = /\bannexe\b/i;

/**
 * The annuaire gives some establishments on several lines flagged `multi_uai` (2024) or
 * `etablissement_multi_lignes` (2023): a cité scolaire's collège and lycée, a main site and
 * its annexe. The table keeps one row per UAI: the first line not named as an annexe (else the
 * first line); each other line is a warning.
 */
export function keepMainLines<T extends { nom: string }>(rows: readonly FileRow<T>[]): { rows: FileRow<T>[]; warnings: RowIssue[] } {
  const groups = new Map<string, FileRow<T>[]>();
  for (const row of rows) {
    const group = groups.get(row.uai);
    if (group === undefined) groups.set(row.uai, [row]);
    else group.push(row);
  }
  const kept: FileRow<T>[] = [];
  const warnings: RowIssue[] = [];
  for (const group of groups.values()) {
    const main = group.find((r) => !ANNEXE.test(r.value.nom)) ?? group[0]!;
    kept.push(main);
    for (const other of group) {
      if (other === main) continue;
      warnings.push({
        location: other.location,
        reason: `multi-line establishment: line ${main.location.line} "${main.value.nom}" kept, this line "${other.value.nom}" left out`,
      });
    }
  }
  return { rows: kept, warnings };
}
