/**
 * `npm run screenshots`: the pictures of docs/ and the README, taken from the built app in
 * headless Chromium, so that they always show what the code really draws.
 */
import path from 'node:path';
import { launchChromium, mapView, openPage, REPO_ROOT, startPreview, waitForMark } from '../tests/support/browser.ts';

const OUT = path.join(REPO_ROOT, 'docs/img');
const server = await startPreview();
const browser = await launchChromium();
try {
  const { page } = await openPage(browser, server.url);
  await page.goto(server.url);
  // Every table loaded: choropleth colours and schools are drawn.
  await waitForMark(page, 'obs:duckdb-ready', 90_000);
  await page.getByTestId('legend').waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(OUT, 'carte-france.png') });

  const input = page.getByRole('combobox', { name: /Rechercher/ });
  await input.fill('QP031007');
  await page.getByRole('option').first().waitFor();
  await input.press('Enter');
  await page.waitForFunction(() => /carte=1[2-9]/.test(location.hash));
  await page.waitForTimeout(1500);
  const view = await mapView(page);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, 'carte-qpv-toulouse.png') });
  console.log(`screenshots: wrote docs/img (QPV view at zoom ${view.zoom})`);
} finally {
  await browser.close();
  await server.close();
}
