import { formatShown } from '../domain/format-fr.ts';
import { SECRET_THRESHOLD, showCount } from '../domain/secret-statistique.ts';
import { ELEVES_FIELD, ELEVES_STATUT, FICHE_OBJET_TECHNICAL_COLUMNS } from '../queries/fiche-objet-queries.ts';

export interface FicheObjetFields {
  /** French label → value, in the query's order; values null or empty left out. */
  fields: [string, unknown][];
  /** Whether a value is hidden by the secret statistique (the note goes with it). */
  hasSecret: boolean;
}

/**
 * The fields of a row of `buildFicheObjetQuery`. A school's pupils go through the secret
 * statistique: the published status (null, 'secret') and the app's own rule (a count under
 * the threshold from any data) both give `< 11`; the number otherwise, left out when unknown.
 */
export function ficheObjetFields(row: Readonly<Record<string, unknown>>, threshold = SECRET_THRESHOLD): FicheObjetFields {
  const fields: [string, unknown][] = [];
  let hasSecret = false;
  for (const [field, value] of Object.entries(row)) {
    if (FICHE_OBJET_TECHNICAL_COLUMNS.includes(field)) continue;
    if (field === ELEVES_FIELD) {
      const statut = row[ELEVES_STATUT];
      const shown = showCount(typeof value === 'number' ? value : null, threshold, typeof statut === 'string' ? statut : 'ok');
      if (shown.status === 'secret') hasSecret = true;
      if (shown.status !== 'nd') fields.push([field, shown.status === 'ok' ? shown.value : formatShown(shown, '', threshold)]);
    } else if (value !== null && value !== undefined && value !== '') {
      fields.push([field, value]);
    }
  }
  return { fields, hasSecret };
}
