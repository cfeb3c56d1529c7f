/**
 * `npm run screenshots`: the pictures of docs/ and the README, taken from the built app in
 * headless Chromium, so that they always show what the code really draws.
 */
import path from 'node:path';
import { type AppPage, launchChromium, openPage, PRODUCTION_DIST_DIR, REPO_ROOT, startPreview, waitForMapDrawn, waitForMark } from '../tests/support/browser.ts';

const OUT = path.join(REPO_ROOT, 'docs/img');
// The production build: what users see (the pictures need no test hook).
const server = await startPreview(PRODUCTION_DIST_DIR);
const browser = await launchChromium();

/** A fresh page at `hash`, once every table is loaded and the map has drawn it. */
async function open(hash: string): Promise<AppPage> {
  const app = await openPage(browser, server.url);
  await app.page.goto(`${server.url}${hash}`);
  await waitForMark(app.page, 'obs:duckdb-ready', 120_000);
  await waitForMapDrawn(app.page, 120_000);
  return app;
}

/** Takes the picture once nothing is hovered and the map is drawn; fails if the page was not clean. */
async function shoot(app: AppPage, name: string): Promise<void> {
  const { page } = app;
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.deck-tooltip')].every((t) => t.offsetParent === null));
  await waitForMapDrawn(page);
  await page.screenshot({ path: path.join(OUT, name) });
  await app.close();
}

try {
  // The default view: QPV coloured by poverty rate, schools of éducation prioritaire.
  await shoot(await open(''), 'carte-france.png');

  // A brush on the poverty-rate histogram over Occitanie: the map dims the QPV left out.
  const brushed = await open('#onglet=filtres&carte=8/43.35/2.3');
  const before = await brushed.page.getByTestId('match-count').getAttribute('data-count');
  const histogram = brushed.page.locator('[data-testid^="histogram-"] svg').first();
  await histogram.scrollIntoViewIfNeeded();
  const box = (await histogram.boundingBox())!;
  await brushed.page.mouse.move(box.x + 34 + 0.55 * (box.width - 44), box.y + 40);
  await brushed.page.mouse.down();
  await brushed.page.mouse.move(box.x + 34 + 0.95 * (box.width - 44), box.y + 40, { steps: 8 });
  await brushed.page.mouse.up();
  // The filter applied (fewer QPV match) before the map is awaited.
  await brushed.page.waitForFunction((n) => document.querySelector('[data-testid="match-count"]')?.getAttribute('data-count') !== n, before);
  await shoot(brushed, 'carte-filtre-pauvrete.png');

  // The fiche of Grand Mirail (Toulouse), with every layer over the QPV.
  await shoot(await open('#qpv=QP031007&couches=qpv,reseaux,cites,etablissements,lieux,pre,actions&onglet=couches&carte=12.6/43.577/1.415'), 'fiche-qpv-mirail.png');
  console.log('screenshots: wrote docs/img');
} finally {
  await browser.close();
  await server.close();
}
