import { useEffect, useRef, useState } from 'react';
import { formatDifference, formatValue } from '../domain/format-fr.ts';
import { themeLabel } from '../domain/indicator-themes.ts';
import { coverageLabel, coverageMedianLabel, coverageShortLabel, departementMedianLabel } from '../domain/loaded-coverage.ts';
import { useAppStore } from '../state/store.ts';
import type { ComparisonCell, ComparisonModel, ComparisonRow } from '../view-models/comparison-model.ts';
import { byTheme } from './fiche-indicators.tsx';

const SENS_HINT: Record<ComparisonRow['sens'], string> = {
  hausse_defavorable: 'plus bas = plus favorable',
  hausse_favorable: 'plus haut = plus favorable',
  neutre: 'ni favorable ni défavorable',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const MARK_TEXT = { meilleur: '▲ le plus favorable', 'moins-bon': '▼ le moins favorable' } as const;

/**
 * A cell: the value, best / worst in words (and a glyph, and a colour: never colour alone),
 * a bar on the row's scale with the median of the loaded QPV as a tick, the differences to
 * the département's and the loaded QPV's medians (each named in a title), the rank.
 */
function Cell({ cell, row, titles }: { cell: ComparisonCell; row: ComparisonRow; titles: { departement: string; qpv: string } }) {
  const { departement, qpv } = cell.references;
  return (
    <td data-qpv={cell.qpvCode} data-status={cell.value.status} data-mark={cell.mark ?? undefined} className={cell.mark ? `comparer__cell--${cell.mark}` : undefined}>
      <span className="comparer__value">{cell.text}</span>
      {cell.mark && <span className="comparer__mark">{MARK_TEXT[cell.mark]}</span>}
      <span className="comparer__bar" aria-hidden="true">
        {cell.bar !== null && <span className="comparer__bar-fill" style={{ width: `${(cell.bar * 100).toFixed(1)}%` }} />}
        {row.medianeBar !== null && <span className="comparer__bar-median" style={{ left: `${(row.medianeBar * 100).toFixed(1)}%` }} />}
      </span>
      {(departement.ecart !== null || qpv.ecart !== null) && (
        <span className="comparer__ecarts">
          {departement.ecart !== null && <abbr title={`Écart à la ${lowerFirst(titles.departement)}`}>dép. {formatDifference(departement.ecart, row.unite)}</abbr>}
          {departement.ecart !== null && qpv.ecart !== null && ' · '}
          {qpv.ecart !== null && <abbr title={`Écart à la ${lowerFirst(titles.qpv)}`}>QPV chargés {formatDifference(qpv.ecart, row.unite)}</abbr>}
        </span>
      )}
      {cell.rang !== null && (
        <span className="comparer__rang">
          rang {cell.rang} / {cell.qpvClasses}
        </span>
      )}
    </td>
  );
}

/** Column head of a QPV with its keyboard-accessible move and remove buttons. */
function QpvHead({
  qpv,
  index,
  count,
  onMoved,
  onRemoved,
}: {
  qpv: ComparisonModel['qpv'][number];
  index: number;
  count: number;
  onMoved: (code: string, offset: -1 | 1) => void;
  onRemoved: (code: string) => void;
}) {
  return (
    <th scope="col" data-qpv={qpv.code}>
      <span className="comparer__qpv-name">{qpv.nom}</span>
      <span className="fiche__year">
        {qpv.code} · {qpv.communes} ({qpv.departement.code})
      </span>
      <span className="comparer__qpv-tools no-print">
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" data-move={`${qpv.code}:-1`} disabled={index === 0} aria-label={`Déplacer ${qpv.nom} vers la gauche`} onClick={() => onMoved(qpv.code, -1)}>
          ◀
        </button>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" data-move={`${qpv.code}:1`} disabled={index === count - 1} aria-label={`Déplacer ${qpv.nom} vers la droite`} onClick={() => onMoved(qpv.code, 1)}>
          ▶
        </button>
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" aria-label={`Retirer ${qpv.nom} de la comparaison`} onClick={() => onRemoved(qpv.code)}>
          ✕
        </button>
      </span>
    </th>
  );
}

/** 2–6 QPV side by side, one row per indicator, grouped by theme. */
export function ComparisonTable({ model }: { model: ComparisonModel }) {
  const move = useAppStore((s) => s.moveInComparison);
  const remove = useAppStore((s) => s.removeFromComparison);
  const table = useRef<HTMLTableElement>(null);
  // A moved column is re-inserted in the DOM and a removed one is gone, which drops the
  // focus: give it to the moved column's button, or to the neighbour of the removed one.
  const [focusTarget, setFocusTarget] = useState<{ code: string; move?: string } | null>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    const head = table.current?.querySelector(`th[data-qpv="${focusTarget.code}"]`);
    const button = focusTarget.move ? head?.querySelector<HTMLButtonElement>(`[data-move="${focusTarget.move}"]`) : null;
    (button && !button.disabled ? button : head?.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const onMoved = (code: string, offset: -1 | 1) => {
    move(code, offset);
    setFocusTarget({ code, move: `${code}:${offset}` });
  };
  const onRemoved = (code: string) => {
    const codes = model.qpv.map((q) => q.code);
    const i = codes.indexOf(code);
    const neighbour = codes[i + 1] ?? codes[i - 1];
    remove(code);
    if (neighbour !== undefined) setFocusTarget({ code: neighbour });
  };

  return (
    <table className="comparer__table fr-text--xs" ref={table} data-testid="comparer-table">
      <caption className="fr-text--sm">
        Valeur de chaque QPV, le plus et le moins favorable de la sélection (▲ ▼), écarts aux médianes des QPV de son département et de l’ensemble (
        {coverageLabel(model.coverage)}), rang parmi ces QPV chargés (1 = le plus défavorable ; QPV sans valeur ou d’un autre millésime exclus). Barre : valeur du QPV ; trait : médiane des QPV
        chargés.
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicateur</th>
          {model.qpv.map((q, i) => (
            <QpvHead key={q.code} qpv={q} index={i} count={model.qpv.length} onMoved={onMoved} onRemoved={onRemoved} />
          ))}
          <th scope="col" data-col="mediane">
            Médiane des <abbr title={coverageMedianLabel(model.coverage)}>{coverageShortLabel(model.coverage)}</abbr>
          </th>
        </tr>
      </thead>
      {byTheme(model.rows).map(([theme, rows]) => (
        <tbody key={theme}>
          <tr className="fiche__theme">
            <th scope="colgroup" colSpan={model.qpv.length + 2}>
              {themeLabel(theme)}
            </th>
          </tr>
          {rows.map((row) => (
            <tr key={row.indicateur} data-indicateur={row.indicateur}>
              <th scope="row">
                {row.libelle} <span className="fiche__year">({row.millesime})</span>
                <span className="comparer__sens">{SENS_HINT[row.sens]}</span>
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.qpvCode} cell={cell} row={row} titles={{ departement: departementMedianLabel(model.coverage, model.qpv.find((q) => q.code === cell.qpvCode)?.departement.code ?? ''), qpv: coverageMedianLabel(model.coverage) }} />
              ))}
              <td data-col="mediane" title={row.medianeQpv === null ? undefined : `médiane de ${row.medianeQpvCount} QPV ayant une valeur`}>
                {row.medianeQpv === null ? '–' : formatValue(row.medianeQpv, row.unite)}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
