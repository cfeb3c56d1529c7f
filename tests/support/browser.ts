import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { preview, type PreviewServer } from 'vite';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** Built app to serve; OBS_DIST_DIR lets parallel work build elsewhere (`vite build --outDir`). */
export const DIST_DIR = process.env.OBS_DIST_DIR ?? path.join(REPO_ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Debian Chromium with software WebGL and no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORT = { width: 1280, height: 800 };

/** Serves the built app (`dist/`, or `dir`) on a free loopback port. */
export async function startPreview(dir = DIST_DIR): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no built app: run \`npm run build\` first`);
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    logLevel: 'error',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh page at a fixed viewport and pixel ratio, with every request that leaves the
 * app's origin recorded in `offOrigin` (the app must make none).
 */
export async function openPage(browser: Browser, appUrl: string): Promise<{ page: Page; offOrigin: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  const origin = new URL(appUrl).origin;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, offOrigin, errors };
}

/** Waits until the page has set the performance mark `name`; returns its time in ms. */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 50 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
}

/** Runs SQL in the page's DuckDB through the app's own connector. */
export function queryInPage(page: Page, sql: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((q) => window.__observatoire!.query(q), sql);
}

/** Map view from the URL hash MapLibre keeps (`#carte=zoom/lat/lon`). */
export async function mapView(page: Page): Promise<{ zoom: number; lat: number; lon: number }> {
  const hash = await page.evaluate(() => location.hash);
  const match = /carte=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (!match) throw new Error(`no map view in URL hash "${hash}"`);
  return { zoom: Number(match[1]), lat: Number(match[2]), lon: Number(match[3]) };
}

export interface PixelCount {
  total: number;
  matching: number;
  distinctColours: number;
}

/** Counts pixels of a PNG (within `box`) whose colour passes `test`. */
export function countPixels(png: Buffer, test: (r: number, g: number, b: number) => boolean, box?: { x: number; y: number; width: number; height: number }): PixelCount {
  const image = PNG.sync.read(png);
  const { x = 0, y = 0, width = image.width, height = image.height } = box ?? {};
  let matching = 0;
  const colours = new Set<number>();
  for (let j = y; j < y + height; j++) {
    for (let i = x; i < x + width; i++) {
      const o = (j * image.width + i) * 4;
      const r = image.data[o]!;
      const g = image.data[o + 1]!;
      const b = image.data[o + 2]!;
      colours.add((r << 16) | (g << 8) | b);
      if (test(r, g, b)) matching++;
    }
  }
  return { total: width * height, matching, distinctColours: colours.size };
}

/**
 * A QPV drawn in colour: the default magenta or a class of the choropleth (ColorBrewer
 * YlOrRd / Blues), i.e. a saturated pixel, which the basemap (greys, pale blue sea) never is.
 */
export const isQpvPixel = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) > 45;

/** The pixel passing `test` nearest to `near` (searched in growing squares), or null. */
export function findPixel(png: Buffer, test: (r: number, g: number, b: number) => boolean, near: { x: number; y: number }, maxRadius = 200): { x: number; y: number } | null {
  const image = PNG.sync.read(png);
  const at = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
    const o = (y * image.width + x) * 4;
    return test(image.data[o]!, image.data[o + 1]!, image.data[o + 2]!);
  };
  for (let r = 0; r <= maxRadius; r++) {
    for (let dx = -r; dx <= r; dx++) {
      for (const dy of r === 0 ? [0] : Math.abs(dx) === r ? Array.from({ length: 2 * r + 1 }, (_, i) => i - r) : [-r, r]) {
        if (at(near.x + dx, near.y + dy)) return { x: near.x + dx, y: near.y + dy };
      }
    }
  }
  return null;
}

/** Share of pixels of `box` whose colour differs by more than `threshold` on a channel. */
export function differingShare(a: Buffer, b: Buffer, box: { x: number; y: number; width: number; height: number }, threshold = 40): number {
  const [ia, ib] = [PNG.sync.read(a), PNG.sync.read(b)];
  let differing = 0;
  for (let j = box.y; j < box.y + box.height; j++) {
    for (let i = box.x; i < box.x + box.width; i++) {
      const o = (j * ia.width + i) * 4;
      if ([0, 1, 2].some((c) => Math.abs(ia.data[o + c]! - ib.data[o + c]!) > threshold)) differing++;
    }
  }
  return differing / (box.width * box.height);
}
