import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { RISK_COMPONENTS } from '../../src/domain/risk-index.ts';
import { CAP_BEP_SHARE_SQL } from '../support/cap-bep-share.ts';
import { connectToPublishedData, REPO_ROOT } from '../support/published-data.ts';

/*
 * The correlations docs/methodologie.md quotes about the risk index, computed from the
 * committed public/data: the Spearman matrix between components (the table of §2, cell by
 * cell), the ρ its prose repeats, and those of the income measures left out. The counts the
 * doc quotes (scored and n.d. QPV, reach of the collège rule, rank ranges…) are declared with
 * every other count of the docs in tests/integration/doc-figures.test.ts.
 */
let db: Connector;
let doc: string;
beforeAll(async () => {
  db = await connectToPublishedData();
  doc = await readFile(path.join(REPO_ROOT, 'docs', 'methodologie.md'), 'utf8');
});
afterAll(() => db.close());
const rows = async (sql: string) => tableRows(await db.query(sql));

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
    FROM (${CAP_BEP_SHARE_SQL}) JOIN risque_decrochage USING (qpv_code) WHERE statut = 'ok' AND v IS NOT NULL`);
  const pairs = await rows(`
    SELECT a.composante AS x, b.composante AS y, corr(a.r, b.r) AS rho
    FROM ranks a JOIN ranks b USING (qpv_code) GROUP BY ALL`);
  return new Map(pairs.map((p) => [`${p.x}/${p.y}`, p.rho as number]));
}

describe('docs/methodologie.md, correlations of the risk index', () => {
  it('quotes why the other income measures are left out: their correlation with the poverty rate', async () => {
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
    const table = doc.slice(doc.indexOf('<!-- correlations -->'), doc.indexOf('<!-- /correlations -->'));
    const lines = table.split('\n').filter((l) => l.startsWith('| `'));
    const ids = lines.map((l) => /^\| `([a-z_]+)`/.exec(l)![1]!);
    expect(ids).toEqual([...RISK_COMPONENTS.map((c) => c.id), 'part_cap_bep']);
    for (const [i, line] of lines.entries()) {
      const cells = line.split('|').slice(2, -1).map((c) => c.trim());
      expect(cells, ids[i]).toHaveLength(ids.length);
      for (const [j, cell] of cells.entries()) expect(cell, `${ids[i]} × ${ids[j]}`).toBe(i === j ? '1' : fixed2(rho.get(`${ids[i]}/${ids[j]}`)!));
    }
    // The prose of §2 repeats some cells: each as the table has it.
    const cell = (x: string, y: string) => fixed2(rho.get(`${x}/${y}`)!);
    const prose = normalise(doc);
    /** What the prose writes between `before` and the next `until`. */
    const quoted = (before: string, until: string) => {
      const at = prose.indexOf(before);
      return at < 0 ? `« ${before} » is not in the doc any more` : prose.slice(at + before.length, prose.indexOf(until, at + before.length));
    };
    expect(quoted('**Pauvreté et bas revenus** (ρ = ', ')')).toBe(cell('taux_pauvrete', 'taux_bas_revenus'));
    expect(quoted('**IPS et DNB des collèges** (ρ = ', ' entre eux)')).toBe(cell('ips_colleges', 'dnb_colleges'));
    expect(quoted('faiblement liée au contexte scolaire (ρ = ', ')')).toBe(`${cell('part_cap_bep', 'ips_colleges')} avec l’IPS, ${cell('part_cap_bep', 'dnb_colleges')} avec le DNB`);
    const precaire = RISK_COMPONENTS.filter((c) => c.id !== 'emploi_precaire').map((c) => rho.get(`emploi_precaire/${c.id}`)!);
    expect(quoted('la moins liée aux autres (ρ ≤ ', ')')).toBe(fixed2(Math.max(...precaire)));
    // « ≈ 0,7 »: both revenue components, to one decimal.
    const emploi = [rho.get('taux_emploi/taux_pauvrete')!, rho.get('taux_emploi/taux_bas_revenus')!].map((x) => x.toFixed(1).replace('.', ','));
    expect(emploi[1]).toBe(emploi[0]);
    expect(quoted('lié au revenu (ρ ≈ ', ')')).toBe(emploi[0]);
  });
});

/** The doc's text with each run of white space as one space (its lines are wrapped anywhere). */
const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** ρ as the doc writes it: two decimals, French comma, minus sign « − ». */
function fixed2(x: number): string {
  return x.toFixed(2).replace('.', ',').replace('-', '−').replace(/^−0,00$/, '0,00');
}
