import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { cellText, type ResultColumn, type ResultValue } from '../../workbench/result-cells.ts';

const ROW_HEIGHT = 28;

/**
 * A console result in a real `<table>` whose body renders only the rows in view
 * (@tanstack/react-virtual, spacer rows keep the scroll height): 100 000 rows scroll as 20.
 */
export function WorkbenchResults({ columns, rows }: { columns: readonly ResultColumn[]; rows: readonly ResultValue[][] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    // Focusable so that a keyboard scrolls it (axe: scrollable-region-focusable).
    <div ref={scroller} className="workbench-results" data-testid="workbench-results" tabIndex={0} role="region" aria-label="Résultat de la requête">
      <table className="workbench-results__table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'workbench-results__numeric' : undefined}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden="true" />}
          {items.map((item) => (
            <tr key={item.index} style={{ height: ROW_HEIGHT }}>
              {rows[item.index]!.map((value, i) => (
                <td key={i} className={columns[i]?.numeric ? 'workbench-results__numeric' : undefined} title={value === null ? 'valeur vide' : undefined}>
                  {cellText(value)}
                </td>
              ))}
            </tr>
          ))}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
