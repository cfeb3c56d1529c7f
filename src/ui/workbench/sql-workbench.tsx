import { useEffect, useId, useState } from 'react';
import { loadManifest } from '../../data/published-data.ts';
import { useLoaded } from '../../data/use-loaded.ts';
import { exportTableCsv } from '../../export/export-actions.ts';
import { useAppStore } from '../../state/store.ts';
import { WORKBENCH_SQL_MAX } from '../../state/workbench-slice.ts';
import { EXAMPLE_QUERIES } from '../../workbench/example-queries.ts';
import { csvValue } from '../../workbench/result-cells.ts';
import { WORKBENCH_ROW_LIMIT } from '../../workbench/read-only-run.ts';
import { useWorkbench, type WorkbenchRun } from '../../workbench/use-workbench.ts';
import { formatCount } from '../format.ts';
import { WorkbenchResults } from './workbench-results.tsx';
import { WorkbenchTables } from './workbench-tables.tsx';
import './sql-workbench.css';

/** The export line names the query, on one line, so that the file says how it was made. */
const exportNote = (sql: string) => `requête de la console SQL : ${sql.replace(/\s+/g, ' ').trim()}`;

/**
 * The read-only SQL console of the Données panel, for observatory staff (loaded on first use:
 * none of it is in the first paint's code). Its query runs on a database of its own holding
 * the published tables only (use-workbench.ts, read-only-run.ts): it cannot change what the
 * app shows. The query run is kept in the link (`sql=`); one from a link waits for « Exécuter ».
 */
export function SqlWorkbench() {
  const stored = useAppStore((s) => s.workbenchSql) ?? '';
  const setWorkbenchSql = useAppStore((s) => s.setWorkbenchSql);
  const { data: manifest } = useLoaded(loadManifest);
  const { database, run, execute, interrupt } = useWorkbench();
  const [text, setText] = useState(stored);
  const [example, setExample] = useState('');
  const ids = useId();
  // « Back » to another query, or a link opened in this page: the editor shows it.
  useEffect(() => setText(stored), [stored]);

  const submit = () => {
    setWorkbenchSql(text);
    execute(text);
  };
  const pick = (sql: string) => {
    setText(sql);
    setExample('');
  };
  const note = EXAMPLE_QUERIES.find((e) => e.id === example)?.note;
  const ready = database.status === 'ready';

  return (
    <section className="workbench" aria-labelledby={`${ids}-title`} data-testid="workbench">
      <div className="workbench__head">
        <h3 id={`${ids}-title`} className="fr-h6 fr-mb-1v">
          Console SQL (lecture seule)
        </h3>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" onClick={() => setWorkbenchSql(null)}>
          Fermer la console
        </button>
      </div>
      <p className="fr-text--xs fr-mb-1w">
        Interrogez les tables publiées en SQL (DuckDB). La console a sa propre base, chargée des seuls fichiers publiés : elle ne lit que ces tables, ne
        peut rien modifier de ce que montre l’application et refuse toute écriture, tout fichier et toute adresse web.
      </p>
      <p className="fr-text--xs fr-mb-1w" data-testid="workbench-status" data-status={database.status}>
        {database.status === 'loading' && 'Démarrage de la base de la console…'}
        {database.status === 'error' && <span className="fr-error-text">La base de la console n’a pas démarré : {database.message}</span>}
        {database.status === 'ready' &&
          `Base prête : ${database.database.tables.length} tables publiées.${database.database.missing.length > 0 ? ` Non chargées : ${database.database.missing.map((m) => `${m.table} (${m.message})`).join(' ; ')}.` : ''}`}
      </p>
      <div className="fr-select-group fr-mb-1w">
        <label className="fr-label" htmlFor={`${ids}-examples`}>
          Exemples de requêtes
        </label>
        <select
          id={`${ids}-examples`}
          className="fr-select"
          value={example}
          onChange={(e) => {
            setExample(e.target.value);
            const chosen = EXAMPLE_QUERIES.find((q) => q.id === e.target.value);
            if (chosen) setText(chosen.sql);
          }}
        >
          <option value="">Choisir un exemple…</option>
          {EXAMPLE_QUERIES.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </select>
        {note && <p className="fr-hint-text">{note}</p>}
      </div>
      <div className="fr-input-group fr-mb-1w">
        <label className="fr-label" htmlFor={`${ids}-sql`}>
          Requête SQL
          <span className="fr-hint-text">Une seule requête SELECT ; Ctrl + Entrée l’exécute. Au plus {formatCount(WORKBENCH_ROW_LIMIT)} lignes affichées.</span>
        </label>
        <textarea
          id={`${ids}-sql`}
          className="fr-input workbench__editor"
          rows={7}
          spellCheck={false}
          value={text}
          maxLength={WORKBENCH_SQL_MAX}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && ready) {
              e.preventDefault();
              submit();
            }
          }}
          data-testid="workbench-editor"
        />
      </div>
      <div className="workbench__actions">
        <button type="button" className="fr-btn fr-btn--sm" disabled={!ready || run.status === 'running'} onClick={submit}>
          Exécuter
        </button>
        {run.status === 'running' && (
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={interrupt}>
            Interrompre
          </button>
        )}
        <button
          type="button"
          className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
          disabled={run.status !== 'done' || run.rows.length === 0}
          onClick={() => run.status === 'done' && void exportTableCsv('requete-sql.csv', { header: run.columns.map((c) => c.name), rows: run.rows.map((r) => r.map(csvValue)), tables: run.tables, note: exportNote(run.sql) })}
        >
          Exporter en CSV
        </button>
      </div>
      <RunOutcome run={run} />
      {manifest !== null && <WorkbenchTables tables={manifest.tables} onPick={pick} />}
    </section>
  );
}

function RunOutcome({ run }: { run: WorkbenchRun }) {
  if (run.status === 'idle') return null;
  if (run.status === 'running') return <p className="fr-text--sm" data-testid="workbench-outcome" data-status="running">Requête en cours…</p>;
  if (run.status === 'interrupted') {
    return (
      <p className="fr-text--sm" data-testid="workbench-outcome" data-status="interrupted">
        Requête interrompue : la base de la console redémarre.
      </p>
    );
  }
  if (run.status === 'refused' || run.status === 'failed') {
    return (
      <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-1w" role="alert" data-testid="workbench-message" data-status={run.status}>
        <p>{run.message}</p>
        {run.detail !== undefined && (
          <details className="fr-text--xs">
            <summary>Message de DuckDB (en anglais)</summary>
            <pre className="workbench__detail">{run.detail}</pre>
          </details>
        )}
      </div>
    );
  }
  return (
    <>
      <p className="fr-text--sm fr-mb-1v" data-testid="workbench-outcome" data-count={run.rows.length}>
        {run.truncated ? `Les ${formatCount(run.rows.length)} premières lignes (la requête en donne davantage).` : `${formatCount(run.rows.length)} ligne${run.rows.length > 1 ? 's' : ''}.`}
      </p>
      {run.columns.length > 0 && <WorkbenchResults columns={run.columns} rows={run.rows} />}
    </>
  );
}
