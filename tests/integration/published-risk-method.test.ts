import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { RISK_COLLEGES, RISK_COMPONENTS } from '../../src/domain/risk-index.ts';
import { formatValue } from '../../src/domain/format-fr.ts';
import { connectToPublishedData, REPO_ROOT } from '../support/published-data.ts';

/*
 * The figures docs/methodologie.md quotes about the risk index, computed from the committed
 * public/data: counts of scored and n.d. QPV, the reach of the collège rule, and the Spearman
 * correlations between components (the table of §2 is compared cell by cell).
 */
let db: Connector;
let doc: string;
beforeAll(async () => {
  db = await connectToPublishedData();
  doc = await readFile(path.join(REPO_ROOT, 'docs', 'methodologie.md'), 'utf8');
});
afterAll(() => db.close());
const rows = async (sql: string) => tableRows(await db.query(sql));
/** As the doc writes numbers: French decimal comma, narrow no-break space for thousands. */
const fr = (n: number) => formatValue(n, '').replace(/\s/g, ' ');

/**
 * The CAP-BEP share of job seekers (A, B, C) the index used to have, for the record of why it
 * was dropped: 100 × abc_capbep / (abc_capbep + abc_bac + abc_supbac), latest year.
 */
const CAP_BEP = `
  SELECT territoire_code AS qpv_code,
         100 * max(valeur) FILTER (WHERE indicateur = 'abc_capbep') / nullif(sum(valeur) FILTER (WHERE indicateur IN ('abc_capbep', 'abc_bac', 'abc_supbac')), 0) AS v
  FROM indicateurs WHERE niveau = 'qpv' AND indicateur IN ('abc_capbep', 'abc_bac', 'abc_supbac')
  GROUP BY territoire_code HAVING count(valeur) = 3`;

/**
 * Spearman's ρ of every pair of columns among the scored QPV: the normalised values are
 * already their mean-tie percentile ranks among them, oriented (higher = more exposed), so ρ
 * is Pearson's r of those; for the CAP-BEP share, its ranks among the scored QPV having one.
 */
async function spearman(): Promise<Map<string, number>> {
  await db.exec(`CREATE OR REPLACE TEMP TABLE ranks AS
    SELECT qpv_code, composante, valeur_normalisee AS r FROM risque_composantes WHERE valeur_normalisee IS NOT NULL
    UNION ALL
    SELECT qpv_code, 'part_cap_bep', (rank() OVER (ORDER BY v) - 1) + (count(*) OVER (PARTITION BY v) - 1) / 2.0
    FROM (${CAP_BEP}) JOIN risque_decrochage USING (qpv_code) WHERE statut = 'ok' AND v IS NOT NULL`);
  const pairs = await rows(`
    SELECT a.composante AS x, b.composante AS y, corr(a.r, b.r) AS rho
    FROM ranks a JOIN ranks b USING (qpv_code) GROUP BY ALL`);
  return new Map(pairs.map((p) => [`${p.x}/${p.y}`, p.rho as number]));
}

describe('docs/methodologie.md, risk index figures', () => {
  it('quotes the scored and n.d. QPV of the data: every scored QPV on all components', async () => {
    const [counts] = await rows(`
      SELECT count(*) FILTER (WHERE statut = 'ok') AS ok, count(*) FILTER (WHERE statut = 'nd') AS nd,
             count(*) FILTER (WHERE statut = 'ok' AND composantes_disponibles = composantes_total) AS complete,
             count(*) FILTER (WHERE statut = 'nd' AND qpv_code LIKE 'QP035%') AS nd_35, max(composantes_total) AS total
      FROM risque_decrochage`);
    expect(counts).toEqual({ ok: 100, nd: 11, complete: 100, nd_35: 6, total: RISK_COMPONENTS.length });
    expect(doc).toContain(`${counts!.ok} QPV ont un score, ${counts!.nd} sont n.d.`);
    expect(doc).toContain(`les ${counts!.nd_35} QPV d’Ille-et-Vilaine`);
    const occitanie = await rows("SELECT q.nom FROM risque_decrochage r JOIN qpv q ON q.code = r.qpv_code WHERE r.statut = 'nd' AND r.qpv_code NOT LIKE 'QP035%' ORDER BY q.code");
    expect(occitanie).toHaveLength(Number(counts!.nd) - Number(counts!.nd_35));
    expect(doc).toContain(`${occitanie.length} QPV d’Occitanie`);
  });

  it('quotes the reach of the collège rule', async () => {
    const [reach] = await rows(`
      WITH nearest AS (SELECT qpv_code, min(distance_m) AS d, count(*) AS n FROM qpv_colleges GROUP BY qpv_code)
      SELECT (SELECT count(*) FROM qpv) AS qpv, count(*) AS reached, median(d) AS median_m, max(d) AS max_m,
             count(*) FILTER (WHERE d > 300) AS beyond_300, count(*) FILTER (WHERE d = 0) AS inside,
             count(*) FILTER (WHERE n = ${RISK_COLLEGES.k}) AS full, count(*) FILTER (WHERE n < ${RISK_COLLEGES.k}) AS fewer
      FROM nearest`);
    expect(reach!.reached).toBe(reach!.qpv);
    // The rule as declared in risk-index.ts.
    expect(doc).toContain(`les **${RISK_COLLEGES.k} plus proches**`);
    expect(doc).toContain(`à **${RISK_COLLEGES.rayonM / 1000} km** au plus`);
    expect(doc).toContain(`poids ∝ 1 / (distance + ${RISK_COLLEGES.decalageM} m)`);
    expect(doc).toContain(`atteint les ${reach!.reached} QPV des données`);
    expect(doc).toContain(`médiane ${fr(reach!.median_m as number)} m, au plus ${fr(reach!.max_m as number)} m`);
    expect(doc).toContain(`${reach!.beyond_300} QPV n’ont aucun de ces collèges à moins de 300 m`);
    expect(doc).toContain(`${reach!.inside} QPV en ont au moins un dans leur contour`);
    expect(doc).toContain(`${reach!.full} QPV ont ${RISK_COLLEGES.k} collèges, ${reach!.fewer} en ont moins`);
  });

  it('quotes the rank ranges of the scored QPV', async () => {
    const [ranges] = await rows("SELECT median(rang_max - rang_min) AS median, max(rang_max - rang_min) AS max, min(rang_max - rang_min) AS min FROM risque_decrochage WHERE statut = 'ok'");
    expect(doc).toContain(`écart médian entre rang le meilleur et le pire : ${fr(ranges!.median as number)} places, de ${ranges!.min} à ${ranges!.max}`);
  });

  it('quotes why the other candidate indicators are left out', async () => {
    const [chom] = await rows(`
      SELECT count(DISTINCT territoire_code) FILTER (WHERE indicateur = 'part_chomprinc' AND valeur IS NOT NULL) AS chom,
             count(DISTINCT territoire_code) FILTER (WHERE indicateur = 'tp60' AND valeur IS NOT NULL) AS insee
      FROM indicateurs WHERE niveau = 'qpv'`);
    expect(Number(chom!.chom)).toBeLessThan(Number(chom!.insee) / 2);
    expect(doc).toContain(`n’est publiée que pour ${chom!.chom} des ${chom!.insee} QPV qui ont des indicateurs INSEE`);
    // |ρ| with the poverty rate, among the scored QPV, of other income measures.
    const rho = new Map(
      (
        await rows(`
        WITH l AS (SELECT territoire_code AS q, indicateur, valeur FROM indicateurs WHERE niveau = 'qpv' QUALIFY annee = max(annee) OVER (PARTITION BY indicateur)),
        p AS (SELECT a.indicateur, a.valeur AS x, b.valeur AS y FROM l a JOIN l b USING (q) JOIN risque_decrochage r ON r.qpv_code = a.q
              WHERE r.statut = 'ok' AND b.indicateur = 'tp60' AND a.indicateur IN ('disp_q2', 'decuc_q2', 'pmimp', 'disp_d1', 'decuc_d1') AND a.valeur IS NOT NULL AND b.valeur IS NOT NULL),
        r AS (SELECT indicateur, rank() OVER (PARTITION BY indicateur ORDER BY x) + (count(*) OVER (PARTITION BY indicateur, x) - 1) / 2 AS rx,
                     rank() OVER (PARTITION BY indicateur ORDER BY y) + (count(*) OVER (PARTITION BY indicateur, y) - 1) / 2 AS ry FROM p)
        SELECT indicateur, abs(corr(rx, ry)) AS rho FROM r GROUP BY indicateur`)
      ).map((r) => [r.indicateur as string, r.rho as number]),
    );
    const floor2 = (x: number) => fixed2(Math.floor(x * 100) / 100);
    expect(doc).toContain(`(|ρ| ≥ ${floor2(Math.min(rho.get('disp_q2')!, rho.get('decuc_q2')!, rho.get('pmimp')!))} avec \`tp60\`)`);
    const deciles = [rho.get('decuc_d1')!, rho.get('disp_d1')!];
    expect(doc).toContain(`1ᵉʳ décile de revenu (|ρ| de ${fixed2(Math.min(...deciles))} à ${fixed2(Math.max(...deciles))})`);
  });

  it('gives the Spearman correlations of the data between components, to two decimals', async () => {
    const rho = await spearman();
    const [capBep] = await rows("SELECT count(*) AS n FROM ranks WHERE composante = 'part_cap_bep'");
    expect(doc).toContain(`calculée sur les ${capBep!.n} QPV notés\nqui l’ont`);
    const table = doc.slice(doc.indexOf('<!-- correlations -->'), doc.indexOf('<!-- /correlations -->'));
    const lines = table.split('\n').filter((l) => l.startsWith('| `'));
    const ids = lines.map((l) => /^\| `([a-z_]+)`/.exec(l)![1]!);
    expect(ids).toEqual([...RISK_COMPONENTS.map((c) => c.id), 'part_cap_bep']);
    for (const [i, line] of lines.entries()) {
      const cells = line.split('|').slice(2, -1).map((c) => c.trim());
      expect(cells, ids[i]).toHaveLength(ids.length);
      for (const [j, cell] of cells.entries()) expect(cell, `${ids[i]} × ${ids[j]}`).toBe(i === j ? '1' : fixed2(rho.get(`${ids[i]}/${ids[j]}`)!));
    }
  });
});

/** ρ as the doc writes it: two decimals, French comma, minus sign « − ». */
function fixed2(x: number): string {
  return x.toFixed(2).replace('.', ',').replace('-', '−').replace(/^−0,00$/, '0,00');
}
