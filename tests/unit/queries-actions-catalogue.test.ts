import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpLocalActions } from '../../src/db/local-actions.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { buildActionFicheQuery, buildActionsCatalogueQuery, type CatalogueQuery, DEFAULT_CATALOGUE_QUERY } from '../../src/queries/actions-catalogue-query.ts';
import { ACTIONS_LAYOUT } from '../../src/domain/table-layouts.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
  await setUpLocalActions(db);
});
afterAll(() => db.close());
const run = async (sql: string) => tableRows(await db.query(sql));
const catalogue = (q: Partial<CatalogueQuery>) => run(buildActionsCatalogueQuery({ ...DEFAULT_CATALOGUE_QUERY, ...q }));

describe('actions catalogue query', () => {
  it('lists every action, published and local, by title', async () => {
    const rows = await catalogue({});
    const [all] = await run('SELECT count(*) AS n FROM actions');
    expect(rows).toHaveLength(all!.n as number);
    const titles = rows.map((r) => String(r.titre));
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(rows.every((r) => r.locale === false)).toBe(true);
    expect(await catalogue({ origine: 'locales' })).toEqual([]);
  });

  it('searches the folded text of title, summary, partners and places', async () => {
    expect((await catalogue({ texte: 'ERASMUS' })).map((r) => r.id)).toEqual(['fiche-06']);
    expect((await catalogue({ texte: 'la rochelle' })).map((r) => r.id)).toContain('fiche-08');
    expect(await catalogue({ texte: "l'introuvable" })).toEqual([]);
  });

  it('keeps an action with any chosen value of a vocabulary, and all vocabularies at once', async () => {
    const either = await catalogue({ values: { ...DEFAULT_CATALOGUE_QUERY.values, tranches: ['0-3', '16-25'] } });
    const [expected] = await run("SELECT count(*) AS n FROM actions WHERE tranches LIKE '%0-3%' OR tranches LIKE '%16-25%'");
    expect(either).toHaveLength(expected!.n as number);
    const both = await catalogue({ values: { ...DEFAULT_CATALOGUE_QUERY.values, tranches: ['0-3'], financement: ['label'] } });
    expect(both.map((r) => r.id)).toEqual(['fiche-07']);
  });

  it('restricts to a territory and sorts by year, latest first, actions without year last', async () => {
    const rows = await catalogue({ territoire: { niveau: 'commune', code: '33119' }, sort: 'annee_debut', descending: true });
    expect(rows.map((r) => r.id).sort()).toEqual((await run("SELECT id FROM actions WHERE commune_code LIKE '%33119%'")).map((r) => r.id).sort());
    const years = rows.map((r) => r.annee_debut as number | null);
    const given = years.filter((y): y is number => y !== null);
    expect(given).toEqual([...given].sort((a, b) => b - a));
    expect(years.slice(given.length).every((y) => y === null)).toBe(true);
  });

  it('gives every column of one action for its fiche', async () => {
    const [fiche] = await run(buildActionFicheQuery('fiche-01'));
    expect(Object.keys(fiche!).sort()).toEqual([...ACTIONS_LAYOUT.columns.map((c) => c.name), 'locale'].sort());
    expect(fiche).toMatchObject({ id: 'fiche-01', commune: 'Pau', locale: false, source: expect.stringContaining('seeds/000_9047d71bbe43d373.txt') });
  });
});
