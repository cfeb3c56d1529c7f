import * as Plot from '@observablehq/plot';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { useEffect, useRef } from 'react';
import type { Range } from '../../domain/cross-filter.ts';
import { type Bins, binWidth } from '../../domain/cross-filter-compute.ts';

export interface HistogramChartProps {
  /** Accessible name, e.g. « Taux de pauvreté ». */
  label: string;
  bins: Bins;
  /** QPV per bin, under the other dimensions' filters. */
  counts: readonly number[];
  range: Range | null;
  format(value: number): string;
  onChange(range: Range | null): void;
}

const SIZE = { width: 336, height: 104, marginLeft: 34, marginRight: 10, marginTop: 8, marginBottom: 22 };
const COLOURS = { inside: '#000091', outside: '#cacafb', all: '#6a6af4' };

/**
 * Histogram drawn by Observable Plot, with a d3 brush to select a range of values and two
 * keyboard handles (sliders: arrows move a bound by one bin, Shift by five, Échap clears).
 * It is rebuilt only when its own counts change, never under its own brush: the counts it
 * shows ignore its own filter (cross-filter), so a drag is never interrupted.
 */
export function HistogramChart({ label, bins, counts, range, format, onChange }: HistogramChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ range, onChange, format });
  latest.current = { range, onChange, format };
  const moveBrush = useRef<(range: Range | null) => void>(() => {});
  const countsKey = counts.join(',');
  const binsKey = `${bins.min}:${bins.max}:${bins.count}`;

  useEffect(() => {
    const width = binWidth(bins);
    const data = counts.map((n, i) => ({ x1: bins.min + i * width, x2: bins.min + (i + 1) * width, n }));
    const inside = (d: { x1: number; x2: number }) => {
      const r = latest.current.range;
      return r === null || (d.x2 > r[0] && d.x1 < r[1]);
    };
    const plot = Plot.plot({
      ...SIZE,
      style: { background: 'transparent', fontSize: '10px' },
      x: { domain: [bins.min, bins.max], ticks: 4, tickFormat: (v: number) => latest.current.format(v), label: null },
      y: { ticks: 3, label: null, grid: true, nice: true },
      marks: [Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'n', inset: 0.5, fill: (d: { x1: number; x2: number }) => (inside(d) ? 'inside' : 'outside') }), Plot.ruleY([0])],
      color: { domain: ['inside', 'outside'], range: [COLOURS.inside, COLOURS.outside] },
      ariaLabel: `Histogramme : ${label}`,
    });
    const x = plot.scale('x')!;
    const toPx = (v: number) => x.apply(v) as number;
    const toValue = (px: number) => x.invert!(px) as number;
    const [left, right] = [SIZE.marginLeft, SIZE.width - SIZE.marginRight];
    const svg = select(plot as SVGSVGElement);
    const rects = svg.selectAll<SVGRectElement, unknown>('g[aria-label="rect"] rect');
    const recolour = (r: Range | null) => rects.attr('fill', (_, i) => (r === null || (data[i]!.x2 > r[0] && data[i]!.x1 < r[1]) ? COLOURS.inside : COLOURS.outside));

    const brush = brushX<unknown>().extent([
      [left, SIZE.marginTop],
      [right, SIZE.height - SIZE.marginBottom],
    ]);
    const brushLayer = svg.append('g').attr('class', 'histogram__brush').call(brush);
    const handles = svg.append('g').attr('class', 'histogram__handles');
    const step = (shift: boolean) => width * (shift ? 5 : 1);
    const clamp = (v: number) => Math.min(bins.max, Math.max(bins.min, v));

    const drawHandles = (r: Range | null) => {
      const [lo, hi] = r ?? [bins.min, bins.max];
      handles
        .selectAll<SVGRectElement, number>('rect')
        .data([0, 1])
        .join('rect')
        .attr('class', 'histogram__handle')
        .attr('tabindex', 0)
        .attr('role', 'slider')
        .attr('aria-label', (i) => `${label} : ${i === 0 ? 'borne basse' : 'borne haute'}`)
        .attr('aria-valuemin', bins.min)
        .attr('aria-valuemax', bins.max)
        .attr('aria-valuenow', (i) => (i === 0 ? lo : hi))
        .attr('aria-valuetext', (i) => latest.current.format(i === 0 ? lo : hi))
        .attr('x', (i) => toPx(i === 0 ? lo : hi) - 4)
        .attr('y', SIZE.marginTop)
        .attr('width', 8)
        .attr('height', SIZE.height - SIZE.marginTop - SIZE.marginBottom);
    };

    let programmatic = false;
    moveBrush.current = (r) => {
      programmatic = true;
      brushLayer.call(brush.move, r === null ? null : [toPx(r[0]), toPx(r[1])]);
      programmatic = false;
      recolour(r);
      drawHandles(r);
    };
    brush.on('brush end', (event: D3BrushEvent<unknown>) => {
      if (programmatic || !event.sourceEvent) return;
      const selection = event.selection as [number, number] | null;
      const r: Range | null = selection === null || selection[1] - selection[0] < 1 ? null : [toValue(selection[0]), toValue(selection[1])];
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

    container.current!.replaceChildren(plot);
    moveBrush.current(latest.current.range);
    return () => plot.remove();
  }, [countsKey, binsKey, label]);

  // A range set from elsewhere (URL, « Réinitialiser »): move the brush without re-emitting it.
  const rangeKey = range === null ? '' : range.join('~');
  useEffect(() => moveBrush.current(latest.current.range), [rangeKey]);

  return <div ref={container} className="histogram" data-testid={`histogram-${label}`} />;
}
