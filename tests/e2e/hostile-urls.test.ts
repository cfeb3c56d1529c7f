import { describe, expect, test } from 'vitest';
import { waitForMark } from '../support/browser.ts';
import { colouredMapPixels, ENGINE_TEXT, mapStatusLine, openApp, PUBLISHED_ROWS, servedApp } from '../support/app-page.ts';

// Links forged as an auditor would: each is refused or replaced by the default, said in a
// French notice, and the default map is drawn; no engine text reaches the page.

const app = servedApp();

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describe('hostile links', () => {
  test.each([
    ['a NUL byte in territoire=', 'onglet=filtres&territoire=commune:31555%00', 'Le paramètre « territoire » du lien contient un caractère de contrôle : il est ignoré.'],
    ['a NUL byte in objet=', 'objet=etablissement:0310001A%00', 'Le paramètre « objet » du lien contient un caractère de contrôle : il est ignoré.'],
    ['an unknown indicator', 'indicateur=inconnu', 'Le lien demandait l’indicateur « inconnu », qui n’existe pas dans les données : la carte montre l’indicateur « Taux de pauvreté (seuil 60 %) ».'],
    ['f_valeur=~', 'onglet=filtres&f_valeur=~', 'Le paramètre « f_valeur » du lien (« ~ ») est illisible : il est ignoré.'],
    ['f_valeur=0x10~5', 'onglet=filtres&f_valeur=0x10~5', 'Le paramètre « f_valeur » du lien (« 0x10~5 ») est illisible : il est ignoré.'],
    ['markup in territoire=', `onglet=filtres&territoire=cite:${encodeURIComponent(XSS)}`, `Le lien demandait la Cité éducative « ${XSS.slice(0, 59)}… », qui n’existe pas dans les données : la carte montre tous les QPV des données chargées.`],
    ['markup in objet=', `objet=lieu:${encodeURIComponent(XSS)}`, `Le lien demandait le lieu « ${XSS.slice(0, 59)}… », qui n’existe pas dans les données : aucune fiche n’est ouverte.`],
  ])('%s: a French notice, the default map, no engine text', async (_what, hash, notice) => {
    const { page, close } = await openApp(app.browser, app.url, hash);
    const historyAtLoad = await page.evaluate(() => history.length);
    await waitForMark(page, 'obs:duckdb-ready', 90_000);
    const notices = page.getByTestId('link-notices');
    await expect.poll(() => notices.locator('p').allInnerTexts(), { timeout: 30_000 }).toEqual([notice]);
    // Put right in place: no history entry, so « back » does not lead to the hostile link.
    expect(await page.evaluate(() => history.length)).toBe(historyAtLoad);
    // The Filtres tab, where a bad territory used to show DuckDB's parser error: no filter.
    if (hash.includes('onglet=filtres')) {
      await expect.poll(() => page.getByRole('tab', { name: /^Filtres/ }).innerText()).toBe('Filtres');
      await page.getByRole('tab', { name: 'Indicateur' }).click();
    }
    // The default map: the poverty rate, classed, on every QPV.
    const counts = page.getByTestId('legend').locator('li:not([data-nd])');
    await expect.poll(() => counts.evaluateAll((items) => items.reduce((n, li) => n + Number(li.getAttribute('data-count')), 0)), { timeout: 30_000 }).toBeGreaterThan(50);
    expect(await page.getByTestId('indicator-panel').locator('select').first().inputValue()).toBe('tp60');
    expect(await mapStatusLine(page)).toBe(`Carte : ${PUBLISHED_ROWS.get('qpv')} QPV affichés`);
    expect(await colouredMapPixels(page)).toBeGreaterThan(300);
    const hashNow = await page.evaluate(() => decodeURIComponent(location.hash));
    expect(hashNow).toContain('indicateur=tp60');
    expect(hashNow).not.toMatch(/territoire=|objet=|f_valeur=|inconnu|\0/);
    expect(await page.locator('body').innerText()).not.toMatch(ENGINE_TEXT);
    // Markup is text: nothing of it runs or loads.
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src=x], script:not([src])').count()).toBe(0);
    // The notice can be dismissed.
    await notices.getByRole('button', { name: 'Masquer' }).click();
    await notices.waitFor({ state: 'detached' });
    await close();
  });
});
