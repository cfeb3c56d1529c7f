import * as Plot from '@observablehq/plot';
import { select } from 'd3-selection';
import { useEffect, useRef } from 'react';

export interface CategoryChartProps {
  /** Accessible name, e.g. « Sphères des actions ». */
  label: string;
  categories: readonly { id: string; label: string }[];
  /** QPV per category id, under the other dimensions' filters. */
  counts: ReadonlyMap<string, number>;
  chosen: readonly string[];
  onToggle(id: string): void;
}

const WIDTH = 336;
const BAR_HEIGHT = 17;
const COLOURS = { chosen: '#000091', other: '#cacafb', none: '#6a6af4' };
const short = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
const plural = (n: number) => `${n} QPV`;

/**
 * Horizontal bars drawn by Observable Plot; each bar is a checkbox (click, Entrée or Espace)
 * that adds its category to the filter. Chosen bars are dark and carry a check mark, so the
 * choice is not told by colour alone.
 */
export function CategoryChart({ label, categories, counts, chosen, onToggle }: CategoryChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef(onToggle);
  toggle.current = onToggle;
  const latestCounts = useRef(counts);
  latestCounts.current = counts;
  // Query results are new Maps each time: rebuild only when a count really changed.
  const countsKey = categories.map((c) => counts.get(c.id) ?? 0).join(',');

  useEffect(() => {
    const counts = latestCounts.current;
    const data = categories.map((c) => ({ ...c, n: counts.get(c.id) ?? 0, chosen: chosen.includes(c.id) }));
    const fill = (d: (typeof data)[number]) => (chosen.length === 0 ? COLOURS.none : d.chosen ? COLOURS.chosen : COLOURS.other);
    const plot = Plot.plot({
      width: WIDTH,
      height: data.length * BAR_HEIGHT + 10,
      marginLeft: 150,
      marginRight: 44,
      marginTop: 4,
      marginBottom: 6,
      style: { background: 'transparent', fontSize: '11px' },
      x: { axis: null, domain: [0, Math.max(1, ...data.map((d) => d.n))] },
      y: { domain: data.map((d) => d.id), tickFormat: (id: string) => `${chosen.includes(id) ? '✓ ' : ''}${short(categories.find((c) => c.id === id)!.label)}`, label: null, tickSize: 0 },
      marks: [
        Plot.barX(data, { y: 'id', x: 'n', fill, insetTop: 2, insetBottom: 2 }),
        Plot.text(data, { y: 'id', x: 'n', text: (d: (typeof data)[number]) => String(d.n), textAnchor: 'start', dx: 4, fill: '#3a3a3a' }),
      ],
      ariaLabel: label,
    });
    select(plot as SVGSVGElement)
      .selectAll<SVGRectElement, unknown>('g[aria-label="bar"] rect')
      .each(function (_, i) {
        const d = data[i]!;
        select(this)
          .attr('role', 'checkbox')
          .attr('tabindex', 0)
          .attr('aria-checked', d.chosen)
          .attr('aria-label', `${d.label} : ${plural(d.n)}`)
          .attr('data-category', d.id)
          .attr('data-count', d.n)
          .style('cursor', 'pointer')
          .on('click', () => toggle.current(d.id))
          .on('keydown', (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            toggle.current(d.id);
          })
          .append('title')
          .text(`${d.label} : ${plural(d.n)}`);
      });
    // Keep the keyboard focus on the bar just toggled, across the rebuild.
    const focused = container.current!.contains(document.activeElement) ? document.activeElement!.getAttribute('data-category') : null;
    container.current!.replaceChildren(plot);
    if (focused !== null) plot.querySelector<SVGRectElement>(`rect[data-category="${CSS.escape(focused)}"]`)?.focus();
    return () => plot.remove();
  }, [categories, countsKey, chosen, label]);

  return <div ref={container} className="category-chart" data-testid={`categories-${label}`} />;
}
