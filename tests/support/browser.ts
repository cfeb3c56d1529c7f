import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { preview, type PreviewServer } from 'vite';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * The test build (`npm run build:e2e`: `vite build --mode e2e`, with the page's query hook)
 * the e2e tests, the bench and the screenshots serve; OBS_DIST_DIR lets parallel work build
 * elsewhere (`--outDir`).
 */
export const DIST_DIR = process.env.OBS_DIST_DIR ?? path.join(REPO_ROOT, 'dist-e2e');
/** The production build (`npm run build`), which has no hook: served by its own e2e test. */
export const PRODUCTION_DIST_DIR = process.env.OBS_PRODUCTION_DIST_DIR ?? path.join(REPO_ROOT, 'dist');
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
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no built app: run \`npm run build && npm run build:e2e\` first`);
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

/** What a page may log as an error without failing its checks (a fault the test provokes). */
export interface PageOptions {
  expectedConsoleErrors?: readonly RegExp[];
  /** Uncaught errors of a library's own code, matched against the message and its stack (where it was thrown). */
  expectedPageErrors?: readonly RegExp[];
}

/** A page of the app with everything it did wrong recorded, and the checks that read it. */
export interface AppPage {
  page: Page;
  /** Requests that left the app's origin (the app must make none). */
  offOrigin: string[];
  /** Uncaught exceptions and unhandled rejections of the page. */
  errors: string[];
  /** `console.error` messages, the browser's own included (failed loads, CSP refusals), and WebGL's refused draw calls. */
  consoleErrors: string[];
  /** `securitypolicyviolation` events: directive and blocked URI. */
  cspViolations: string[];
  /**
   * Fails on any off-origin request, page error, unexpected console error or CSP violation
   * so far, and on any serious or critical WCAG 2.1 A/AA violation axe-core finds in the page
   * as it is now.
   */
  expectClean(): Promise<void>;
  /** `expectClean()`, then closes the page and its context. */
  close(): Promise<void>;
}

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Pages opened by `openPage` and not yet checked by `expectPagesClean`. */
const watched = new Set<{ page: Page; checked: boolean; expectClean(): Promise<void> }>();

/**
 * A fresh page at a fixed viewport and pixel ratio that records what the app must never do:
 * a request off its origin, a script error, a console error, a CSP violation. `expectClean()`
 * (or `close()`) asserts none happened and runs axe-core; `expectPagesClean`, run after each
 * test, does so for every page opened, so that none goes unchecked.
 */
export async function openPage(browser: Browser, appUrl: string, options: PageOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const origin = new URL(appUrl).origin;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  // Reported from the page as they happen, so that a navigation loses none.
  await context.exposeBinding('__reportCspViolation', (_source, violation: string) => void cspViolations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  page.on('pageerror', (error) => {
    if (!(options.expectedPageErrors ?? []).some((re) => re.test(`${error.message}\n${error.stack ?? ''}`))) errors.push(error.message);
  });
  page.on('console', (message) => {
    // WebGL refusing a draw call is only a warning to the browser, and a layer not drawn to the user.
    if (message.type() !== 'error' && !(message.type() === 'warning' && /GL_INVALID/.test(message.text()))) return;
    const text = `${message.text()} (${message.location().url})`;
    if (!(options.expectedConsoleErrors ?? []).some((re) => re.test(text))) consoleErrors.push(text);
  });
  const url = () => (page.isClosed() ? `${appUrl} (closed)` : page.url());
  const expectClean = async () => {
    const found = Object.entries({ offOrigin, errors, consoleErrors, cspViolations }).filter(([, list]) => list.length > 0);
    // Reported once: the next test is not blamed for what happened in this one.
    const report = found.map(([what, list]) => `${what}: ${list.splice(0).join(' | ')}`).join('; ');
    if (found.length > 0) throw new Error(`page ${url()}: ${report}`);
    const axe = page.isClosed() || page.url() === 'about:blank' ? [] : await seriousAxeViolations(page);
    if (axe.length > 0) throw new Error(`page ${url()}: axe-core (WCAG 2.1 AA): ${axe.join(' | ')}`);
  };
  const entry = { page, checked: false, expectClean };
  watched.add(entry);
  return {
    page,
    offOrigin,
    errors,
    consoleErrors,
    cspViolations,
    expectClean,
    close: async () => {
      try {
        await expectClean();
      } finally {
        entry.checked = true;
        await context.close();
      }
    },
  };
}

/**
 * Serious and critical WCAG 2.1 A/AA violations in the page as it is now, one line each
 * (rule, then the first nodes). axe-core is injected from node_modules, never a CDN.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, AXE_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) on ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).join(', ')}`);
}

/**
 * For `afterEach`: checks every page opened since the last call. A page still open gets
 * `expectClean()`; one closed by `close()` was checked then; one closed another way fails.
 */
export async function expectPagesClean(): Promise<void> {
  const entries = [...watched];
  for (const entry of entries) {
    if (entry.page.isClosed()) {
      watched.delete(entry);
      if (!entry.checked) throw new Error('a page was closed without its checks: close it with AppPage.close()');
    } else {
      await entry.expectClean();
    }
  }
}

/** Waits until the page has set the performance mark `name`; returns its time in ms. */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 50 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
}

/** Resolves after the page has drawn two more frames (React commits and effects are done by then). */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Waits until the map shows everything it was last given (src/map/drawn-state.ts: MapLibre
 * idle, the upper deck.gl canvas drawn with its layers loaded). Call it once the change that
 * precedes it has shown elsewhere (URL, legend, table), so that the map has been given it.
 */
export async function waitForMapDrawn(page: Page, timeout = 30_000): Promise<void> {
  await nextFrames(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-drawn') === 'true', null, { timeout, polling: 50 });
}

/**
 * Runs SQL in the page's DuckDB through the app's own connector: the hook only the test build
 * has (src/test-hooks.ts).
 */
export async function queryInPage(page: Page, sql: string): Promise<Record<string, unknown>[]> {
  if (!(await page.evaluate(() => window.__observatoire !== undefined))) throw new Error(`no query hook in ${page.url()}: serve the test build (npm run build:e2e), not dist/`);
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
