import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { foldTextSql } from '../../src/domain/fold-text.ts';
import { type Place, searchPlaces } from '../../src/queries/place-search.ts';
import { buildObjectSearchQuery, normaliseSearchText, OBJECT_SEARCH_SETUP, rankSearchHits, scoredSql, type SearchHit, searchSql } from '../../src/queries/search-query.ts';
import { connectToPublishedData, readPublishedPlaces } from '../support/published-data.ts';

// Executed against the committed public/data/*.arrow (qpv: 111 QPV of Occitanie and
// Ille-et-Vilaine; territoires: Admin Express COG 2018), read as the app reads them.
let db: Connector;
let places: Place[];
beforeAll(async () => {
  db = await connectToPublishedData();
  await db.exec(OBJECT_SEARCH_SETUP);
  places = await readPublishedPlaces();
});
afterAll(() => db.close());

async function search(text: string, limit?: number): Promise<SearchHit[]> {
  const hits = searchPlaces(places, text, limit);
  if (hits === null) throw new Error(`no search for ${JSON.stringify(text)}`);
  return hits;
}
const firstOf = async (text: string) => (await search(text))[0];

describe('searchPlaces, on the published tables', () => {
  it('finds the commune of Perpignan first for "perpignan"', async () => {
    expect(await firstOf('perpignan')).toMatchObject({ kind: 'commune', code: '66136', nom: 'Perpignan', detail: 'Commune (66)' });
  });

  it('finds the QPV first for its exact code, in any case', async () => {
    const hit = { kind: 'qpv', code: 'QP066007', nom: 'Bas-Vernet Nouveau QPV', detail: 'QPV · Perpignan (66)' };
    expect(await firstOf('QP066007')).toMatchObject(hit);
    expect(await firstOf('qp066007')).toMatchObject(hit);
  });

  it('folds accents: "beziers" finds Béziers (34032) first, before the "…-lès-Béziers"', async () => {
    const hits = await search('beziers');
    expect(hits[0]).toMatchObject({ code: '34032', nom: 'Béziers' });
    // Then the other communes (the contrat de ville « CA de Béziers-Méditerranée » comes after them).
    const communes = hits.slice(1).filter((h) => h.kind === 'commune');
    expect(communes.length).toBeGreaterThan(0);
    expect(communes.every((h) => String(h.nom).endsWith('lès-Béziers'))).toBe(true);
  });

  it('folds hyphens and accents: "saint etienne" finds Saint-Étienne (42218) first', async () => {
    expect(await firstOf('saint etienne')).toMatchObject({ kind: 'commune', code: '42218', nom: 'Saint-Étienne' });
    expect(await firstOf('SAINT-ÉTIENNE')).toMatchObject({ code: '42218' });
  });

  it('runs with a quote in the text and finds names with an apostrophe', async () => {
    const hits = await search("l'isle", 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.nom)).toContain("Montier-en-l'Isle");
  });

  it('finds communes typed with their article: "le havre", "le mans", "l isle adam"', async () => {
    expect(await firstOf('le havre')).toMatchObject({ kind: 'commune', code: '76351' });
    expect(await firstOf('Le Mans')).toMatchObject({ kind: 'commune', code: '72181' });
    expect(await firstOf("l'isle-adam")).toMatchObject({ kind: 'commune', code: '95313' });
  });

  it('finds a département by its code first, then communes whose code starts with it', async () => {
    const hits = await search('66');
    expect(hits[0]).toMatchObject({ kind: 'departement', code: '66', nom: 'Pyrénées-Orientales', detail: 'Département' });
    expect(hits.slice(1).every((h) => h.kind === 'commune' && String(h.code).startsWith('66'))).toBe(true);
  });

  it('puts a QPV whose name matches before communes at the same rank', async () => {
    const hits = await search('mirail');
    expect(hits[0]).toMatchObject({ kind: 'qpv', code: 'QP031007', nom: 'Grand Mirail' });
    expect(hits.slice(1).map((h) => h.kind)).toEqual(hits.slice(1).map(() => 'commune'));
  });

  it('returns every QPV of a code prefix, each with a valid box', async () => {
    const hits = await search('QP035');
    expect(hits.map((h) => h.code).sort()).toEqual(['QP035001', 'QP035002', 'QP035003', 'QP035004', 'QP035005', 'QP035006']);
    for (const h of hits) {
      expect(Number(h.xmin)).toBeLessThanOrEqual(Number(h.xmax));
      expect(Number(h.ymin)).toBeLessThanOrEqual(Number(h.ymax));
    }
  });

  it('finds a contrat de ville by name or code, labelled with its département, after the commune of the same name', async () => {
    const hit = { kind: 'contrat_de_ville', code: 'CV116', nom: 'Rennes Métropole', detail: 'Contrat de ville (35)' };
    expect(await firstOf('rennes metropole')).toMatchObject(hit);
    expect(await firstOf('cv116')).toMatchObject(hit);
    expect((await search('perpignan')).map((h) => h.kind)).toEqual(['commune', 'contrat_de_ville']);
  });

  it('honours the limit', async () => {
    expect(await search('saint', 3)).toHaveLength(3);
    expect(await search('saint')).toHaveLength(10);
  });

  it('returns no row (and no error) for a text that matches nothing', async () => {
    expect(await search('zzzzqqq')).toEqual([]);
  });

  it('treats an injection attempt as text in the SQL search: no error, and the qpv table is still there', async () => {
    expect(tableRows(await db.query(buildObjectSearchQuery("x'); DROP TABLE qpv; --")!))).toEqual([]);
    expect(tableRows(await db.query('SELECT count(*) AS n FROM qpv'))).toEqual([{ n: 111 }]);
  });
});

/**
 * The places' search in SQL, as the objects' search runs (`searchSql` over `scoredSql`): the
 * JS search must give the very same hits, in the same order, folding and ranks included.
 */
const PLACES_SQL = scoredSql(`
  SELECT 'qpv' AS kind, 0 AS kind_order, code, nom, nom AS searched,
         'QPV · ' || commune_nom || ' (' || departement_code || ')' AS detail, xmin, ymin, xmax, ymax
  FROM qpv
  UNION ALL
  SELECT niveau, CASE niveau WHEN 'commune' THEN 1 WHEN 'departement' THEN 2 WHEN 'region' THEN 3 WHEN 'contrat_de_ville' THEN 4 ELSE 5 END, code, nom, nom,
         CASE niveau WHEN 'commune' THEN 'Commune (' || departement_code || ')'
                     WHEN 'contrat_de_ville' THEN 'Contrat de ville (' || departement_code || ')'
                     WHEN 'departement' THEN 'Département' WHEN 'region' THEN 'Région' ELSE 'Académie' END,
         xmin, ymin, xmax, ymax
  FROM territoires`);

describe('searchPlaces ranks as the SQL search does', () => {
  it('folds every name of the QPV and territories as the SQL does', async () => {
    const folded = tableRows(await db.query(`SELECT nom, ${foldTextSql('nom')} AS folded FROM (SELECT nom FROM qpv UNION ALL SELECT nom FROM territoires)`));
    expect(folded.length).toBe(places.length);
    expect(folded.filter((r) => normaliseSearchText(String(r.nom)) !== r.folded)).toEqual([]);
  });

  it('gives the same hits as searchSql for texts drawn from every kind of place', async () => {
    // Folded once, as `search_objets` is.
    await db.exec(`CREATE OR REPLACE TABLE search_places AS ${PLACES_SQL}`);
    // Every 500th place: its name, its first word, a prefix, its name with accents and case as typed, its code and a code prefix.
    const texts = new Set(["l'isle", 'le havre', 'saint etienne', 'jaures toulouse', 'QP0', 'œuvre', 'ste marie']);
    places.forEach((p, i) => {
      if (i % 500 !== 0) return;
      for (const t of [p.nom, p.nom.split(/[ -]/)[0]!, p.nom.slice(0, 3), p.nom.toUpperCase(), p.code, p.code.slice(0, 3)]) texts.add(t);
    });
    expect(texts.size).toBeGreaterThan(300);
    for (const text of texts) {
      const sql = searchSql('SELECT * FROM search_places', text, 10);
      const js = searchPlaces(places, text, 10);
      if (sql === null) {
        expect(js, text).toBeNull();
        continue;
      }
      const expected = tableRows(await db.query(sql)).map((r) => ({ kind: r.kind, code: r.code, nom: r.nom, detail: r.detail, rank: r.rank, box: [r.xmin, r.ymin, r.xmax, r.ymax] }));
      expect(js!.map((h) => ({ kind: h.kind, code: h.code, nom: h.nom, detail: h.detail, rank: h.rank, box: [h.xmin, h.ymin, h.xmax, h.ymax] })), text).toEqual(expected);
    }
  }, 120_000);
});

describe('buildObjectSearchQuery: the Cités, PRE and schools of the published tables', () => {
  const find = async (text: string) => tableRows(await db.query(buildObjectSearchQuery(text)!)) as unknown as SearchHit[];
  /** Both searches, as the search box offers them. */
  const both = async (text: string) => rankSearchHits([...(await search(text)), ...(await find(text))]);

  it('finds a school by its UAI, in any case, named with its kind, network and commune, placed on its point', async () => {
    const hit = { kind: 'etablissement', code: '0300025P', nom: 'Collège Romain Rolland', detail: 'Collège public REP+ · Nîmes (30)', rank: 0 };
    expect((await find('0300025P'))[0]).toMatchObject(hit);
    expect((await find('0300025p'))[0]).toMatchObject(hit);
    const [school] = await find('0300025P');
    expect([school!.xmin, school!.ymin]).toEqual([school!.xmax, school!.ymax]);
  });

  it('says « EP inconnue » of a school whose status no source gives, and nothing of a stated hors EP', async () => {
    expect((await find('0011465M'))[0]).toMatchObject({ nom: 'Collège Simone Veil', detail: 'Collège public · EP inconnue · Ornex (01)' });
  });

  it('finds a school by the words of its name and its commune, in any order, accents folded', async () => {
    expect((await find('romain rolland nimes')).map((h) => h.code)).toEqual(['0300025P']);
    expect((await find('nimes rolland')).map((h) => h.code)).toEqual(['0300025P']);
    // « École maternelle publique Jean Jaurès »: the words need not follow each other.
    expect((await find('ecole maternelle jean jaures toulouse'))[0]).toMatchObject({ code: '0310188L', nom: 'École maternelle publique Jean Jaurès', detail: 'École publique · Toulouse (31)' });
  });

  it('finds Cités and PRE by name, their communes in the detail', async () => {
    expect((await find('cite educative de pau'))[0]).toMatchObject({ kind: 'cite', code: 'Cité éducative de Pau', detail: 'Cité éducative · Pau' });
    expect((await find('pre grenoble'))[0]).toMatchObject({ kind: 'pre', code: 'PRE de Grenoble', detail: 'Programme de réussite éducative · Grenoble' });
  });

  it('ranks with the territories: the commune of Grenoble first, then its académie, the contrat de ville, its PRE, its schools', async () => {
    const hits = await both('grenoble');
    expect(hits.slice(0, 4).map((h) => [h.kind, h.code])).toEqual([
      ['commune', '38185'],
      ['academie', '08'],
      ['contrat_de_ville', 'CV125'],
      ['pre', 'PRE de Grenoble'],
    ]);
    expect(hits.slice(4).every((h) => h.kind === 'etablissement' && h.detail.endsWith('· Grenoble (38)'))).toBe(true);
  });

  it('puts an exact UAI before any name that merely contains it', async () => {
    expect((await both('0300025P'))[0]).toMatchObject({ kind: 'etablissement', code: '0300025P' });
  });
});

describe('searchPlaces and buildObjectSearchQuery: text too short to search', () => {
  it.each(['', 'a', ' é ', '--', "'", ' 7 '])('returns null for %j', (text) => {
    expect(searchPlaces(places, text)).toBeNull();
    expect(buildObjectSearchQuery(text)).toBeNull();
  });
});

describe('normaliseSearchText', () => {
  it('folds case, accents and punctuation as the SQL does', () => {
    expect(normaliseSearchText("  L'Isle-d'Abeau ")).toBe('l isle d abeau');
    expect(normaliseSearchText('Saint-Étienne')).toBe('saint etienne');
  });
});
