import { epLabel } from '../../domain/education-prioritaire.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { formatShown } from '../../domain/format-fr.ts';
import { showPublished } from '../../domain/secret-statistique.ts';
import type { MatchSort, QpvFacts } from '../../domain/cross-filter-compute.ts';
import type { RangeColumn } from '../../view-models/dimension-options.ts';

export interface ResultTableProps {
  rows: readonly QpvFacts[];
  /** One column per range dimension of the facts. */
  columns: readonly RangeColumn[];
  sort: MatchSort;
  onSort(sort: MatchSort): void;
  selected: string | null;
  onOpen(row: QpvFacts): void;
  /** QPV in the comparison, and how to add one. */
  compared: readonly string[];
  onCompare(code: string): void;
}

const ROW_HEIGHT = 32;
interface Column {
  column: string;
  label: string;
  width: string;
  numeric?: boolean;
}
/** Widths are fixed (`table-layout: fixed`): rows coming and going never re-measure the table. */
const BEFORE: Column[] = [
  { column: 'nom', label: 'QPV', width: '24%' },
  { column: 'commune_nom', label: 'Commune', width: '14%' },
  { column: 'departement_code', label: 'Dép.', width: '3.5rem' },
];
const AFTER: Column[] = [{ column: 'ep', label: 'Éduc. prioritaire', width: '6.5rem' }];
const COMPARE_WIDTH = '2.5rem';
/** Share of the width the value columns divide between them. */
const VALUES_WIDTH = 50;

/**
 * The QPV passing every filter, in a real `<table>` whose body renders only the rows in view
 * (@tanstack/react-virtual; spacer rows keep the scroll height), sortable by any column from
 * its header button. The QPV name is a button: the keyboard way to open its fiche.
 */
export function ResultTable({ rows, columns, sort, onSort, selected, onOpen, compared, onCompare }: ResultTableProps) {
  const all: Column[] = [...BEFORE, ...columns.map((c) => ({ column: c.id, label: c.label, width: `${Math.floor(VALUES_WIDTH / Math.max(1, columns.length))}%`, numeric: true })), ...AFTER];
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const header = (c: Column) => {
    const label = c.label;
    const active = sort.column === c.column;
    return (
      <th key={c.column} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={c.numeric ? 'result-table__numeric' : undefined}>
        <button type="button" className="result-table__sort" title={label} onClick={() => onSort({ column: c.column, descending: active ? !sort.descending : c.numeric === true })}>
          {active && <span aria-hidden="true">{sort.descending ? '▼ ' : '▲ '}</span>}
          {label}
        </button>
      </th>
    );
  };

  return (
    <div ref={scroller} className="result-table" data-testid="result-table">
      <table className="result-table__table">
        <colgroup>
          {all.map((c) => (
            <col key={c.column} style={{ width: c.width }} />
          ))}
          <col style={{ width: COMPARE_WIDTH }} />
        </colgroup>
        <thead>
          <tr>
            {all.map(header)}
            <th scope="col">
              <span className="fr-sr-only">Comparer</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden="true" />}
          {items.map((item) => {
            const row = rows[item.index]!;
            return <ResultRow key={row.code} row={row} columns={columns} selected={row.code === selected} compared={compared.includes(row.code)} onOpen={onOpen} onCompare={onCompare} />;
          })}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}

interface ResultRowProps {
  row: QpvFacts;
  columns: readonly RangeColumn[];
  selected: boolean;
  compared: boolean;
  onOpen(row: QpvFacts): void;
  onCompare(code: string): void;
}

/** Memoised: on a brush move only the rows that come into the list are rendered. */
const ResultRow = memo(function ResultRow({ row, columns, selected, compared, onOpen, onCompare }: ResultRowProps) {
  return (
    <tr data-code={row.code} className={selected ? 'result-table__row--selected' : undefined} style={{ height: ROW_HEIGHT }}>
      <td>
        <button type="button" className="result-table__open" onClick={() => onOpen(row)} title={`Ouvrir la fiche de ${row.nom}`}>
          {row.nom}
        </button>{' '}
        <span className="result-table__code">{row.code}</span>
      </td>
      <td>{row.commune_nom}</td>
      <td>{row.departement_code}</td>
      {columns.map((c) => {
        const shown = showPublished(row.values[c.index], row.statuts[c.index] ?? null);
        return (
          <td key={c.id} className="result-table__numeric">
            {shown.status === 'ok' ? c.format(shown.value) : formatShown(shown, c.unit)}
          </td>
        );
      })}
      <td>{epLabel(row.ep)}</td>
      <td>
        <button type="button" className="result-table__compare" disabled={compared} onClick={() => onCompare(row.code)} title={compared ? `${row.nom} est dans la comparaison` : `Ajouter ${row.nom} à la comparaison`}>
          {compared ? '✓' : '+'}
        </button>
      </td>
    </tr>
  );
});
