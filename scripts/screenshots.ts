/**
 * `npm run screenshots`: the pictures of docs/ and the README, taken from the built app in
 * headless Chromium, so that they always show what the code really draws.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openPage, REPO_ROOT, startPreview, waitForMark } from '../tests/support/browser.ts';

const OUT = path.join(REPO_ROOT, 'docs/img');
const server = await startPreview();
const browser = await launchChromium();

/** A fresh page at `hash`, once every table is loaded and the map has drawn it. */
async function open(hash: string): Promise<Page> {
  const { page } = await openPage(browser, server.url);
  await page.goto(`${server.url}${hash}`);
  await waitForMark(page, 'obs:duckdb-ready', 120_000);
  await page.waitForTimeout(2500);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  // No hover highlight nor tooltip on the picture.
  await page.mouse.move(5, 5);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(OUT, name) });
  await page.context().close();
}

try {
  // The default view: QPV coloured by poverty rate, schools of éducation prioritaire.
  await shoot(await open(''), 'carte-france.png');

  // A brush on the poverty-rate histogram over Occitanie: the map dims the QPV left out.
  const brushed = await open('#onglet=filtres&carte=8/43.35/2.3');
  const histogram = brushed.locator('[data-testid^="histogram-"] svg').first();
  await histogram.scrollIntoViewIfNeeded();
  const box = (await histogram.boundingBox())!;
  await brushed.mouse.move(box.x + 34 + 0.55 * (box.width - 44), box.y + 40);
  await brushed.mouse.down();
  await brushed.mouse.move(box.x + 34 + 0.95 * (box.width - 44), box.y + 40, { steps: 8 });
  await brushed.mouse.up();
  await brushed.waitForTimeout(1500);
  await shoot(brushed, 'carte-filtre-pauvrete.png');

  // The fiche of Grand Mirail (Toulouse), with every layer over the QPV.
  await shoot(await open('#qpv=QP031007&couches=qpv,reseaux,cites,etablissements,lieux,pre,actions&onglet=couches&carte=12.6/43.577/1.415'), 'fiche-qpv-mirail.png');
  console.log('screenshots: wrote docs/img');
} finally {
  await browser.close();
  await server.close();
}
