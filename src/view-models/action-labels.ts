import { ACTIONS_VOCABULARIES } from '../domain/actions-template.ts';
import { lieuCategorie } from '../domain/lieu-categories.ts';
import { splitCell } from '../domain/template-cells.ts';
import { vocabularyLabel } from '../domain/vocabulary.ts';

/** French labels of a published `|`-separated vocabulary cell (`famille|ecole` → Famille, École). */
export function vocabularyLabels(column: keyof typeof ACTIONS_VOCABULARIES, cell: unknown): string[] {
  return typeof cell === 'string' ? splitCell(cell).map((id) => vocabularyLabel(ACTIONS_VOCABULARIES[column], id)) : [];
}

/** The values of a published `|`-separated cell. */
export const cellValues = (cell: unknown): string[] => (typeof cell === 'string' ? splitCell(cell) : []);

/** The label of a lieu category id. */
export const categorieLabel = (id: unknown): string => lieuCategorie(String(id))?.label ?? String(id);

/** Financement in words; an action whose text states none is « non précisé », not « non financé ». */
export function financementText(cell: unknown): string {
  const labels = vocabularyLabels('financement', cell);
  return labels.length === 0 ? 'non précisé' : labels.join(', ');
}
