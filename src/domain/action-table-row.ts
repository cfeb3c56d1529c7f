import type { ActionRecord } from './actions-template.ts';
import { departementOfCommune, MULTI_VALUE_SEPARATOR } from './template-cells.ts';

/**
 * A validated action → its row of the published `actions` table (ACTIONS_LAYOUT), the same
 * for the pipeline and for rows imported in the browser: multi-valued cells `|`-joined (null
 * when empty), commune names and point taken from `territoires` when the template gives none.
 */

/** What `territoires` says about one commune. */
export interface CommunePlace {
  nom: string;
  lon: number | null;
  lat: number | null;
}

export type ActionTableRow = Record<string, string | number | null> & { id: string; titre: string; spheres: string; source: string; source_id: string };

/** Values as one published cell: `|`-joined, null for none. */
export function joinCell(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(MULTI_VALUE_SEPARATOR);
}

export function actionTableRow(action: ActionRecord, id: string, sourceId: string, communes: ReadonlyMap<string, CommunePlace>): ActionTableRow {
  const codes = action.commune_code;
  // Names stay aligned with codes: a code `territoires` does not know stands for its name.
  const names = action.commune.length > 0 ? action.commune : codes.map((c) => communes.get(c)?.nom ?? c);
  const departements = action.departement_code !== null ? [action.departement_code] : [...new Set(codes.map(departementOfCommune))];
  const first = codes[0] === undefined ? undefined : communes.get(codes[0]);
  return {
    id,
    titre: action.titre,
    resume: action.resume,
    cite: joinCell(action.cite),
    commune_code: joinCell(codes),
    commune: joinCell(names),
    departement_code: joinCell(departements),
    qpv_code: joinCell(action.qpv_code),
    spheres: action.spheres.join(MULTI_VALUE_SEPARATOR),
    axes: joinCell(action.axes),
    niveaux: joinCell(action.niveaux),
    tranches: joinCell(action.tranches),
    financement: joinCell(action.financement),
    porteur: action.porteur,
    partenaires: joinCell(action.partenaires),
    annee_debut: action.annee_debut,
    annee_fin: action.annee_fin,
    lieu: action.lieu,
    source: action.source,
    source_id: sourceId,
    lon: first?.lon ?? null,
    lat: first?.lat ?? null,
  };
}
