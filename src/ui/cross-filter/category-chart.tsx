import * as Plot from '@observablehq/plot';
import { select } from 'd3-selection';
import { useEffect, useRef } from 'react';
import { nameMarkGroups } from './plot-aria.ts';

export interface CategoryChartProps {
  /** Accessible name, e.g. « Sphères des actions ». */
  label: string;
  categories: readonly { id: string; label: string }[];
  /** QPV per category id, whatever the filters but territory and text (the grey background, and the fixed x axis). */
  totals: ReadonlyMap<string, number>;
  /** What the grey bars count, for screen readers: « les 111 QPV des données chargées : … ». */
  totalsDescription: string;
  /** QPV per category id, under the other dimensions' filters. */
  counts: ReadonlyMap<string, number>;
  chosen: readonly string[];
  onToggle(id: string): void;
}

const WIDTH = 336;
const BAR_HEIGHT = 17;
const COLOURS = { chosen: '#000091', other: '#cacafb', none: '#6a6af4', total: '#eeeeee' };
const short = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
const plural = (n: number) => `${n} QPV`;
const setText = (element: Element, text: string) => {
  if (element.firstChild?.nodeType === Node.TEXT_NODE) (element.firstChild as Text).data = text;
  else element.textContent = text;
};

/**
 * Horizontal bars drawn by Observable Plot; each bar is a checkbox (click, Entrée or Espace)
 * that adds its category to the filter. Chosen bars are dark and carry a check mark, so the
 * choice is not told by colour alone. Grey bars count every QPV of the chosen territory and text (every loaded QPV without them), the coloured ones those
 * passing the other filters: Plot draws the chart again when the categories, the grey bars
 * or the choice change; a filter change elsewhere moves the coloured bars along Plot's own x
 * scale and rewrites their counts, within the frame.
 */
export function CategoryChart({ label, categories, totals, totalsDescription, counts, chosen, onToggle }: CategoryChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef(onToggle);
  toggle.current = onToggle;
  const latestCounts = useRef(counts);
  latestCounts.current = counts;
  const setCounts = useRef<(counts: ReadonlyMap<string, number>) => void>(() => {});
  // Query results are new Maps each time: draw again only when a number really changed.
  const totalsKey = categories.map((c) => totals.get(c.id) ?? 0).join(',');
  const countsKey = categories.map((c) => counts.get(c.id) ?? 0).join(',');

  useEffect(() => {
    const data = categories.map((c) => ({ ...c, total: totals.get(c.id) ?? 0, chosen: chosen.includes(c.id) }));
    const fill = (d: (typeof data)[number]) => (chosen.length === 0 ? COLOURS.none : d.chosen ? COLOURS.chosen : COLOURS.other);
    const max = Math.max(1, ...data.map((d) => d.total));
    const plot = Plot.plot({
      width: WIDTH,
      height: data.length * BAR_HEIGHT + 10,
      marginLeft: 150,
      marginRight: 44,
      marginTop: 4,
      marginBottom: 6,
      style: { background: 'transparent', fontSize: '11px' },
      x: { axis: null, domain: [0, max] },
      y: { domain: data.map((d) => d.id), tickFormat: (id: string) => `${chosen.includes(id) ? '✓ ' : ''}${short(categories.find((c) => c.id === id)!.label)}`, label: null, tickSize: 0 },
      marks: [
        Plot.barX(data, { y: 'id', x: 'total', fill: COLOURS.total, insetTop: 2, insetBottom: 2, ariaDescription: totalsDescription }),
        // Drawn at the totals' length, then set to the filtered counts below.
        Plot.barX(data, { y: 'id', x: 'total', fill, insetTop: 2, insetBottom: 2, className: 'category-chart__filtered', ariaDescription: 'QPV passant les autres filtres' }),
        Plot.text(data, { y: 'id', x: () => max, text: (d: (typeof data)[number]) => String(d.total), textAnchor: 'start', dx: 4, fill: '#3a3a3a', className: 'category-chart__counts' }),
      ],
      ariaLabel: label,
    });
    nameMarkGroups(plot as SVGSVGElement);
    const x = plot.scale('x')!;
    const svg = select(plot as SVGSVGElement);
    const bars = svg.selectAll<SVGRectElement, unknown>('.category-chart__filtered rect');
    const numbers = svg.selectAll<SVGTextElement, unknown>('.category-chart__counts text').nodes();
    bars.each(function (_, i) {
      const d = data[i]!;
      select(this)
        .attr('role', 'checkbox')
        .attr('tabindex', 0)
        .attr('aria-checked', d.chosen)
        .attr('data-category', d.id)
        .style('cursor', 'pointer')
        .on('click', () => toggle.current(d.id))
        .on('keydown', (event: KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          toggle.current(d.id);
        })
        .append('title');
    });
    const origin = x.apply(0) as number;
    // Only the bars whose count changed are written (each write is a DOM mutation that DSFR's
    // document-wide observer examines).
    const drawn: number[] = [];
    setCounts.current = (counts) => {
      bars.each(function (_, i) {
        const d = data[i]!;
        const n = counts.get(d.id) ?? 0;
        if (drawn[i] === n) return;
        drawn[i] = n;
        const text = `${d.label} : ${plural(n)}`;
        this.setAttribute('width', String(Math.max(0, (x.apply(n) as number) - origin)));
        this.setAttribute('aria-label', text);
        this.setAttribute('data-count', String(n));
        // The text nodes' data, not `textContent`: that would replace each node, mutations of
        // the document's tree that DSFR's observer examines one by one.
        setText(this.firstElementChild!, text);
        setText(numbers[i]!, String(n));
      });
    };
    setCounts.current(latestCounts.current);
    // Keep the keyboard focus on the bar just toggled, across the rebuild.
    const focused = container.current!.contains(document.activeElement) ? document.activeElement!.getAttribute('data-category') : null;
    container.current!.replaceChildren(plot);
    if (focused !== null) plot.querySelector<SVGRectElement>(`rect[data-category="${CSS.escape(focused)}"]`)?.focus();
    return () => plot.remove();
    // Keyed by the totals' content: a new Map of the same counts (each facts query) does not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [categories, totalsKey, chosen, label, totalsDescription]);

  useEffect(() => {
    setCounts.current(latestCounts.current);
  }, [countsKey]);

  return <div ref={container} className="category-chart" data-testid={`categories-${label}`} />;
}
