import * as Plot from '@observablehq/plot';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { useEffect, useRef } from 'react';
import type { Range } from '../../domain/cross-filter.ts';
import { type Bins, binWidth } from '../../domain/cross-filter-compute.ts';
import { nameMarkGroups } from './plot-aria.ts';

export interface HistogramChartProps {
  /** Accessible name, e.g. « Taux de pauvreté ». */
  label: string;
  bins: Bins;
  /** QPV per bin, whatever the filters but territory and text (the grey background, and the fixed y axis). */
  totals: readonly number[];
  /** What the grey bars count, for screen readers: « les 111 QPV des données chargées : … ». */
  totalsDescription: string;
  /** QPV per bin, under the other dimensions' filters. */
  counts: readonly number[];
  range: Range | null;
  format(value: number): string;
  onChange(range: Range | null): void;
}

const SIZE = { width: 336, height: 104, marginLeft: 34, marginRight: 10, marginTop: 8, marginBottom: 22 };
const COLOURS = { inside: '#000091', outside: '#cacafb', total: '#eeeeee' };
/** Gap around each bar, in pixels. */
const INSET = 0.5;
const rangeKeyOf = (range: Range | null) => (range === null ? '' : range.join('~'));

/**
 * Histogram drawn by Observable Plot, with a d3 brush to select a range of values and two
 * keyboard handles (sliders: arrows move a bound by one bin, Shift by five, Échap clears).
 * Grey bars count every QPV of the chosen territory and text (every loaded QPV without them), the coloured ones those passing the other filters (its own is
 * left out: cross-filter), dark inside the brushed range. Plot draws the chart again only
 * when the bins or the grey bars change; a filter change elsewhere moves the coloured bars
 * along Plot's own y scale, within the frame, and never interrupts a drag.
 */
export function HistogramChart({ label, bins, totals, totalsDescription, counts, range, format, onChange }: HistogramChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ range, onChange, format, counts });
  latest.current = { range, onChange, format, counts };
  const moveBrush = useRef<(range: Range | null) => void>(() => {});
  const setCounts = useRef<(counts: readonly number[]) => void>(() => {});
  const totalsKey = totals.join(',');
  const binsKey = `${bins.min}:${bins.max}:${bins.count}`;

  useEffect(() => {
    const width = binWidth(bins);
    const data = totals.map((total, i) => ({ x1: bins.min + i * width, x2: bins.min + (i + 1) * width, total }));
    const plot = Plot.plot({
      ...SIZE,
      style: { background: 'transparent', fontSize: '10px' },
      x: { domain: [bins.min, bins.max], ticks: 4, tickFormat: (v: number) => latest.current.format(v), label: null },
      y: { domain: [0, Math.max(1, ...totals)], ticks: 3, label: null, grid: true, nice: true },
      marks: [
        Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'total', inset: INSET, fill: COLOURS.total, ariaDescription: totalsDescription }),
        // Drawn at the totals' height, then set to the filtered counts below.
        Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'total', inset: INSET, fill: COLOURS.inside, className: 'histogram__filtered', ariaDescription: 'QPV passant les autres filtres' }),
        Plot.ruleY([0]),
      ],
      ariaLabel: `Histogramme : ${label}`,
    });
    nameMarkGroups(plot as SVGSVGElement);
    const x = plot.scale('x')!;
    const y = plot.scale('y')!;
    const toPx = (v: number) => x.apply(v) as number;
    const toValue = (px: number) => x.invert!(px) as number;
    const [left, right] = [SIZE.marginLeft, SIZE.width - SIZE.marginRight];
    const svg = select(plot as SVGSVGElement);
    const rects = svg.selectAll<SVGRectElement, unknown>('.histogram__filtered rect');
    const base = y.apply(0) as number;
    // Every attribute written is a DOM mutation that DSFR's document-wide observer examines:
    // bars, handles and brush are written only when they change.
    const drawnCounts: number[] = [];
    setCounts.current = (counts) => {
      rects.each(function (_, i) {
        const count = counts[i] ?? 0;
        if (drawnCounts[i] === count) return;
        drawnCounts[i] = count;
        const top = y.apply(count) as number;
        this.setAttribute('y', String(top + INSET));
        this.setAttribute('height', String(Math.max(0, base - top - 2 * INSET)));
      });
    };
    // Only the bars whose side of the range changed are repainted.
    const fills: string[] = [];
    const recolour = (r: Range | null) =>
      rects.each(function (_, i) {
        const fill = r === null || (data[i]!.x2 > r[0] && data[i]!.x1 < r[1]) ? COLOURS.inside : COLOURS.outside;
        if (fills[i] !== fill) this.setAttribute('fill', (fills[i] = fill));
      });

    const brush = brushX<unknown>().extent([
      [left, SIZE.marginTop],
      [right, SIZE.height - SIZE.marginBottom],
    ]);
    const brushLayer = svg.append('g').attr('class', 'histogram__brush').call(brush);
    const handles = svg.append('g').attr('class', 'histogram__handles');
    const step = (shift: boolean) => width * (shift ? 5 : 1);
    const clamp = (v: number) => Math.min(bins.max, Math.max(bins.min, v));

    const handleRects = handles
      .selectAll<SVGRectElement, number>('rect')
      .data([0, 1])
      .join('rect')
      .attr('class', 'histogram__handle')
      .attr('tabindex', 0)
      .attr('role', 'slider')
      .attr('aria-label', (i) => `${label} : ${i === 0 ? 'borne basse' : 'borne haute'}`)
      .attr('aria-valuemin', bins.min)
      .attr('aria-valuemax', bins.max)
      .attr('y', SIZE.marginTop)
      .attr('width', 8)
      .attr('height', SIZE.height - SIZE.marginTop - SIZE.marginBottom);
    const handleValues: number[] = [];
    const drawHandles = (r: Range | null) => {
      const [lo, hi] = r ?? [bins.min, bins.max];
      handleRects.each(function (i) {
        const value = i === 0 ? lo : hi;
        if (handleValues[i] === value) return;
        handleValues[i] = value;
        this.setAttribute('aria-valuenow', String(value));
        this.setAttribute('aria-valuetext', latest.current.format(value));
        this.setAttribute('x', String(toPx(value) - 4));
      });
    };

    let programmatic = false;
    // Where the brush is, in pixels: a range that came from the brush itself, or the same
    // range at the URL's precision (the store rounds each bound), is not moved again.
    let shown: [number, number] | null = null;
    const samePixels = (a: [number, number] | null, b: [number, number] | null) => (a === null || b === null ? a === b : Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) < 0.5);
    moveBrush.current = (r) => {
      const px: [number, number] | null = r === null ? null : [toPx(r[0]), toPx(r[1])];
      if (!samePixels(px, shown)) {
        shown = px;
        programmatic = true;
        brushLayer.call(brush.move, px);
        programmatic = false;
      }
      recolour(r);
      drawHandles(r);
    };
    brush.on('brush end', (event: D3BrushEvent<unknown>) => {
      if (programmatic || !event.sourceEvent) return;
      const selection = event.selection as [number, number] | null;
      const r: Range | null = selection === null || selection[1] - selection[0] < 1 ? null : [toValue(selection[0]), toValue(selection[1])];
      shown = r === null ? null : selection;
      recolour(r);
      drawHandles(r);
      latest.current.onChange(r);
    });

    handles.on('keydown', (event: KeyboardEvent) => {
      const target = event.target as SVGRectElement;
      const bound = Number(select(target).datum());
      const [lo, hi] = latest.current.range ?? [bins.min, bins.max];
      let next: Range | null;
      if (event.key === 'Escape') next = null;
      else {
        const delta = event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -step(event.shiftKey) : event.key === 'ArrowRight' || event.key === 'ArrowUp' ? step(event.shiftKey) : null;
        const edge = event.key === 'Home' ? bins.min : event.key === 'End' ? bins.max : null;
        if (delta === null && edge === null) return;
        const moved = edge ?? clamp((bound === 0 ? lo : hi) + delta!);
        next = bound === 0 ? [Math.min(moved, hi), hi] : [lo, Math.max(moved, lo)];
        if (next[0] <= bins.min && next[1] >= bins.max) next = null;
      }
      event.preventDefault();
      moveBrush.current(next);
      latest.current.onChange(next);
    });

    setCounts.current(latest.current.counts);
    container.current!.replaceChildren(plot);
    moveBrush.current(latest.current.range);
    return () => plot.remove();
    // Keyed by the bins' and totals' content: new objects of the same values (each facts query) do not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [totalsKey, binsKey, label, totalsDescription]);

  const countsKey = counts.join(',');
  useEffect(() => {
    setCounts.current(latest.current.counts);
  }, [countsKey]);

  // A range set from elsewhere (URL, « Réinitialiser »): move the brush without re-emitting it.
  const rangeKey = rangeKeyOf(range);
  useEffect(() => moveBrush.current(latest.current.range), [rangeKey]);

  return <div ref={container} className="histogram" data-testid={`histogram-${label}`} />;
}
