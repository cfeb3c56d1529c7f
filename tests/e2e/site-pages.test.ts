import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BROWSER_STORAGE, documentTitle, SITE_PAGE_TITLES, SITE_PAGE_VIEWS, type SitePageView } from '../../src/domain/site-pages.ts';
import { REPERES_NATIONAUX } from '../../src/domain/reperes-nationaux.ts';
import { queryInPage, waitForMark } from '../support/browser.ts';
import { openApp, PUBLISHED_ROWS, servedApp } from '../support/app-page.ts';

/*
 * The pages a public-service site must have (footer → page, by URL and keyboard, each checked
 * by axe-core after each test), the skip links, the keyboard walk that fails on a focusable
 * element with no accessible name, what the browser keeps against what the page declares,
 * and the national repères beside a Cité's own figures.
 */

const app = servedApp();

/** The footer's link to each page: the DSFR writes the accessibility one with the state. */
const FOOTER_LINK: Record<SitePageView, RegExp> = {
  accessibilite: /^Accessibilité : non conforme$/,
  'mentions-legales': /^Mentions légales$/,
  'donnees-personnelles': /^Données personnelles$/,
  sources: /^Sources et licences$/,
};

const footer = (page: Page) => page.getByRole('contentinfo');

async function expectOnPage(page: Page, view: SitePageView): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name: SITE_PAGE_TITLES[view] });
  await heading.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-page-title');
  expect(await page.title()).toBe(documentTitle(SITE_PAGE_TITLES[view]));
  await expect.poll(async () => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('vue')).toBe(view);
}

/** The accessible name the browser computes for the focused element (null: nothing focused but the body). */
async function focusedName(cdp: CDPSession): Promise<{ what: string; role: string; name: string } | null> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement === document.body ? null : document.activeElement' });
  if (result.objectId === undefined) return null;
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
  const node = nodes[0];
  const { result: described } = await cdp.send('Runtime.callFunctionOn', {
    objectId: result.objectId,
    functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }',
    returnByValue: true,
  });
  return { what: String(described.value), role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '').trim() };
}

/**
 * Every element the Tab key reaches from the top of the page, in order, until the focus leaves
 * the page or comes back round; with the accessible name Chromium gives each.
 */
async function tabWalk(page: Page): Promise<{ what: string; role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.locator('body').focus();
  const reached: { what: string; role: string; name: string }[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(cdp);
    if (focused === null || reached.some((r) => r.what === focused.what && r.name === focused.name)) break;
    reached.push(focused);
  }
  await cdp.detach();
  return reached;
}

describe('footer: the pages a public-service site must have', () => {
  test('each footer link opens its page by keyboard (title, <h1> focused, vue= in the URL), clean for axe-core; the map comes back with its state', async () => {
    const { page, expectClean, close } = await openApp(app.browser, app.url, 'indicateur=tp60&couches=qpv,etablissements');
    for (const view of SITE_PAGE_VIEWS) {
      await footer(page).getByRole('link', { name: FOOTER_LINK[view] }).first().focus();
      await page.keyboard.press('Enter');
      await expectOnPage(page, view);
      await expectClean();
      await page.getByRole('link', { name: 'Retour à la carte' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'detached' });
      const params = async () => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
      await expect.poll(async () => (await params()).get('vue')).toBe(null);
      expect([(await params()).get('indicateur'), (await params()).get('couches')]).toEqual(['tp60', 'qpv,etablissements']);
      expect(await page.title()).toBe('Observatoire de la réussite éducative');
    }
    await close();
  });

  test('a page is reached by its URL: « Sources et licences » lists every published table and the libraries with their licences', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'vue=sources');
    await expectOnPage(page, 'sources');
    const tables = page.getByTestId('data-page').locator('[data-table]');
    await tables.first().waitFor();
    expect(await tables.evaluateAll((els) => els.map((e) => e.getAttribute('data-table')))).toEqual([...PUBLISHED_ROWS.keys()]);
    expect(await page.getByTestId('logiciels').locator('tbody tr').count()).toBeGreaterThan(20);
    await close();
  });
});

describe('skip links', () => {
  test('the first Tab reaches « Aller au contenu »; each link focuses its target and leaves the URL alone', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'indicateur=tp60');
    await waitForMark(page, 'obs:interactive', 90_000);
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    expect(await page.getByRole('navigation', { name: 'Accès rapide' }).isVisible()).toBe(true);
    const targets: [string, () => Promise<unknown>][] = [
      ['Aller au contenu', () => page.evaluate(() => document.activeElement?.id)],
      // The map's canvas, its focus shown (deck.gl sets its outline to none).
      ['Aller à la carte', () => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas') && document.activeElement.closest('#carte') !== null && getComputedStyle(document.activeElement).outlineStyle !== 'none')],
      ['Aller à la recherche', () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox' && document.activeElement.closest('#recherche') !== null)],
      ['Aller au pied de page', () => page.evaluate(() => document.activeElement?.id)],
    ];
    const expected = ['contenu', true, true, 'pied-de-page'];
    for (const [i, [name, focused]] of targets.entries()) {
      await page.getByRole('link', { name }).focus();
      await page.keyboard.press('Enter');
      expect(await focused(), name).toBe(expected[i]);
      expect(await page.evaluate(() => location.hash), name).toBe(hash);
    }
    // Over a full page, « contenu » is that page's title.
    await footer(page).getByRole('link', { name: FOOTER_LINK['mentions-legales'] }).click();
    await expectOnPage(page, 'mentions-legales');
    await page.getByRole('link', { name: 'Aller au contenu' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-page-title');
    expect(await page.getByRole('link', { name: 'Aller à la carte' }).count()).toBe(0);
    await close();
  });
});

describe('keyboard walk: no focusable element without an accessible name', () => {
  test('the map, its Filtres tab and a Cité’s territory view: every element Tab reaches has a name', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'indicateur=tp60');
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await page.locator('#deckgl-overlay').waitFor({ state: 'attached' });
    const map = await tabWalk(page);
    // From the skip links through the header, the map, its panel and table, to the footer; the deck.gl canvas is not among them.
    expect(map.slice(0, 4).map((r) => r.name)).toEqual(['Aller au contenu', 'Aller à la carte', 'Aller à la recherche', 'Aller au pied de page']);
    expect(map.some((r) => r.what.includes('maplibregl-canvas'))).toBe(true);
    expect(map.filter((r) => r.what.includes('deckgl-overlay'))).toEqual([]);
    expect(map.at(-1)?.name).toBe('Sources et licences');
    expect(map.filter((r) => r.name === '')).toEqual([]);

    await page.getByRole('tab', { name: /^Filtres/ }).click();
    await page.locator('[data-testid^="histogram-"] svg').first().waitFor({ timeout: 60_000 });
    const filtres = await tabWalk(page);
    expect(filtres.length).toBeGreaterThan(map.length);
    expect(filtres.filter((r) => r.name === '')).toEqual([]);

    const [cite] = await queryInPage(page, "SELECT nom FROM cites WHERE nom LIKE '%Mosson%'");
    await page.goto(`${app.url}#panneau=territoire&territoire=cite:${encodeURIComponent(String(cite!.nom))}`);
    await page.getByTestId('reperes-nationaux').waitFor({ timeout: 60_000 });
    const territoire = await tabWalk(page);
    expect(territoire.some((r) => r.name === 'Fermer')).toBe(true);
    expect(territoire.filter((r) => r.name === '')).toEqual([]);
    await close();
  });
});

describe('données personnelles: what the browser keeps is what the page says', () => {
  test('after a load, local storage, IndexedDB, session storage, caches and cookies hold only what the page lists', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'vue=donnees-personnelles');
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    await expectOnPage(page, 'donnees-personnelles');
    const kept = await page.evaluate(async () => ({
      localStorage: Object.keys(localStorage).sort(),
      indexedDb: (await indexedDB.databases()).map((d) => d.name).sort(),
      sessionStorage: Object.keys(sessionStorage),
      caches: await caches.keys(),
      cookies: document.cookie,
    }));
    const listed = (kind: string) => page.locator(`[data-storage="${kind}"]`).allTextContents();
    expect(kept.localStorage).toEqual([BROWSER_STORAGE.dsfrSchemeKey, BROWSER_STORAGE.reactDsfrSchemeKey].sort());
    for (const key of kept.localStorage) expect(await listed('localstorage')).toContain(key);
    expect(kept.indexedDb).toEqual([BROWSER_STORAGE.indexedDb.database]);
    expect(await listed('indexeddb')).toEqual(kept.indexedDb);
    expect([kept.sessionStorage, kept.caches, kept.cookies]).toEqual([[], [], '']);
    await close();
  });
});

describe('repères nationaux in the territory view of a Cité', () => {
  test('beside the Cité’s own figures, labelled national, with the survey, its year and the study; never for a commune', async () => {
    const { page, close } = await openApp(app.browser, app.url, 'indicateur=tp60');
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const [cite] = await queryInPage(page, "SELECT nom FROM cites WHERE nom LIKE '%Mosson%'");
    await page.goto(`${app.url}#panneau=territoire&territoire=cite:${encodeURIComponent(String(cite!.nom))}`);
    const reperes = page.getByTestId('reperes-nationaux');
    await reperes.waitFor({ timeout: 60_000 });
    await page.getByTestId('territoire-resume').waitFor();
    expect(await reperes.getByRole('heading').textContent()).toBe('Repères nationaux (Revue de projet 2024)');
    const text = await reperes.textContent();
    expect(text).toContain(`pas sur ${String(cite!.nom)}`);
    expect(text).toContain('208 Cités éducatives');
    expect(text).toMatch(/février 2026.*millésime 2024/);
    expect(await reperes.locator('[data-repere]').count()).toBe(REPERES_NATIONAUX.length);
    expect(await reperes.locator('[data-repere="ages-missions-locales"] td').first().textContent()).toMatch(/^89 %/);
    expect(await reperes.locator('[data-repere="formation-interprofessionnelle"] td').first().textContent()).toContain('l’étude écrit 68 %');
    // The Cité's summary comes first, the repères right after it.
    expect(await page.evaluate(() => document.querySelector('[data-testid="territoire-resume"]')!.nextElementSibling?.getAttribute('data-testid'))).toBe('reperes-nationaux');
    // The printable report carries them too, under its own heading.
    await page.getByRole('button', { name: 'Rapport imprimable' }).click();
    const printed = page.getByTestId('territoire-rapport').getByTestId('reperes-nationaux');
    await printed.waitFor({ timeout: 60_000 });
    expect(await printed.locator('[data-repere]').count()).toBe(REPERES_NATIONAUX.length);
    expect(await printed.getByRole('heading').evaluate((h) => `${h.tagName} ${h.textContent}`)).toBe('H2 Repères nationaux (Revue de projet 2024)');
    await page.getByRole('button', { name: 'Fermer le rapport' }).click();
    await page.goto(`${app.url}#panneau=territoire&territoire=commune:34172`);
    await page.getByTestId('territoire-resume').waitFor({ timeout: 60_000 });
    expect(await reperes.count()).toBe(0);
    await close();
  });
});
