/**
 * What a Cité éducative's drawn perimeter rests on. The registries name Cités from documents
 * that seldom list a Cité's QPV; drawing the whole commune without saying so would pass
 * « Marseille Nord » off as all of Marseille. So every Cité carries one of these kinds, shared
 * by the pipeline (which decides it) and the app (map style, legend, tooltip, fiche, exports).
 */
import { foldText } from './fold-text.ts';

export const PERIMETRE_KINDS = [
  {
    id: 'qpv',
    label: 'QPV nommés par la source',
    detail: 'union des contours des QPV que la source nomme (par code, ou par nom apparié aux QPV publiés)',
  },
  {
    id: 'commune',
    label: 'commune entière (selon la source)',
    detail: 'la source dit que la Cité couvre toute la commune',
  },
  {
    id: 'commune_approchee',
    label: 'périmètre approché (commune entière)',
    detail: 'la source ne nomme pas les QPV de la Cité, ou nomme des QPV absents des données chargées : la commune entière est dessinée',
  },
] as const;

export type PerimetreKind = (typeof PERIMETRE_KINDS)[number]['id'];

/** The kind whose perimeter is the named QPV alone (territory scope, cross-filter, map). */
export const QPV_PERIMETRE: PerimetreKind = 'qpv';

export const PERIMETRE_IDS: readonly PerimetreKind[] = PERIMETRE_KINDS.map((k) => k.id);

/** The French label of a kind (the id itself if unknown, so a new id never shows blank). */
export function perimetreLabel(id: string): string {
  return PERIMETRE_KINDS.find((k) => k.id === id)?.label ?? id;
}

/**
 * A PRE is a communal programme (carried by a commune, its CCAS or caisse des écoles): the
 * seeds name each by its commune and never list the quartiers it follows, so it is placed at
 * its commune's point and said so.
 */
export const PRE_PERIMETRE = {
  id: 'commune',
  label: 'programme communal, placé à sa commune (quartiers suivis non précisés par la source)',
} as const;

/** A published QPV a name may designate. */
export interface QpvCandidate {
  code: string;
  nom: string;
  commune_code: string;
}

export interface QpvNameMatch {
  /** The name as the source writes it. */
  name: string;
  code: string;
  /** The published QPV's name. */
  qpvNom: string;
}

/**
 * A QPV name compared across spellings: folded (`foldText`), then without a leading article
 * (« La Mosson » and « Mosson », « Les Izards » and « Izards »). Nothing looser: « Lac » must
 * not designate « Lacoste ».
 */
export function qpvNameKey(name: string): string {
  return foldText(name).replace(/^(l|la|le|les) /, '');
}

/**
 * The names a source gives for a Cité's QPV, matched to the published QPV of its communes.
 * A name matches when exactly one QPV of those communes has the same key; a name with no such
 * QPV (not in the loaded data) or with several (ambiguous) is left unmatched.
 */
export function matchQpvNames(names: readonly string[], communes: readonly string[], qpv: readonly QpvCandidate[]): { matched: QpvNameMatch[]; unmatched: string[] } {
  const inCommunes = qpv.filter((q) => communes.includes(q.commune_code));
  const matched: QpvNameMatch[] = [];
  const unmatched: string[] = [];
  for (const name of names) {
    const key = qpvNameKey(name);
    const found = inCommunes.filter((q) => qpvNameKey(q.nom) === key);
    if (found.length === 1) matched.push({ name, code: found[0]!.code, qpvNom: found[0]!.nom });
    else unmatched.push(name);
  }
  return { matched, unmatched };
}

/** How a match is shown: « La Mosson » → QP034005 « Mosson ». */
export function formatQpvMatch(m: QpvNameMatch): string {
  return `« ${m.name} » → ${m.code} « ${m.qpvNom} »`;
}

/**
 * The kind of a Cité's perimeter. QPV-based only when the source names QPV and every one of
 * them is in the loaded data (a partial union would understate the perimeter as surely as the
 * commune overstates it); else the commune, « selon la source » when a cited line says the
 * Cité covers the whole town, approached otherwise.
 */
export function perimetreKind(p: { named: number; notLoaded: number; communeEntiere: boolean }): PerimetreKind {
  if (p.named > 0 && p.notLoaded === 0) return 'qpv';
  return p.communeEntiere ? 'commune' : 'commune_approchee';
}
