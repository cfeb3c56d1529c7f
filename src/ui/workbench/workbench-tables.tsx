import type { ManifestTable } from '../../data/manifest.ts';
import { formatCount } from '../format.ts';


/**
 * The tables the console reads, as the manifest describes them: rows, what each holds, and
 * each column with its type and description (written in English by the pipeline). « Interroger »
 * puts a first query on the table in the editor.
 */
export function WorkbenchTables({ tables, onPick }: { tables: readonly ManifestTable[]; onPick(sql: string): void }) {
  return (
    <div className="workbench-tables" data-testid="workbench-tables">
      <h4 className="fr-text--md fr-mb-1v">Tables publiées</h4>
      <p className="fr-text--xs fr-mb-1v">Descriptions des colonnes telles que le pipeline les écrit dans le manifeste (en anglais).</p>
      {tables.map((table) => (
        <details key={table.name} className="workbench-tables__table" data-table={table.name}>
          <summary>
            <code>{table.name}</code> · {formatCount(table.rows)} lignes — {table.description}
          </summary>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-my-1v" onClick={() => onPick(`SELECT *\nFROM ${table.name}\nLIMIT 100`)}>
            Interroger <span className="fr-sr-only">la table {table.name}</span>
          </button>
          <table className="workbench-tables__columns">
            <caption className="fr-sr-only">Colonnes de la table {table.name}</caption>
            <thead>
              <tr>
                <th scope="col">Colonne</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {table.columns.map((c) => (
                <tr key={c.name}>
                  <td>
                    <code>{c.name}</code>
                  </td>
                  <td>
                    {c.type}
                    {c.nullable ? '' : ', non vide'}
                  </td>
                  <td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
