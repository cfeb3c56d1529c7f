import type { Deck } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * PNG of the current map with its legend and source line. The map view registers its map
 * and the deck.gl overlay with a canvas of its own (`registerMapCapture`); `captureMapPng`
 * asks MapLibre for one more frame and, inside that frame's `render` event (before the
 * browser clears the drawing buffers, so neither canvas need keep `preserveDrawingBuffer`,
 * slower, on), copies the basemap canvas (with the footprints deck.gl draws in it), has the
 * overlay draw its canvas again and copies it on top.
 */

export interface MapLegend {
  title: string;
  /** `outline`: the swatch is a footprint's style (its line colour, dashed or not) rather than a flat colour. */
  items: readonly { colour: string; label: string; outline?: { colour: string; dashed: boolean } }[];
}

export class MapCaptureError extends Error {
  override readonly name = 'MapCaptureError';
}

let grabFrame: (() => Promise<HTMLCanvasElement>) | null = null;

/** Called by the map view once its map exists; returns the function that unregisters it. */
export function registerMapCapture(map: MapLibreMap, overlay: MapboxOverlay): () => void {
  const grab = () =>
    new Promise<HTMLCanvasElement>((resolve, reject) => {
      map.once('render', () => {
        try {
          const source = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = source.width;
          copy.height = source.height;
          const ctx = copy.getContext('2d')!;
          ctx.drawImage(source, 0, 0);
          // The overlay redraws deck.gl only when something changed: draw it now, then copy.
          // MapboxOverlay exposes its canvas but not its Deck's redraw.
          (overlay as unknown as { _deck?: Deck })._deck?.redraw('map capture');
          const layers = overlay.getCanvas();
          if (layers !== null) ctx.drawImage(layers, 0, 0, copy.width, copy.height);
          resolve(copy);
        } catch (error) {
          reject(new MapCaptureError('la carte n’a pas pu être copiée', { cause: error }));
        }
      });
      map.triggerRepaint();
    });
  grabFrame = grab;
  return () => {
    if (grabFrame === grab) grabFrame = null;
  };
}

const FONT = 'Marianne, Arial, sans-serif';

/** `text` cut into lines no wider than `width` at the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  return line === '' ? lines : [...lines, line];
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: MapLegend, scale: number): void {
  const pad = 8 * scale;
  const row = 16 * scale;
  const swatch = { w: 22 * scale, h: 11 * scale };
  ctx.font = `bold ${12 * scale}px ${FONT}`;
  const titleWidth = ctx.measureText(legend.title).width;
  ctx.font = `${11 * scale}px ${FONT}`;
  const itemsWidth = Math.max(0, ...legend.items.map((i) => ctx.measureText(i.label).width)) + swatch.w + 6 * scale;
  const width = Math.max(titleWidth, itemsWidth) + 2 * pad;
  const height = pad * 2 + row * (legend.items.length + 1);
  const [x, y] = [10 * scale, 10 * scale];
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(x, y, width, height);
  ctx.strokeStyle = 'rgba(0, 0, 18, 0.25)';
  ctx.lineWidth = scale;
  ctx.strokeRect(x, y, width, height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#161616';
  ctx.font = `bold ${12 * scale}px ${FONT}`;
  ctx.fillText(legend.title, x + pad, y + pad + row / 2);
  ctx.font = `${11 * scale}px ${FONT}`;
  legend.items.forEach((item, i) => {
    const cy = y + pad + row * (i + 1.5);
    ctx.fillStyle = item.colour;
    ctx.fillRect(x + pad, cy - swatch.h / 2, swatch.w, swatch.h);
    if (item.outline) {
      ctx.save();
      ctx.strokeStyle = item.outline.colour;
      ctx.lineWidth = 2 * scale;
      ctx.setLineDash(item.outline.dashed ? [4 * scale, 3 * scale] : []);
      ctx.strokeRect(x + pad + scale, cy - swatch.h / 2 + scale, swatch.w - 2 * scale, swatch.h - 2 * scale);
      ctx.restore();
    } else ctx.strokeRect(x + pad, cy - swatch.h / 2, swatch.w, swatch.h);
    ctx.fillStyle = '#161616';
    ctx.fillText(item.label, x + pad + swatch.w + 6 * scale, cy);
  });
}

/** The map frame with the legend over its top-left corner and the source line under it. */
export function composeMapPicture(frame: HTMLCanvasElement, legend: MapLegend, sourceLine: string, scale: number): HTMLCanvasElement {
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const pad = 8 * scale;
  const lineHeight = 15 * scale;
  ctx.font = `${11 * scale}px ${FONT}`;
  const lines = wrap(ctx, sourceLine, frame.width - 2 * pad);
  out.width = frame.width;
  out.height = frame.height + 2 * pad + lines.length * lineHeight;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(frame, 0, 0);
  drawLegend(ctx, legend, scale);
  ctx.fillStyle = '#3a3a3a';
  ctx.font = `${11 * scale}px ${FONT}`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, pad, frame.height + pad + i * lineHeight));
  return out;
}

/** The current map as a PNG with `legend` and `sourceLine`. */
export async function captureMapPng(legend: MapLegend, sourceLine: string): Promise<Blob> {
  if (grabFrame === null) throw new MapCaptureError('aucune carte affichée');
  const frame = await grabFrame();
  const picture = composeMapPicture(frame, legend, sourceLine, window.devicePixelRatio || 1);
  return new Promise((resolve, reject) => picture.toBlob((blob) => (blob ? resolve(blob) : reject(new MapCaptureError('PNG non produit'))), 'image/png'));
}
