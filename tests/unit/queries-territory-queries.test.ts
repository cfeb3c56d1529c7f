import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActionsSheet, replaceLocalActions, setUpLocalActions } from '../../src/db/local-actions.ts';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import type { Territoire } from '../../src/domain/cross-filter.ts';
import { parseDelimited } from '../../src/domain/parse-delimited.ts';
import { SPHERES, TRANCHES } from '../../src/domain/vocabulary.ts';
import { buildCellActionsQuery, buildCellLieuxQuery, buildParcoursMatrixQuery, buildUnplacedInMatrixQuery } from '../../src/queries/parcours-matrix-query.ts';
import {
  buildTerritoryActionBreakdownQuery,
  buildTerritoryActionsQuery,
  buildTerritoryEtablissementsQuery,
  buildTerritoryIdentityQuery,
  buildTerritoryLieuxQuery,
  buildTerritoryPreQuery,
  buildTerritoryQpvQuery,
} from '../../src/queries/territory-queries.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
  await setUpLocalActions(db);
});
afterAll(() => db.close());
const run = async (sql: string) => tableRows(await db.query(sql));
const ids = async (sql: string) => (await run(sql)).map((r) => String(r.id)).sort();

const CENON: Territoire = { niveau: 'commune', code: '33119' };
const CITE_BORDEAUX: Territoire = { niveau: 'cite', code: 'Cité éducative de Bordeaux' };
const GIRONDE: Territoire = { niveau: 'departement', code: '33' };
const TOULOUSE: Territoire = { niveau: 'commune', code: '31555' };

describe('territory queries: what belongs to a territory', () => {
  it('names the territory and gives the box to fit the map', async () => {
    expect(await run(buildTerritoryIdentityQuery(CENON))).toEqual([expect.objectContaining({ niveau: 'commune', code: '33119', nom: 'Cenon', detail: 'Gironde (33)', communes: 1 })]);
    const [cite] = await run(buildTerritoryIdentityQuery({ niveau: 'cite', code: 'Cité éducative de Pau' }));
    const [pau] = await run("SELECT xmin, ymin, xmax, ymax FROM cites WHERE nom = 'Cité éducative de Pau'");
    expect(cite).toMatchObject({ nom: 'Cité éducative de Pau', detail: 'Pau', communes: 1, perimetre: 'commune_approchee', ...pau });
    expect(cite!.source).toMatch(/seeds\/000_9047d71bbe43d373\.txt/);
    expect(await run(buildTerritoryIdentityQuery({ niveau: 'commune', code: '99999' }))).toEqual([]);
  });

  it('takes an action placed in its communes, one naming its Cité, and one placed at its département only for the département alone', async () => {
    const published = await ids("SELECT id FROM actions WHERE list_contains(string_split(commune_code, '|'), '33119')");
    expect(published).toEqual(expect.arrayContaining(['fiche-03', 'fiche-06', 'fiche-09']));
    expect(await ids(buildTerritoryActionsQuery(CENON))).toEqual(published);
    const bordeaux = await ids(buildTerritoryActionsQuery(CITE_BORDEAUX));
    expect(bordeaux).toEqual(await ids("SELECT id FROM actions WHERE list_contains(string_split(commune_code, '|'), '33063') OR cite LIKE '%Cité éducative de Bordeaux%'"));
    expect(bordeaux).toEqual(expect.arrayContaining(['fiche-03', 'fiche-04', 'fiche-07']));
    // fiche-05 is placed at « 37 » only.
    expect(await ids(buildTerritoryActionsQuery({ niveau: 'departement', code: '37' }))).toContain('fiche-05');
    expect(await ids(buildTerritoryActionsQuery({ niveau: 'commune', code: '37261' }))).not.toContain('fiche-05');
    const gironde = await ids(buildTerritoryActionsQuery(GIRONDE));
    expect(gironde).toEqual(await ids("SELECT id FROM actions WHERE list_contains(string_split(departement_code, '|'), '33')"));
    expect(await ids(buildTerritoryActionsQuery({ niveau: 'region', code: '75' }))).toEqual(expect.arrayContaining([...gironde, 'fiche-01', 'fiche-08', 'fiche-10']));
  });

  it('lists the QPV of a commune with their population, never under the secret statistique threshold', async () => {
    const qpv = await run(buildTerritoryQpvQuery(TOULOUSE));
    const [expected] = await run("SELECT count(*) AS n FROM qpv WHERE commune_code = '31555'");
    expect(qpv).toHaveLength(Number(expected!.n));
    expect(qpv.length).toBeGreaterThan(0);
    expect(qpv.every((q) => q.population === null || (q.population as number) >= 11)).toBe(true);
    const [arenes] = await run("SELECT arg_max(valeur, annee) AS v FROM indicateurs WHERE indicateur = 'pop_mun' AND territoire_code = 'QP031008'");
    // With the year the population describes, as indicateurs_meta gives it.
    expect(qpv.find((q) => q.code === 'QP031008')).toMatchObject({ nom: 'Arènes', population: arenes!.v, millesime: '2013' });
    expect(await run(buildTerritoryQpvQuery(CENON))).toEqual(await run("SELECT code FROM qpv WHERE commune_code = '33119'"));
    // A Cité whose perimeter is its QPV has that QPV, not the other eleven of Montpellier.
    expect((await run(buildTerritoryQpvQuery({ niveau: 'cite', code: 'Cité éducative de La Mosson' }))).map((q) => q.code)).toEqual(['QP034005']);
  });

  it('lists the REP and REP+ establishments, REP+ first', async () => {
    const rows = await run(buildTerritoryEtablissementsQuery(TOULOUSE));
    const [expected] = await run("SELECT count(*) AS n, count(*) FILTER (WHERE ep = 'REP+') AS plus FROM etablissements WHERE commune_code = '31555' AND ep IN ('REP+', 'REP')");
    expect(rows).toHaveLength(Number(expected!.n));
    expect(rows.findIndex((r) => r.ep === 'REP')).toBe(Number(expected!.plus));
  });

  it('lists the establishments of unknown status after REP, never as hors EP: Strasbourg 5 REP+, 3 REP, 13 inconnu', async () => {
    const rows = await run(buildTerritoryEtablissementsQuery({ niveau: 'commune', code: '67482' }));
    expect(rows.map((r) => r.ep)).toEqual([...Array<string>(5).fill('REP+'), ...Array<string>(3).fill('REP'), ...Array<string>(13).fill('inconnu')]);
  });

  it('takes a Cité drawn as its QPV at its word: the schools and places in or within 300 m of that QPV, not the whole commune', async () => {
    const mosson: Territoire = { niveau: 'cite', code: 'Cité éducative de La Mosson' };
    const near = "list_contains(string_split(concat_ws(',', qpv_code, qpv_300m), ','), 'QP034005')";
    const expected = await run(`SELECT uai FROM etablissements WHERE ep <> 'hors_ep' AND ${near} ORDER BY uai`);
    const montpellier = await run("SELECT uai FROM etablissements WHERE ep <> 'hors_ep' AND commune_code = '34172'");
    const rows = await run(buildTerritoryEtablissementsQuery(mosson));
    expect(rows.map((r) => ({ uai: r.uai })).sort((a, b) => String(a.uai).localeCompare(String(b.uai)))).toEqual(expected);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(montpellier.length);
    const lieux = await run(buildTerritoryLieuxQuery(mosson));
    const [lieuxNear] = await run(`SELECT count(*) AS n FROM lieux WHERE ${near}`);
    expect(lieux.reduce((n, r) => n + (r.lieux as number), 0)).toBe(lieuxNear!.n);
  });

  it('finds the PRE covering a commune', async () => {
    expect((await run(buildTerritoryPreQuery({ niveau: 'commune', code: '38185' }))).map((r) => r.nom)).toEqual(['PRE de Grenoble']);
    expect(await run(buildTerritoryPreQuery(CENON))).toEqual([]);
  });

  it('counts places by category; a commune cannot claim the places its département has without commune', async () => {
    const gironde = await run(buildTerritoryLieuxQuery(GIRONDE));
    const [all] = await run("SELECT count(*) AS n FROM lieux WHERE departement_code = '33'");
    expect(gironde.reduce((n, r) => n + (r.lieux as number), 0)).toBe(all!.n);
    const cenon = await run(buildTerritoryLieuxQuery(CENON));
    const [inCenon] = await run("SELECT count(*) AS n FROM lieux WHERE commune_code = '33119'");
    const [withoutCommune] = await run("SELECT count(*) AS n FROM lieux WHERE departement_code = '33' AND commune_code IS NULL");
    expect(cenon.reduce((n, r) => n + (r.lieux as number), 0)).toBe(inCenon!.n);
    expect(cenon.reduce((n, r) => n + (r.hors_commune as number), 0)).toBe(withoutCommune!.n);
  });

  it('breaks the actions down by sphère, axe, niveau and financement, counting those that state none', async () => {
    const rows = await run(buildTerritoryActionBreakdownQuery(GIRONDE));
    const actions = await run("SELECT spheres, financement FROM actions WHERE list_contains(string_split(departement_code, '|'), '33')");
    const famille = actions.filter((a) => String(a.spheres).split('|').includes('famille')).length;
    expect(rows.find((r) => r.dimension === 'spheres' && r.valeur === 'famille')!.actions).toBe(famille);
    const none = actions.filter((a) => a.financement === null).length;
    expect(rows.find((r) => r.dimension === 'financement' && r.valeur === null)?.actions ?? 0).toBe(none);
  });
});

describe('the parcours matrix (tranche × sphère)', () => {
  it('has the 25 cells in vocabulary order, each counting the actions covering it', async () => {
    const matrix = await run(buildParcoursMatrixQuery(GIRONDE));
    expect(matrix.map((c) => `${c.tranche} ${c.sphere}`)).toEqual(TRANCHES.flatMap((t) => SPHERES.map((s) => `${t.id} ${s.id}`)));
    const actions = await run("SELECT tranches, spheres FROM actions WHERE list_contains(string_split(departement_code, '|'), '33')");
    for (const cell of matrix) {
      const covering = actions.filter((a) => String(a.tranches).split('|').includes(String(cell.tranche)) && String(a.spheres).split('|').includes(String(cell.sphere)));
      expect(cell.actions, `${cell.tranche} ${cell.sphere}`).toBe(covering.length);
    }
  });

  it('shows gaps: the cells of a commune of the recueil no action covers', async () => {
    const matrix = await run(buildParcoursMatrixQuery(CENON));
    const gaps = matrix.filter((c) => c.actions === 0);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.length).toBeLessThan(25);
    // None of Cenon's actions is in the digital sphere for 0–3 year olds.
    expect(matrix.find((c) => c.tranche === '0-3' && c.sphere === 'virtualite')).toMatchObject({ actions: 0 });
    expect(await run(buildUnplacedInMatrixQuery(CENON))).toEqual([{ sans_tranche: 0 }]);
  });

  it('lists the actions of a cell, as many as the cell counts', async () => {
    const matrix = await run(buildParcoursMatrixQuery(CENON));
    for (const cell of matrix.filter((c) => (c.actions as number) > 0)) {
      const listed = await run(buildCellActionsQuery(CENON, String(cell.tranche), String(cell.sphere)));
      expect(listed).toHaveLength(cell.actions as number);
    }
    expect((await run(buildCellActionsQuery(CENON, '11-15', 'ecole'))).map((r) => r.id)).toEqual(expect.arrayContaining(['fiche-03', 'fiche-06']));
  });

  it('counts the places serving a cell through their category’s tranches and sphères', async () => {
    const matrix = await run(buildParcoursMatrixQuery(GIRONDE));
    const cell = matrix.find((c) => c.tranche === '16-25' && c.sphere === 'tiers-lieux')!;
    const places = await run(buildCellLieuxQuery(GIRONDE, '16-25', 'tiers-lieux'));
    expect(places).toHaveLength(cell.lieux as number);
    const [expected] = await run("SELECT count(*) AS n FROM lieux WHERE departement_code = '33' AND tranches LIKE '%16-25%' AND spheres LIKE '%tiers-lieux%'");
    expect(cell.lieux).toBe(expected!.n);
    expect(matrix.find((c) => c.tranche === '0-3' && c.sphere === 'ecole')!.lieux).toBe(0);
  });
});

describe('local actions (imported in the browser) count in every territory query', () => {
  it('fills a gap of the matrix, is listed as local, and leaves when the local actions are cleared', async () => {
    const before = (await run(buildParcoursMatrixQuery(CENON))).find((c) => c.tranche === '0-3' && c.sphere === 'virtualite')!;
    const sheet = parseDelimited(new TextEncoder().encode('id;titre;spheres;tranches;commune_code;qpv_code;source\natelier-ecrans;Ateliers écrans et tout-petits;virtualité|famille;0-3;33119;QP999999;saisie CPO 2026\n'));
    const checked = await checkActionsSheet(db, sheet);
    expect(checked).toMatchObject({ ok: true, warnings: [{ line: 2, column: 'qpv_code', value: 'QP999999', kind: 'qpv-inconnu' }] });
    if (!checked.ok) return;
    await replaceLocalActions(db, checked.actions);
    const after = (await run(buildParcoursMatrixQuery(CENON))).find((c) => c.tranche === '0-3' && c.sphere === 'virtualite')!;
    expect(after.actions).toBe((before.actions as number) + 1);
    expect(await run(buildCellActionsQuery(CENON, '0-3', 'virtualite'))).toContainEqual(expect.objectContaining({ id: 'atelier-ecrans', commune: 'Cenon', locale: true }));
    expect(await run("SELECT source_id, commune, departement_code, lon FROM actions_locales")).toEqual([{ source_id: 'local', commune: 'Cenon', departement_code: '33', lon: expect.any(Number) }]);
    await replaceLocalActions(db, []);
    expect((await run(buildParcoursMatrixQuery(CENON))).find((c) => c.tranche === '0-3' && c.sphere === 'virtualite')).toEqual(before);
  });

  it('keeps the previous set in DuckDB when keeping the new one in the browser fails inside the transaction', async () => {
    const sheet = (id: string) => parseDelimited(new TextEncoder().encode(`id;titre;spheres;tranches;commune_code;source\n${id};Atelier;famille;0-3;33119;saisie\n`));
    const first = await checkActionsSheet(db, sheet('premier'));
    const second = await checkActionsSheet(db, sheet('second'));
    if (!first.ok || !second.ok) throw new Error('fixture sheets must be valid');
    await replaceLocalActions(db, first.actions);
    const storageFull = new Error('quota exceeded');
    await expect(replaceLocalActions(db, second.actions, () => Promise.reject(storageFull))).rejects.toBe(storageFull);
    expect(await run('SELECT id FROM actions_locales')).toEqual([{ id: 'premier' }]);
    // The connection is usable afterwards: the next replacement commits.
    await replaceLocalActions(db, second.actions, () => Promise.resolve());
    expect(await run('SELECT id FROM actions_locales')).toEqual([{ id: 'second' }]);
    await replaceLocalActions(db, []);
  });

  it('refuses, whole, a file whose id is already published', async () => {
    const sheet = parseDelimited(new TextEncoder().encode('id;titre;spheres;source\nfiche-01;Copie;famille;saisie\nneuve;Neuve;famille;saisie\n'));
    expect(await checkActionsSheet(db, sheet)).toMatchObject({ ok: false, errors: [{ line: 2, column: 'id', value: 'fiche-01' }] });
  });
});
