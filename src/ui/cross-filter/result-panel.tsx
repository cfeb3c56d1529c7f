import { useCallback, useEffect, useMemo, useState } from 'react';
import { type BBox, EMPTY_BBOX, unionBBox } from '../../../geo/bbox.ts';
import { isFiltered } from '../../domain/cross-filter.ts';
import { exportTableCsv } from '../../export/export-actions.ts';
import type { QpvFacts } from '../../domain/cross-filter-compute.ts';
import { isSecretStatut } from '../../domain/secret-statistique.ts';
import { resultTableCsv } from '../../export/result-table-csv.ts';
import type { IndicatorOption } from '../../queries/indicator-queries.ts';
import { useAppStore } from '../../state/store.ts';
import { formatCount } from '../format.ts';
import { SecretNote } from '../secret-note.tsx';
import { ResultTable } from './result-table.tsx';
import { indicatorDescription, rangeColumns, type RangeColumn } from '../../view-models/dimension-options.ts';
import type { CrossFilterResult } from './use-cross-filter.ts';

const exportMatches = (rows: readonly QpvFacts[], columns: readonly RangeColumn[]) => exportTableCsv('qpv-filtres.csv', resultTableCsv(rows, columns));

/**
 * The result table docked under the map: the QPV passing every filter, with their key
 * figures; opening one selects it and fits the map to it. Collapsible to its title bar.
 */
export function ResultPanel({ result, indicator }: { result: CrossFilterResult; indicator: IndicatorOption | null }) {
  const filters = useAppStore((s) => s.filters);
  const filtered = isFiltered(filters);
  // Folded while nothing is filtered (the map stays clear); unfolds when a filter starts.
  const [open, setOpen] = useState(filtered);
  useEffect(() => {
    if (filtered) setOpen(true);
  }, [filtered]);
  const selectQpv = useAppStore((s) => s.selectQpv);
  const focusOn = useAppStore((s) => s.focusOn);
  const selected = useAppStore((s) => s.selectedQpv);
  const compared = useAppStore((s) => s.comparison);
  const addToComparison = useAppStore((s) => s.addToComparison);
  const rows = result.matches;
  const columns = useMemo(() => rangeColumns(result.shape, indicatorDescription(indicator)), [result.shape, indicator]);
  // The QPV of the list in one box: a filter started at the national view may leave them all
  // under the panels (the embedded QPV are in the south, where the list unfolds). Computed on
  // the click, not on every brush move.
  const showMatches = () => focusOn(rows.reduce<BBox>((b, r) => unionBBox(b, [r.xmin, r.ymin, r.xmax, r.ymax]), [...EMPTY_BBOX]));
  const openRow = useCallback(
    (row: QpvFacts) => {
      selectQpv(row.code);
      focusOn([row.xmin, row.ymin, row.xmax, row.ymax]);
    },
    [selectQpv, focusOn],
  );

  return (
    <section className={`result-panel${open ? '' : ' result-panel--closed'}`} aria-labelledby="result-panel-title" data-testid="result-panel">
      <div className="result-panel__head">
        <h2 id="result-panel-title" className="fr-text--md fr-mb-0" data-testid="result-count" data-count={result.settled ? rows.length : ''}>
          {result.total === null ? 'Liste des QPV : chargement…' : `${formatCount(rows.length)} QPV ${filtered ? 'correspondent aux filtres' : '(aucun filtre)'}`}
        </h2>
        <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--right">
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" disabled={rows.length === 0} onClick={showMatches} title="Cadrer la carte sur les QPV de la liste, hors des panneaux">
            Voir sur la carte
          </button>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" disabled={rows.length === 0} onClick={() => void exportMatches(rows, columns)}>
            CSV
          </button>
          <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" aria-expanded={open} aria-controls="result-panel-body" onClick={() => setOpen(!open)}>
            {open ? 'Masquer la liste' : 'Afficher la liste'}
          </button>
        </div>
      </div>
      {open && (
        <div id="result-panel-body">
          <ResultTable
            rows={rows}
            columns={columns}
            sort={result.sort}
            onSort={result.setSort}
            selected={selected}
            compared={compared}
            onCompare={addToComparison}
            onOpen={openRow}
          />
          {rows.some((r) => r.statuts.some(isSecretStatut)) && <SecretNote />}
        </div>
      )}
    </section>
  );
}
