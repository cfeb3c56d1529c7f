import { afterAll, describe, expect, it } from 'vitest';
import { QPV_OF_COMMUNE, SEX_SPLITS } from '../../data-pipeline/secret/additive-groups.ts';
import { type AdditiveGroup, type Cell, suppressByDifference } from '../../data-pipeline/secret/secondary-suppression.ts';
import { applySecretToCounts } from '../../data-pipeline/secret/secret-effectifs.ts';
import { buildIndicateurs, type IndicateurRow } from '../../data-pipeline/tables/build-indicateurs.ts';
import { csvInput, dictionaryInput, QP009001, QP009003, QP_HEADER, withCells } from '../support/indicateurs-fixtures.ts';
import { removeTempDirs } from '../support/pipeline-cli.ts';

afterAll(removeTempDirs);

/** What a reader of the published table can work out: each cell alone unknown in a group whose other cells are known. */
function recoverByDifference(value: (key: string) => number | null, groups: readonly AdditiveGroup[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const g of groups) {
    const members = [g.total, ...g.parts];
    const unknown = members.filter((k) => value(k) === null);
    if (unknown.length !== 1) continue;
    const [key] = unknown;
    const parts = g.parts.filter((k) => k !== key).reduce((s, k) => s + value(k)!, 0);
    found.set(key!, key === g.total ? parts : value(g.total)! - parts);
  }
  return found;
}

const cellsOf = (values: Record<string, number | null>, secret: readonly string[]) =>
  new Map<string, Cell>(Object.entries(values).map(([k, v]) => [k, { value: v, state: secret.includes(k) ? 'secret' : v === null ? 'nd' : 'shown' }]));
const publishedValue = (cells: Map<string, Cell>) => (key: string) => (cells.get(key)!.state === 'shown' ? cells.get(key)!.value : null);

describe('secondary suppression', () => {
  const sex: AdditiveGroup = { name: 'abcde = abcde_f + abcde_h', total: 'abcde', parts: ['abcde_f', 'abcde_h'] };

  it('hides a second part where the difference would give a hidden one away', () => {
    const cells = cellsOf({ abcde: 30, abcde_f: 4, abcde_h: 26 }, ['abcde_f']);
    // Without the secondary suppression, 30 − 26 gives the 4 women away.
    expect(recoverByDifference(publishedValue(cells), [sex])).toEqual(new Map([['abcde_f', 4]]));
    expect(suppressByDifference(cells, [sex])).toEqual(['abcde_h']);
    expect(cells.get('abcde_h')!.state).toBe('secondaire');
    expect(cells.get('abcde')!.state).toBe('shown');
    expect(recoverByDifference(publishedValue(cells), [sex])).toEqual(new Map());
  });

  it('hides the smallest part still shown, and leaves groups with none or two hidden cells alone', () => {
    const group: AdditiveGroup = { name: 'pop', total: 't', parts: ['a', 'b', 'c'] };
    const cells = cellsOf({ t: 1000, a: 5, b: 300, c: 695 }, ['a']);
    expect(suppressByDifference(cells, [group])).toEqual(['b']);
    const untouched = cellsOf({ abcde: 15, abcde_f: 5, abcde_h: 10 }, ['abcde_f', 'abcde_h']);
    expect(suppressByDifference(untouched, [sex])).toEqual([]);
    // A value the source did not give is no secret: nothing to protect.
    expect(suppressByDifference(cellsOf({ abcde: 30, abcde_f: null, abcde_h: 26 }, []), [sex])).toEqual([]);
  });

  it('hides a part when the total alone is hidden', () => {
    const cells = cellsOf({ abcde: 9, abcde_f: 40, abcde_h: 30 }, ['abcde']);
    expect(suppressByDifference(cells, [sex])).toEqual(['abcde_h']);
  });

  it('follows a suppression into the groups it leaves with a single hidden cell', () => {
    const groups: AdditiveGroup[] = [
      { name: 'g1', total: 't1', parts: ['a', 'b'] },
      { name: 'g2', total: 't2', parts: ['b', 'c'] },
    ];
    const cells = cellsOf({ t1: 40, a: 3, b: 37, t2: 80, c: 43 }, ['a']);
    expect(suppressByDifference(cells, groups)).toEqual(['b', 'c']);
    expect(recoverByDifference(publishedValue(cells), groups)).toEqual(new Map());
  });
});

describe('the additive groups', () => {
  it('are derived from the catalogue: the job seekers split by sex, and the QPV of a commune', () => {
    expect(SEX_SPLITS).toEqual([{ total: 'abcde', parts: ['abcde_f', 'abcde_h'] }]);
    expect(QPV_OF_COMMUNE).toEqual({ total: 'pop_com_qp', part: 'pop_mun', by: 'nom_commune' });
  });
});

describe('buildIndicateurs publishes under the secret statistique', () => {
  const byKey = (rows: IndicateurRow[]) => (key: string) => {
    const [id, code] = key.split('@');
    return rows.find((r) => r.indicateur === id && r.territoire_code === code)!.valeur;
  };
  const statut = (rows: IndicateurRow[], code: string, id: string) => rows.find((r) => r.territoire_code === code && r.indicateur === id)!.statut;

  it('hides 4 women job seekers, and the men, so that 30 − men cannot give them away', async () => {
    const line = withCells(QP009003, { abcde: '30', abcde_f: '4', abcde_h: '26' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, line])], [await dictionaryInput()], new Set(['QP009003']));
    const rows = indicateurs.rows;
    expect([statut(rows, 'QP009003', 'abcde_f'), statut(rows, 'QP009003', 'abcde_h'), statut(rows, 'QP009003', 'abcde')]).toEqual(['secret', 'secret_secondaire', 'ok']);
    const groups = [{ name: 'sex', total: 'abcde@QP009003', parts: ['abcde_f@QP009003', 'abcde_h@QP009003'] }];
    expect(recoverByDifference(byKey(rows), groups)).toEqual(new Map());
    // Every count of people under 11 is null: the 5 auto-entrepreneurs too.
    expect(rows.filter((r) => r.valeur !== null && r.valeur < 11 && ['a', 'percou', 'abcde_f', 'auto_ent'].includes(r.indicateur))).toEqual([]);
    expect(statut(rows, 'QP009003', 'auto_ent')).toBe('secret');
    expect(statut(rows, 'QP009003', 'tx_f')).toBe('ok');
  });

  it('hides a second population of the commune, so that pop_com_qp − the others cannot give a small one away', async () => {
    const small = withCells(QP009001, { nom_commune: 'Pamiers', pop_mun: '8', pop_com_qp: '4299' });
    const other = withCells(QP009003, { pop_com_qp: '4299' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, small, other])], [], new Set(['QP009001', 'QP009003']));
    const rows = indicateurs.rows;
    expect([statut(rows, 'QP009001', 'pop_mun'), statut(rows, 'QP009003', 'pop_mun')]).toEqual(['secret', 'secret_secondaire']);
    expect([statut(rows, 'QP009001', 'pop_com_qp'), statut(rows, 'QP009003', 'pop_com_qp')]).toEqual(['ok', 'ok']);
    const groups = [{ name: 'commune', total: 'pop_com_qp@QP009001', parts: ['pop_mun@QP009001', 'pop_mun@QP009003'] }];
    expect(recoverByDifference(byKey(rows), groups)).toEqual(new Map());
    expect(indicateurs.warnings).toEqual([]);
  });

  it('warns when a declared group does not add up in the file, and protects it all the same', async () => {
    const line = withCells(QP009003, { abcde: '31', abcde_f: '4', abcde_h: '26' });
    const { indicateurs } = buildIndicateurs([await csvInput('qp', [QP_HEADER, line])], [], new Set(['QP009003']));
    expect(indicateurs.warnings.map((w) => w.reason)).toEqual(['additive group abcde = abcde_f + abcde_h (QP009003) does not add up: its secondary suppression is applied all the same']);
    expect(statut(indicateurs.rows, 'QP009003', 'abcde_h')).toBe('secret_secondaire');
  });
});

describe('pupils of a school', () => {
  it('are null with effectifs_statut secret under 11, nd when unknown, ok otherwise', () => {
    const rows: Record<string, string | number | null>[] = [0, 10, 11, null].map((effectifs, i) => ({ uai: `000000${i}A`, effectifs }));
    applySecretToCounts(rows, 'effectifs', 'effectifs_statut');
    expect(rows.map((r) => [r.effectifs, r.effectifs_statut])).toEqual([
      [null, 'secret'],
      [null, 'secret'],
      [11, 'ok'],
      [null, 'nd'],
    ]);
  });
});
