import { isEpReseau } from '../../src/domain/education-prioritaire.ts';
import { type EpChange, type IndicatorChange, indicatorMove, REPORT_LIST_LIMIT, type RefreshReport } from '../../src/domain/refresh-report.ts';
import { compareLatestFirst, type IndicatorYears } from '../../src/domain/latest-indicators.ts';
import type { PublishedRows } from './published-rows.ts';

/** The published tables of one run the highlights read (absent: not published or unreadable). */
export type RunTables = ReadonlyMap<string, PublishedRows>;

/** The rows of a table as records of the named columns (null values where a column is missing). */
function records<C extends string>(table: PublishedRows | undefined, columns: readonly C[]): Map<string, Record<C, unknown>> {
  const out = new Map<string, Record<C, unknown>>();
  if (table === undefined) return out;
  const at = columns.map((c) => table.columns.indexOf(c));
  for (const [key, values] of table.rows) out.set(key, Object.fromEntries(columns.map((c, i) => [c, at[i] === -1 ? null : values[at[i]!]])) as Record<C, unknown>);
  return out;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const limited = <T>(items: readonly T[]) => ({ total: items.length, items: items.slice(0, REPORT_LIST_LIMIT) });

/** Schools that entered or left REP / REP+ (an added or removed school counts when it is in one). */
export function epChanges(before: RunTables, after: RunTables): RefreshReport['highlights']['education_prioritaire'] {
  const columns = ['uai', 'nom', 'commune_nom', 'ep'] as const;
  const [old, now] = [records(before.get('etablissements'), columns), records(after.get('etablissements'), columns)];
  // A first run, or an etablissements table that could not be read before: nothing to say.
  if (old.size === 0) return limited([]);
  const changes: EpChange[] = [];
  for (const uai of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const [b, a] = [old.get(uai), now.get(uai)];
    const [from, to] = [b === undefined ? null : text(b.ep), a === undefined ? null : text(a.ep)];
    if (from === to || !(isEpReseau(from) || isEpReseau(to))) continue;
    const row = (a ?? b)!;
    changes.push({ uai, nom: text(row.nom), commune: text(row.commune_nom), from, to });
  }
  return limited(changes);
}

/**
 * QPV indicators that moved past the threshold (`indicatorMove`), comparing for each QPV and
 * indicator the value the app shows of each run (`compareLatestFirst`) (a new INSEE edition replaces
 * rows, keyed by year, that are still the same indicator). Only QPV and indicators both runs
 * published are compared; the rows added or removed are counted in the table's changes.
 */
export function indicatorChanges(before: RunTables, after: RunTables): RefreshReport['highlights']['indicateurs'] {
  const latest = (tables: RunTables) => {
    const out = new Map<string, IndicatorYears & { valeur: number | null; statut: string }>();
    for (const r of records(tables.get('indicateurs'), ['territoire_code', 'niveau', 'indicateur', 'annee', 'annee_observee', 'source_id', 'valeur', 'statut'] as const).values()) {
      if (r.niveau !== 'qpv') continue;
      const key = `${text(r.territoire_code)}\u0000${text(r.indicateur)}`;
      // Data published before annee_observee existed read as null: the edition decides.
      const row = { annee: Number(r.annee), annee_observee: r.annee_observee === null ? null : Number(r.annee_observee), source_id: text(r.source_id), valeur: typeof r.valeur === 'number' ? r.valeur : null, statut: text(r.statut) };
      const kept = out.get(key);
      if (kept === undefined || compareLatestFirst(row, kept) < 0) out.set(key, row);
    }
    return out;
  };
  const [old, now] = [latest(before), latest(after)];
  const meta = new Map([...records(before.get('indicateurs_meta'), ['indicateur', 'libelle', 'type_valeur'] as const), ...records(after.get('indicateurs_meta'), ['indicateur', 'libelle', 'type_valeur'] as const)]);
  const names = new Map([...records(before.get('qpv'), ['nom'] as const), ...records(after.get('qpv'), ['nom'] as const)]);
  const changes: IndicatorChange[] = [];
  for (const key of [...now.keys()].sort()) {
    const [b, a] = [old.get(key), now.get(key)!];
    if (b === undefined) continue;
    const [code, indicateur] = key.split('\u0000') as [string, string];
    const move = indicatorMove(b, a, text(meta.get(indicateur)?.type_valeur));
    if (move === null) continue;
    changes.push({ qpv_code: code, qpv_nom: text(names.get(code)?.nom) || code, indicateur, libelle: text(meta.get(indicateur)?.libelle) || indicateur, move });
  }
  return limited(changes);
}
