import { useId, useState } from 'react';
import type { ImportError } from '../domain/actions-import.ts';
import { actionsTemplateCsv, actionsTemplateWorkbook } from '../domain/actions-template-files.ts';
import { type CheckedImport } from '../db/local-actions.ts';
import { clearLocalActions, importActionsFile } from '../db/local-actions-store.ts';
import { LocalStorageError } from '../db/local-actions-storage.ts';
import { useDatabase } from '../db/use-sql.ts';
import { SheetError } from '../domain/delimited-text.ts';
import { checkFileSize, formatCountFr, formatMegabytes, IMPORT_LIMITS, ImportLimitError } from '../domain/import-limits.ts';
import { downloadBlob } from '../export/download.ts';
import { useAppStore } from '../state/store.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WARNINGS = {
  'commune-inconnue': 'commune inconnue des données : action gardée, non placée sur la carte',
  'qpv-inconnu': 'QPV inconnu des données : gardé',
  'cite-inconnue': 'Cité absente du registre : gardée',
  'non-placee': 'ni commune ni département : action listée, non placée',
} as const;

type Outcome = { status: 'idle' } | { status: 'busy' } | { status: 'done'; file: string; result: CheckedImport } | { status: 'failed'; message: string };

/** Why nothing was imported (or removed), in French: the detail of an unexpected error goes to the console. */
function failureMessage(file: string | null, error: unknown): string {
  const what = file === null ? 'Actions locales non supprimées' : `« ${file} »`;
  if (error instanceof LocalStorageError) return `${what} : ${error.message}. Rien n’a changé : les actions locales précédentes sont gardées.`;
  if (error instanceof ImportLimitError) return `${what} refusé : ${error.message}. Rien n’a été importé.`;
  if (error instanceof SheetError) return `${what} illisible : ${error.message}. Rien n’a été importé.`;
  console.error('actions locales', error);
  return `${what} : erreur inattendue (détail dans la console). Rien n’a changé.`;
}

/**
 * The actions template (CSV and XLSX, from the one definition) and the import of a filled
 * file: every row is checked first; one error and nothing is applied, the errors listed by
 * line and column. Imported actions are « locales »: kept in this browser only.
 */
export function ActionsImportPanel() {
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const database = useDatabase();
  const local = useAppStore((s) => s.localActions);
  const restoreError = useAppStore((s) => s.localActionsError);

  async function onFile(file: File) {
    setOutcome({ status: 'busy' });
    try {
      // Refused before it is read: the size is known without loading the file.
      checkFileSize(file.size);
      const result = await importActionsFile(database, file.name, new Uint8Array(await file.arrayBuffer()));
      setOutcome({ status: 'done', file: file.name, result });
    } catch (error) {
      setOutcome({ status: 'failed', message: failureMessage(file.name, error) });
    }
  }

  async function onClear() {
    try {
      await clearLocalActions(database);
      setOutcome({ status: 'idle' });
    } catch (error) {
      setOutcome({ status: 'failed', message: failureMessage(null, error) });
    }
  }

  return (
    <section className="actions-import" aria-labelledby={`${inputId}-title`} data-testid="actions-import">
      <h2 id={`${inputId}-title`} className="fr-h6">
        Importer des actions
      </h2>
      <p className="fr-text--sm">
        Remplir le modèle (une action par ligne, valeurs multiples séparées par « | »), puis l’importer : le fichier entier est vérifié, et rien n’est ajouté s’il reste une erreur. Les actions
        importées sont <strong>locales</strong> : gardées dans ce navigateur seulement ; un nouvel import remplace le précédent.
      </p>
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => downloadBlob('modele-actions.csv', new Blob([actionsTemplateCsv()], { type: 'text/csv;charset=utf-8' }))}>
          Modèle CSV
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={async () => downloadBlob('modele-actions.xlsx', new Blob([(await actionsTemplateWorkbook()).slice().buffer as ArrayBuffer], { type: XLSX_TYPE }))}>
          Modèle XLSX
        </button>
      </div>
      <div className="fr-upload-group">
        <label className="fr-label" htmlFor={inputId}>
          Fichier à importer
          <span className="fr-hint-text">
            CSV (UTF-8 ou Windows-1252, « ; » ou « , ») ou XLSX (première feuille) ; {formatMegabytes(IMPORT_LIMITS.fileBytes.max)} et {formatCountFr(IMPORT_LIMITS.rows.max)} lignes au plus
          </span>
        </label>
        <input
          id={inputId}
          className="fr-upload"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite" data-testid="actions-import-result">
        {outcome.status === 'busy' && <p className="fr-text--sm">Vérification…</p>}
        {outcome.status === 'failed' && (
          <p className="fr-error-text" data-testid="actions-import-failure">
            {outcome.message}
          </p>
        )}
        {outcome.status === 'done' && !outcome.result.ok && <ImportErrors file={outcome.file} errors={outcome.result.errors} />}
        {outcome.status === 'done' && outcome.result.ok && (
          <div className="fr-alert fr-alert--success fr-alert--sm">
            <p>
              {outcome.result.actions.length} action{outcome.result.actions.length > 1 ? 's' : ''} importée{outcome.result.actions.length > 1 ? 's' : ''} de « {outcome.file} ».
              {outcome.result.ignoredColumns.length > 0 && ` Colonnes ignorées : ${outcome.result.ignoredColumns.join(', ')}.`}
            </p>
            {outcome.result.warnings.length > 0 && (
              <ul className="fr-text--xs">
                {outcome.result.warnings.map((w) => (
                  <li key={`${w.line}-${w.column}-${w.value}`}>
                    ligne {w.line}, {w.column} {w.value && `« ${w.value} »`} : {WARNINGS[w.kind]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {restoreError !== null && (
        <p className="fr-error-text" data-testid="actions-locales-error">
          {restoreError}
        </p>
      )}
      {(local !== null || restoreError !== null) && (
        <p className="fr-text--sm" data-testid="actions-locales">
          {local !== null && `${local.count} action${local.count > 1 ? 's' : ''} locale${local.count > 1 ? 's' : ''} (« ${local.fichier} », ${new Date(local.importeLe).toLocaleString('fr-FR')}) `}
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={() => void onClear()}>
            Supprimer les actions locales
          </button>
        </p>
      )}
    </section>
  );
}

function ImportErrors({ file, errors }: { file: string; errors: readonly ImportError[] }) {
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm" data-testid="actions-import-errors">
      <p>
        « {file} » : {errors.length} erreur{errors.length > 1 ? 's' : ''}, rien n’a été importé.
      </p>
      <div className="import-errors">
        <table>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Colonne</th>
              <th scope="col">Valeur</th>
              <th scope="col">Problème</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} data-line={e.line} data-column={e.column ?? ''}>
                <td>{e.line}</td>
                <td>{e.column ?? '(ligne)'}</td>
                <td>{e.value}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
