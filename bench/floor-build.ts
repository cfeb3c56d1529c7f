import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../tests/support/browser.ts';

/** Where the floor page lies in the served directory, beside the app. */
export const FLOOR_PATH = 'bench-floor/index.html';

/**
 * A copy of the built app at `appDir` with the floor page (bench/floor/) built beside it under
 * `bench-floor/`, in a temp dir: served by one server, the floor fetches the app's own
 * `data/` from the same origin, and `dist/`, which users load, never holds it. Built with the
 * app's vite.config.ts, so that it gets the same CSP, MapLibre build and minification.
 */
export async function appWithFloor(appDir: string): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'observatoire-floor-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(appDir, dir, { recursive: true });
    await build({
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      root: path.join(REPO_ROOT, 'bench/floor'),
      base: `/${path.dirname(FLOOR_PATH)}/`,
      publicDir: false,
      logLevel: 'warn',
      build: { outDir: path.join(dir, path.dirname(FLOOR_PATH)), emptyOutDir: true },
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
