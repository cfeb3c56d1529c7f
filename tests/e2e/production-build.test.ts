import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CSP_DIRECTIVES, CSP_HEADER_ONLY, serializeCsp } from '../../src/content-security-policy.ts';
import { type AppPage, countPixels, DIST_DIR, expectPagesClean, isQpvPixel, launchChromium, openPage, PRODUCTION_DIST_DIR, startPreview, waitForMapDrawn, waitForMark } from '../support/browser.ts';

/*
 * The build users get (`npm run build`, dist/), not the test build the other e2e files serve:
 * it has no test hook, carries its CSP, and runs under it without a violation.
 */

const HOOK = '__observatoire';

/** Files of a build whose text holds `needle`, relative to it (the data and the wasm aside). */
function filesHolding(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|js|css|json)$/.test(file) && !file.startsWith(`data${path.sep}`))
    .filter((file) => readFileSync(path.join(dir, file), 'utf8').includes(needle));
}

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  server = await startPreview(PRODUCTION_DIST_DIR);
  browser = await launchChromium();
  app = await openPage(browser, server.url);
});

afterEach(expectPagesClean);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the production build', () => {
  test('holds no test hook; the test build does (so the search can find one)', () => {
    expect(filesHolding(PRODUCTION_DIST_DIR, HOOK)).toEqual([]);
    expect(filesHolding(DIST_DIR, HOOK).length).toBeGreaterThan(0);
  });

  test('carries the CSP in its index.html, and vite preview sends it with frame-ancestors', async () => {
    const html = readFileSync(path.join(PRODUCTION_DIST_DIR, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(serializeCsp(CSP_DIRECTIVES));
    // Before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/));
    const policy = serializeCsp(CSP_DIRECTIVES);
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) expect(policy.split(/[ ;]+/)).not.toContain(unsafe);
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toBe(serializeCsp({ ...CSP_DIRECTIVES, ...CSP_HEADER_ONLY }));
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('draws the map and loads DuckDB under its CSP, with no hook in the page', async () => {
    await app.page.goto(server.url);
    await waitForMark(app.page, 'obs:duckdb-ready', 90_000);
    await waitForMapDrawn(app.page);
    const png = await app.page.screenshot();
    expect(countPixels(png, isQpvPixel, { x: 420, y: 130, width: 800, height: 578 }).matching).toBeGreaterThan(300);
    expect(await app.page.evaluate((hook) => hook in window, HOOK)).toBe(false);
  });

  test('the Filtres tab, its charts drawn, runs clean under the CSP and axe-core', async () => {
    await app.page.getByRole('tab', { name: /^Filtres/ }).click();
    await app.page.locator('[data-testid^="histogram-"] svg').first().waitFor({ timeout: 60_000 });
    await app.expectClean();
  });

  test('the policy is enforced, and the page checks see what it refuses', async () => {
    // What injected markup would try: an inline script, a call home. Both refused and reported.
    const outcome = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      script.remove();
      const fetched = await fetch('https://example.org/collect').then(
        () => 'sent',
        () => 'refused',
      );
      return { inlineRan: 'inlineRan' in window || '__inlineRan' in window, fetched };
    });
    expect(outcome).toEqual({ inlineRan: false, fetched: 'refused' });
    await expect.poll(() => app.cspViolations.join(' | ')).toMatch(/script-src-elem refused inline.*connect-src refused https:\/\/example\.org\/collect/);
    // Failed, and drained by the report: the page is clean again for the check after the test.
    await expect(app.expectClean()).rejects.toThrow(/cspViolations: script-src-elem refused inline/);
    expect([...app.cspViolations, ...app.consoleErrors]).toEqual([]);
  });
});
