import { sqlString } from './sql.ts';

/**
 * Éducation prioritaire of an establishment (`etablissements.ep`), in four states. « hors EP »
 * is a fact a source states (the annuaire's column left empty, the DNB file's two flags at 0);
 * « inconnu » is an establishment no source with an EP column covers (a collège of the national
 * géolocalisation file absent from the DNB file). An unknown status is never counted, drawn or
 * filtered as hors EP. Where each comes from: `data-pipeline/tables/etablissements/`.
 */
export const EP_STATUTS = ['REP+', 'REP', 'hors_ep', 'inconnu'] as const;
export type EpStatut = (typeof EP_STATUTS)[number];

/** The two statuses of a REP / REP+ network (`reseaux_ep.ep`). */
export type EpReseau = 'REP+' | 'REP';

export const EP_LABELS: Readonly<Record<EpStatut, string>> = {
  'REP+': 'REP+',
  REP: 'REP',
  hors_ep: 'hors EP',
  inconnu: 'inconnu',
};

/** Longer labels, where the acronym alone would not be understood (tooltips, fiches). */
export const EP_LONG_LABELS: Readonly<Record<EpStatut, string>> = {
  'REP+': 'REP+',
  REP: 'REP',
  hors_ep: 'hors éducation prioritaire',
  inconnu: 'éducation prioritaire inconnue',
};

export function isEpStatut(value: unknown): value is EpStatut {
  return typeof value === 'string' && (EP_STATUTS as readonly string[]).includes(value);
}

/** The label of a status; a value outside the four reads as unknown, never as hors EP. */
export function epLabel(value: unknown, labels: Readonly<Record<EpStatut, string>> = EP_LABELS): string {
  return labels[isEpStatut(value) ? value : 'inconnu'];
}

/** REP or REP+: a member of a network. */
export function isEpReseau(value: unknown): value is EpReseau {
  return value === 'REP+' || value === 'REP';
}

/** SQL literal list of the network statuses, for `ep IN (…)`. */
export const EP_RESEAU_SQL = "('REP+', 'REP')";

/** SQL giving the label of the status in `column` (a value outside the four reads as unknown, never as hors EP). */
export function epLabelSql(column: string, labels: Readonly<Record<EpStatut, string>> = EP_LONG_LABELS): string {
  return `CASE ${column} ${EP_STATUTS.map((s) => `WHEN ${sqlString(s)} THEN ${sqlString(labels[s])}`).join(' ')} ELSE ${sqlString(labels.inconnu)} END`;
}

/** SQL giving the display order of the status in `column`: REP+, REP, hors EP, inconnu. */
export function epOrderSql(column: string): string {
  return `CASE ${column} ${EP_STATUTS.map((s, i) => `WHEN ${sqlString(s)} THEN ${i}`).join(' ')} ELSE ${EP_STATUTS.length} END`;
}
