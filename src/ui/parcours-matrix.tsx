import type { SphereId, TrancheId } from '../domain/vocabulary.ts';
import type { MatrixView } from '../view-models/parcours-matrix-model.ts';
import './territoire.css';

export interface MatrixCellRef {
  tranche: TrancheId;
  sphere: SphereId;
}

interface Props {
  view: MatrixView;
  /** Short name of the territory, in the caption (two matrices side by side must be told apart). */
  title: string;
  selected: MatrixCellRef | null;
  /** Clicking a cell (gaps included: « no action here » is an answer too). */
  onSelect?: (cell: MatrixCellRef) => void;
  /** Printed report: no buttons. */
  readOnly?: boolean;
}

/**
 * The parcours matrix as a real table: tranches d'âge in row headers, sphères in column
 * headers, one button per cell. Gaps are marked by colour, by a hatched background and in
 * words (« aucune action »), so that neither colour nor a screen reader is needed to see them.
 */
export function ParcoursMatrix({ view, title, selected, onSelect, readOnly = false }: Props) {
  const what = view.mode === 'actions' ? 'actions' : 'lieux partenaires';
  return (
    <table className="parcours-matrix" data-testid="parcours-matrix" data-mode={view.mode}>
      <caption>
        {title} : {what} par tranche d’âge et sphère · {view.gaps} case{view.gaps > 1 ? 's' : ''} sans {view.mode === 'actions' ? 'action' : 'lieu'}
      </caption>
      <thead>
        <tr>
          <td />
          {view.columns.map((c) => (
            <th key={c.id} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.tranche}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => {
              const isSelected = selected?.tranche === cell.tranche && selected.sphere === cell.sphere;
              return (
                <td key={cell.sphere} className={cell.gap ? 'parcours-matrix__gap' : undefined} data-tranche={cell.tranche} data-sphere={cell.sphere} data-gap={cell.gap}>
                  {readOnly || onSelect === undefined ? (
                    <span>{cell.text}</span>
                  ) : (
                    <button type="button" aria-pressed={isSelected} aria-label={cell.description} onClick={() => onSelect({ tranche: cell.tranche, sphere: cell.sphere })}>
                      {cell.text}
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
