import { epLabel } from '../domain/education-prioritaire.ts';
import type { IndicatorMove, RefreshReport, SourceChange, TableChange } from '../domain/refresh-report.ts';

/** Items of each highlight shown in the panel; the rest are counted. */
export const SHOWN_ITEMS = 20;

export interface RefreshReportView {
  /** « Mise à jour du 7 décembre 2026 à 17:05 ». */
  title: string;
  /** What the run was compared with, or that it was the first. */
  comparison: string;
  sources: { id: string; publisher: string; millesime: string; status: string | null; file: string }[];
  /** Tables with changes, each in one sentence; then the names of the others. */
  tables: { name: string; text: string }[];
  unchanged: string | null;
  ep: Highlight | null;
  indicateurs: Highlight | null;
  warnings: string;
}

export interface Highlight {
  title: string;
  /** How the list was drawn up (the threshold), when it says more than the title. */
  note: string | null;
  items: string[];
  /** « … et 12 autres (voir refresh-report.json) », when more than shown. */
  more: string | null;
}

const number = new Intl.NumberFormat('fr-FR');
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** `n` with its noun, singular up to 1 (the French rule): « 0 ligne ajoutée », « 2 lignes ajoutées ». */
export const counted = (n: number, singular: string, plural: string) => `${number.format(n)} ${n > 1 ? plural : singular}`;

const SOURCE_STATUS: Record<SourceChange['status'], string> = {
  new: 'nouvelle source',
  changed: 'fichier modifié',
  unchanged: 'inchangée',
  dropped: 'retirée',
};

const MOVES: Record<IndicatorMove, string> = {
  hausse: 'en hausse',
  baisse: 'en baisse',
  masque: 'désormais masqué (secret statistique)',
  publie: 'de nouveau publié',
  retire: 'n’est plus disponible',
  disponible: 'désormais disponible',
};

function tableText(t: TableChange): string | null {
  const rows = (n: number | null) => counted(n ?? 0, 'ligne', 'lignes');
  switch (t.status) {
    case 'new':
      return `nouvelle table, ${rows(t.rows)}`;
    case 'dropped':
      return `n’est plus publiée (elle comptait ${rows(t.previous_rows)})`;
    case 'not_compared':
      return `non comparée : le fichier précédent ne correspondait pas à son manifeste ; ${rows(t.rows)}`;
    case 'compared': {
      const columns = Object.keys(t.changed_columns);
      const layout = [...t.new_columns.map((c) => `nouvelle colonne ${c}`), ...t.dropped_columns.map((c) => `colonne ${c} retirée`)];
      if (t.added + t.removed + t.changed === 0 && layout.length === 0) return null;
      const parts = [counted(t.added, 'ligne ajoutée', 'lignes ajoutées'), counted(t.removed, 'retirée', 'retirées'), counted(t.changed, 'modifiée', 'modifiées')];
      const changedIn = columns.length === 0 ? '' : ` (${columns.length > 1 ? 'colonnes' : 'colonne'} ${columns.join(', ')})`;
      return `${parts.join(', ')}${changedIn} ; ${number.format(t.previous_rows ?? 0)} → ${rows(t.rows)}${layout.length > 0 ? ` ; ${layout.join(', ')}` : ''}`;
    }
  }
}

function highlight<T>(list: { total: number; items: T[] }, title: string, note: string | null, item: (x: T) => string): Highlight | null {
  if (list.total === 0) return null;
  const items = list.items.slice(0, SHOWN_ITEMS).map(item);
  const rest = list.total - items.length;
  return { title, note, items, more: rest > 0 ? `… et ${counted(rest, 'autre', 'autres')} (voir refresh-report.json)` : null };
}

/** The refresh report of the published data, in French, as the Données panel shows it. */
export function refreshReportView(report: RefreshReport): RefreshReportView {
  const first = report.previous_built_at === null;
  const changed = report.tables.map((t) => ({ name: t.name, text: tableText(t) })).filter((t): t is { name: string; text: string } => t.text !== null);
  const unchanged = report.tables.filter((t) => !changed.some((c) => c.name === t.name)).map((t) => t.name);
  const { indicator_points: points, indicator_relative: relative } = report.thresholds;
  const { education_prioritaire: ep, indicateurs } = report.highlights;
  return {
    title: `Mise à jour du ${dateTime.format(new Date(report.built_at))}`,
    comparison:
      report.previous_built_at === null
        ? 'Première construction : aucune donnée publiée auparavant à comparer.'
        : `Comparée aux données construites le ${dateTime.format(new Date(report.previous_built_at))}.`,
    sources: report.sources.map((s) => ({
      id: s.id,
      publisher: s.publisher,
      millesime: s.previous_millesime !== null && s.previous_millesime !== s.millesime ? `${s.millesime} (auparavant ${s.previous_millesime})` : s.millesime,
      status: first ? null : SOURCE_STATUS[s.status],
      file: s.file,
    })),
    tables: first ? [] : changed,
    unchanged: first ? null : unchanged.length === 0 ? null : unchanged.length === report.tables.length ? 'Aucune table n’a changé.' : `Sans changement : ${unchanged.join(', ')}.`,
    ep: highlight(ep, `Éducation prioritaire : ${counted(ep.total, 'établissement entré en REP / REP+ ou sorti', 'établissements entrés en REP / REP+ ou sortis')}`, null, (e) => {
      const from = e.from === null ? 'absent' : epLabel(e.from);
      const to = e.to === null ? 'retiré' : epLabel(e.to);
      return `${e.nom} (${e.commune}, ${e.uai}) : ${from} → ${to}`;
    }),
    indicateurs: highlight(
      indicateurs,
      `Indicateurs des QPV : ${counted(indicateurs.total, 'valeur a bougé', 'valeurs ont bougé')}`,
      `Un taux compte s’il a bougé de ${decimal.format(points)} points ou plus, une autre valeur de ${decimal.format(relative * 100)} % ou plus ; une valeur masquée ou de nouveau publiée compte toujours. Aucun chiffre n’est donné : un écart entre deux effectifs pourrait révéler un effectif sous le seuil du secret statistique.`,
      (i) => `${i.qpv_nom} (${i.qpv_code}) — ${i.libelle} : ${MOVES[i.move]}`,
    ),
    warnings:
      report.warnings.total === 0
        ? 'Aucun avertissement à la construction.'
        : `${counted(report.warnings.total, 'avertissement', 'avertissements')} à la construction (${report.warnings.tables.map((t) => `${t.table} : ${number.format(t.count)}`).join(', ')}).`,
  };
}
