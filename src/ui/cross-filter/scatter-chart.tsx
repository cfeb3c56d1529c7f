import * as Plot from '@observablehq/plot';
import { brush as brush2d, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { useEffect, useMemo, useRef } from 'react';
import type { Range } from '../../domain/cross-filter.ts';
import { EP_LONG_LABELS, EP_STATUTS, type EpStatut } from '../../domain/education-prioritaire.ts';
import { EP_SYMBOLS } from '../../map/etablissement-layers.ts';
import { formatCount } from '../format.ts';
import { nameMarkGroups } from './plot-aria.ts';
import { type Clip, type Sprite, spriteOf, stamp } from './scatter-raster.ts';
import { type Brush2d, brushAfterKey, brushKey, HANDLES, type Handle, handleValue, insideBrush, linearScale, type PixelRect, pointIndex, rangesOfRect, rectOfRanges } from './scatter-geometry.ts';

export interface ScatterPoint {
  code: string;
  nom: string;
  x: number;
  y: number;
  ep: EpStatut;
}

export interface ScatterChartProps {
  /** French axis labels, e.g. « Risque de décrochage (indice) ». */
  xLabel: string;
  yLabel: string;
  xFormat(v: number): string;
  yFormat(v: number): string;
  /** Fixed axes: a brush elsewhere never rescales them. */
  xDomain: Range;
  yDomain: Range;
  /** Every QPV of the chosen territory with both values. Keep the array between brush moves (memoise it): a new one redraws the chart. */
  points: readonly ScatterPoint[];
  /** Codes passing every other filter (changes on each brush move elsewhere). */
  passing: ReadonlySet<string>;
  /** The current 2D brush (from the URL or elsewhere): moved without being emitted again. */
  brush: Brush2d;
  /** A rectangle: both ranges; cleared: (null, null). */
  onBrush(x: Range | null, y: Range | null): void;
  /** A click on a point. */
  onPick?(code: string): void;
}

const SIZE = { width: 336, height: 280, marginLeft: 46, marginRight: 12, marginTop: 22, marginBottom: 34 };
/** The point under the cursor is the nearest one within this many pixels. */
const HOVER_PX = 12;
/** A press and release closer than this (pixels) is a click. */
const CLICK_PX = 3;
/** Past this many points, they are drawn smaller. */
const DENSE = 2000;
/** Points failing another filter: the map's grey (`DIMMED`, `palettes.ts`). */
const EXCLUDED = 'rgba(120, 120, 130, 0.45)';
/** Points passing the other filters but outside the rectangle, when there is one. */
const OUTSIDE_ALPHA = 0.3;
/** Draw order, bottom first: the networks stay on top of the crowd. */
const STATUS_ORDER: readonly EpStatut[] = ['hors_ep', 'inconnu', 'REP', 'REP+'];
const STATUS_INDEX = new Map(EP_STATUTS.map((s, i) => [s, i]));

/** State of a point, drawn bottom first: failing another filter, outside the rectangle, inside (or no rectangle). */
const EXCLUDED_STATE = 0;
const OUTSIDE_STATE = 1;
const INSIDE_STATE = 2;

/**
 * One shape per status, as the establishments' symbols on the map (`etablissement-layers.ts`):
 * diamond, triangle, circle, hollow square — told apart by shape as well as colour (WCAG 1.4.1).
 */
function addShape(ctx: CanvasRenderingContext2D, status: EpStatut, x: number, y: number, r: number): void {
  if (status === 'REP+') {
    const d = r * 1.3;
    ctx.moveTo(x, y - d);
    ctx.lineTo(x + d, y);
    ctx.lineTo(x, y + d);
    ctx.lineTo(x - d, y);
    ctx.closePath();
  } else if (status === 'REP') {
    const d = r * 1.25;
    ctx.moveTo(x, y - d);
    ctx.lineTo(x + d, y + d * 0.8);
    ctx.lineTo(x - d, y + d * 0.8);
    ctx.closePath();
  } else if (status === 'inconnu') {
    ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** The pixels of the shape of `status` in `state`, centred on a square of `size` device pixels. */
function shapeSprite(status: EpStatut, state: number, radius: number, size: number, dpr: number): Sprite {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return spriteOf({ width: 0, height: 0, data: [] });
  ctx.scale(dpr, dpr);
  ctx.globalAlpha = state === OUTSIDE_STATE ? OUTSIDE_ALPHA : 1;
  const colour = state === EXCLUDED_STATE ? EXCLUDED : EP_SYMBOLS[status].colour;
  ctx.beginPath();
  addShape(ctx, status, size / dpr / 2, size / dpr / 2, state === EXCLUDED_STATE ? radius * 0.75 : radius);
  if (status === 'inconnu') {
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = colour;
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
    if (state === INSIDE_STATE) {
      // A white edge keeps overlapping points apart, as the map's symbols do.
      ctx.lineWidth = 0.75;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.8)';
      ctx.stroke();
    }
  }
  return spriteOf(ctx.getImageData(0, 0, size, size));
}

/**
 * Scatter plot of two range dimensions, one point per QPV coloured and shaped by its
 * éducation prioritaire status, with a 2D d3 brush and four keyboard handles (sliders: arrows
 * move a bound by 1/20 of its axis, Shift by five times as much, Home/End to the ends,
 * Échap clears). Observable Plot draws the axes in SVG, once per points, axes and labels;
 * the points are stamped into one pixel buffer put on a canvas under it (`scatter-raster.ts`),
 * so that a change of `passing` (every brush move elsewhere) or of the rectangle repaints them
 * without touching the DOM, which DSFR's document-wide MutationObserver examines on every
 * mutation: ~0.1 ms for 111 points, ~5 ms for 11,100. The QPV nearest the cursor (within
 * 12 px, a flatbush index) is named in a tooltip; a click on it picks it.
 */
export function ScatterChart(props: ScatterChartProps) {
  const { xLabel, yLabel, xDomain, yDomain, points, passing, brush } = props;
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const moveBrush = useRef<(brush: Brush2d) => void>(() => {});
  const repaint = useRef<() => void>(() => {});
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;

  useEffect(() => {
    const xDom: Range = [x0, x1];
    const yDom: Range = [y0, y1];
    const ariaLabel = `Nuage de points : ${yLabel} selon ${xLabel}`;
    const plot = Plot.plot({
      ...SIZE,
      style: { background: 'transparent', fontSize: '10px' },
      x: { domain: xDom, ticks: 4, tickFormat: (v: number) => latest.current.xFormat(v), label: `${xLabel} →`, labelAnchor: 'right', labelOffset: 30 },
      y: { domain: yDom, ticks: 5, tickFormat: (v: number) => latest.current.yFormat(v), label: `↑ ${yLabel}`, labelAnchor: 'top' },
      marks: [Plot.gridX({ strokeOpacity: 0.08 }), Plot.gridY({ strokeOpacity: 0.08 }), Plot.ruleX([x0]), Plot.ruleY([y0])],
      ariaLabel,
    }) as SVGSVGElement;
    nameMarkGroups(plot);
    plot.classList.add('scatter__svg');
    const [left, right] = [SIZE.marginLeft, SIZE.width - SIZE.marginRight];
    const [top, bottom] = [SIZE.marginTop, SIZE.height - SIZE.marginBottom];
    const x = linearScale(xDom, [left, right]);
    const y = linearScale(yDom, [bottom, top]);

    // The points, in pixels, once per layout.
    const n = points.length;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const statuses = new Uint8Array(n);
    points.forEach((p, i) => {
      xs[i] = x.apply(p.x);
      ys[i] = y.apply(p.y);
      statuses[i] = STATUS_INDEX.get(p.ep) ?? STATUS_INDEX.get('inconnu')!;
    });
    const index = pointIndex(xs, ys);
    const radius = n > DENSE ? 1.8 : 3.5;

    const canvas = document.createElement('canvas');
    canvas.className = 'scatter__canvas';
    canvas.setAttribute('aria-hidden', 'true');
    // A dense cloud at the screen's resolution would cost four times the pixels on a high-density screen, for dots too small to show it.
    const dpr = n > DENSE ? 1 : window.devicePixelRatio || 1;
    canvas.width = Math.round(SIZE.width * dpr);
    canvas.height = Math.round(SIZE.height * dpr);
    // Written whole by putImageData on each repaint: a canvas kept in memory rather than on the GPU.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const pixels = ctx?.createImageData(canvas.width, canvas.height) ?? null;
    // The points may overflow the plot area by their radius, not onto the axes.
    const clip: Clip = [Math.floor((left - radius * 2) * dpr), Math.floor((top - radius * 2) * dpr), Math.ceil((right + radius * 2) * dpr), Math.ceil((bottom + radius * 2) * dpr)];
    const spriteSize = Math.ceil((radius * 3 + 2) * dpr);
    const half = spriteSize / 2;
    const sprites = [EXCLUDED_STATE, OUTSIDE_STATE, INSIDE_STATE].map((state) => EP_STATUTS.map((status) => shapeSprite(status, state, radius, spriteSize, dpr)));

    // The brush shown: from the brush itself while dragging, else from the props.
    let current: Brush2d = latest.current.brush;
    const states = new Uint8Array(n);
    let passingSeen: ReadonlySet<string> | null = null;
    const passes = new Uint8Array(n);
    repaint.current = () => {
      if (ctx === null || pixels === null) return;
      const { passing: set } = latest.current;
      if (set !== passingSeen) {
        passingSeen = set;
        for (let i = 0; i < n; i++) passes[i] = set.has(points[i]!.code) ? 1 : 0;
      }
      const brushed = current.x !== null || current.y !== null;
      for (let i = 0; i < n; i++) {
        states[i] = passes[i] === 0 ? EXCLUDED_STATE : !brushed || insideBrush(current, points[i]!.x, points[i]!.y) ? INSIDE_STATE : OUTSIDE_STATE;
      }
      const data = pixels!.data;
      data.fill(0);
      for (const state of [EXCLUDED_STATE, OUTSIDE_STATE, INSIDE_STATE]) {
        for (const status of STATUS_ORDER) {
          const s = STATUS_INDEX.get(status)!;
          const sprite = sprites[state]![s]!;
          for (let i = 0; i < n; i++) {
            if (states[i] === state && statuses[i] === s) stamp(data, canvas.width, clip, sprite, Math.round(xs[i]! * dpr - half), Math.round(ys[i]! * dpr - half));
          }
        }
      }
      ctx.putImageData(pixels!, 0, 0);
    };

    const svg = select(plot);
    const brush = brush2d<unknown>().extent([
      [left, top],
      [right, bottom],
    ]);
    const brushLayer = svg.append('g').attr('class', 'scatter__brush').call(brush);
    const hover = svg.append('circle').attr('class', 'scatter__hover').attr('r', radius + 3).attr('visibility', 'hidden').node()!;

    // Keyboard handles: vertical strips for the x bounds, horizontal ones for the y bounds.
    const handles = svg.append('g').attr('class', 'scatter__handles');
    const handleRects = handles
      .selectAll<SVGRectElement, Handle>('rect')
      .data(HANDLES)
      .join('rect')
      .attr('class', 'scatter__handle')
      .attr('tabindex', 0)
      .attr('role', 'slider')
      .attr('data-handle', (h) => h)
      .attr('aria-orientation', (h) => (h[0] === 'x' ? 'horizontal' : 'vertical'))
      .attr('aria-label', (h) => `${h[0] === 'x' ? xLabel : yLabel} : ${h[1] === '0' ? 'borne basse' : 'borne haute'}`)
      .attr('aria-valuemin', (h) => (h[0] === 'x' ? x0 : y0))
      .attr('aria-valuemax', (h) => (h[0] === 'x' ? x1 : y1))
      .each(function (h) {
        if (h[0] === 'x') {
          this.setAttribute('y', String(top));
          this.setAttribute('width', '8');
          this.setAttribute('height', String(bottom - top));
        } else {
          this.setAttribute('x', String(left));
          this.setAttribute('width', String(right - left));
          this.setAttribute('height', '8');
        }
      });
    const handleValues: number[] = [];
    const drawHandles = (b: Brush2d) =>
      handleRects.each(function (h, i) {
        const value = handleValue(b, h, xDom, yDom);
        if (handleValues[i] === value) return;
        handleValues[i] = value;
        this.setAttribute('aria-valuenow', String(value));
        this.setAttribute('aria-valuetext', h[0] === 'x' ? latest.current.xFormat(value) : latest.current.yFormat(value));
        if (h[0] === 'x') this.setAttribute('x', String(x.apply(value) - 4));
        else this.setAttribute('y', String(y.apply(value) - 4));
      });

    let programmatic = false;
    // The brush the rectangle shows: one that came from the rectangle itself is not moved again.
    let shown: string | null = null;
    const show = (b: Brush2d) => {
      current = b;
      drawHandles(b);
      repaint.current();
    };
    // While the pointer drags the rectangle, the brush coming back through the props (perhaps
    // rounded by the URL) does not move it under the pointer.
    let dragging = false;
    moveBrush.current = (b) => {
      if (dragging || brushKey(b) === shown) return;
      shown = brushKey(b);
      programmatic = true;
      brushLayer.call(brush.move, rectOfRanges(b, x, y, xDom, yDom) as [[number, number], [number, number]] | null);
      programmatic = false;
      show(b);
    };

    // The point under the cursor (or the click), in the SVG's own pixels (it may be drawn narrower).
    const pointAt = (event: MouseEvent) => {
      const box = plot.getBoundingClientRect();
      if (box.width === 0) return -1;
      const k = SIZE.width / box.width;
      return index.nearest((event.clientX - box.left) * k, (event.clientY - box.top) * k, HOVER_PX);
    };

    brush.on('start', (event: D3BrushEvent<unknown>) => {
      if (!programmatic && event.sourceEvent) dragging = true;
    });
    // A click is a press and release at the same place: d3-brush swallows the click event when
    // a rectangle was there, so the release itself says it.
    let down: readonly [number, number] | null = null;
    plot.addEventListener('pointerdown', (event) => (down = [event.clientX, event.clientY]));
    brush.on('brush end', (event: D3BrushEvent<unknown>) => {
      if (programmatic || !event.sourceEvent) return;
      const rect = event.selection as PixelRect | null;
      if (event.type === 'end') {
        dragging = false;
        const source = event.sourceEvent as MouseEvent;
        const click = down !== null && typeof source.clientX === 'number' && Math.hypot(source.clientX - down[0], source.clientY - down[1]) < CLICK_PX;
        down = null;
        const picked = click && latest.current.onPick ? pointAt(source) : -1;
        if (picked >= 0) {
          // A click on a point picks it and leaves the rectangle as it was.
          shown = null;
          moveBrush.current(latest.current.brush);
          latest.current.onPick!(points[picked]!.code);
          return;
        }
      }
      const b = rangesOfRect(rect, x, y, xDom, yDom);
      shown = brushKey(b);
      show(b);
      latest.current.onBrush(b.x, b.y);
    });

    const tooltip = document.createElement('div');
    tooltip.className = 'scatter__tooltip';
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.hidden = true;
    let hovered = -1;
    const setHovered = (i: number) => {
      if (i === hovered) return;
      hovered = i;
      if (i < 0) {
        hover.setAttribute('visibility', 'hidden');
        tooltip.hidden = true;
        return;
      }
      const p = points[i]!;
      const { xFormat, yFormat } = latest.current;
      hover.setAttribute('cx', String(xs[i]));
      hover.setAttribute('cy', String(ys[i]));
      hover.setAttribute('visibility', 'visible');
      const name = document.createElement('strong');
      name.textContent = p.nom;
      const lines = [`${xLabel} : ${xFormat(p.x)}`, `${yLabel} : ${yFormat(p.y)}`, `Éducation prioritaire : ${EP_LONG_LABELS[p.ep] ?? EP_LONG_LABELS.inconnu}`];
      tooltip.replaceChildren(name, ...lines.flatMap((line) => [document.createElement('br'), line]));
      tooltip.style.left = `${(xs[i]! / SIZE.width) * 100}%`;
      tooltip.style.top = `${(ys[i]! / SIZE.height) * 100}%`;
      tooltip.classList.toggle('scatter__tooltip--left', xs[i]! > SIZE.width / 2);
      tooltip.dataset.code = p.code;
      tooltip.hidden = false;
    };
    plot.addEventListener('pointermove', (event) => setHovered(pointAt(event)));
    plot.addEventListener('pointerleave', () => setHovered(-1));

    handles.on('keydown', (event: KeyboardEvent) => {
      const handle = select<SVGRectElement, Handle>(event.target as SVGRectElement).datum();
      const next = brushAfterKey(current, handle, event.key, event.shiftKey, xDom, yDom);
      if (next === undefined) return;
      event.preventDefault();
      moveBrush.current(next);
      latest.current.onBrush(next.x, next.y);
    });

    container.current!.replaceChildren(canvas, plot, tooltip);
    moveBrush.current(latest.current.brush);
    repaint.current();
    return () => {
      repaint.current = () => {};
      moveBrush.current = () => {};
    };
  }, [points, xLabel, yLabel, x0, x1, y0, y1]);

  // Another filter moved: repaint the points, without redrawing the chart.
  useEffect(() => repaint.current(), [passing]);

  // A brush set from elsewhere (URL, « Réinitialiser »): move the rectangle without re-emitting it.
  const key = brushKey(brush);
  useEffect(() => moveBrush.current(latest.current.brush), [key]);

  const counts = useMemo(() => {
    let passed = 0;
    let selected = 0;
    for (const p of points) {
      if (!passing.has(p.code)) continue;
      passed++;
      if (insideBrush(brush, p.x, p.y)) selected++;
    }
    return { passed, selected };
  }, [points, passing, brush]);
  const brushed = brush.x !== null || brush.y !== null;

  return (
    <div className="scatter" data-testid="scatter" data-brush={key} data-points={points.length} data-passing={counts.passed} data-selected={counts.selected}>
      <div ref={container} className="scatter__plot" />
      <p className="scatter__count fr-text--xs">
          {formatCount(points.length)} QPV · {formatCount(counts.passed)} passant les autres filtres
          {brushed && ` · ${formatCount(counts.selected)} dans le rectangle`}
        </p>
        <ul className="scatter__legend fr-text--xs" aria-label="Légende du nuage de points">
          {EP_STATUTS.map((s) => (
            <li key={s}>
              <img src={EP_SYMBOLS[s].url} width={12} height={12} alt="" /> {EP_LONG_LABELS[s]}
            </li>
          ))}
          <li>
            <span className="scatter__swatch" aria-hidden="true" /> Hors des autres filtres (grisés)
          </li>
      </ul>
    </div>
  );
}
