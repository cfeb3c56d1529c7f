import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, tableRows } from '../../src/domain/connector.ts';
import { NO_FILTERS } from '../../src/domain/cross-filter.ts';
import { buildReferenceCheckQuery, type ReferenceCheck, type References } from '../../src/queries/reference-check-query.ts';
import { setUpLocalActions } from '../../src/db/local-actions.ts';
import { DEFAULT_INDICATOR } from '../../src/state/store.ts';
import { referenceFallback } from '../../src/state/url-notices.ts';
import { connectToPublishedData } from '../support/published-data.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
  // The view of published and local actions an `objet=action:…` is checked in.
  await setUpLocalActions(db);
});
afterAll(() => db.close());

const NONE: References = { indicator: DEFAULT_INDICATOR, defaultIndicator: DEFAULT_INDICATOR, selectedQpv: null, selectedObject: null, territoire: null };
const check = async (refs: Partial<References>) => tableRows(await db.query(buildReferenceCheckQuery({ ...NONE, ...refs })))[0] as unknown as ReferenceCheck;
const first = async (sql: string) => String(Object.values(tableRows(await db.query(sql))[0]!)[0]);

describe('the check of what a link names, on the published data', () => {
  it('finds what exists, including the risk index and the default indicator’s label', async () => {
    const refs: Partial<References> = {
      indicator: 'risque_decrochage',
      selectedQpv: 'QP066007',
      selectedObject: { kind: 'etablissement', id: await first('SELECT min(uai) FROM etablissements') },
      territoire: { niveau: 'departement', code: '31' },
    };
    expect(await check(refs)).toEqual({ indicateur: true, qpv: true, objet: true, territoire: true, libelle_defaut: 'Taux de pauvreté (seuil 60 %)' });
    const cite = await first('SELECT min(nom) FROM cites');
    expect(await check({ territoire: { niveau: 'cite', code: cite }, selectedObject: { kind: 'cite', id: cite } })).toMatchObject({ territoire: true, objet: true });
    expect(await check({ selectedObject: { kind: 'action', id: await first('SELECT min(id) FROM actions') } })).toMatchObject({ objet: true });
  });

  it.each<[string, Partial<References>, keyof ReferenceCheck]>([
    ['an unknown indicator', { indicator: 'inconnu' }, 'indicateur'],
    ['a QPV code of the right shape that does not exist', { selectedQpv: 'QP999999' }, 'qpv'],
    ['an unknown school', { selectedObject: { kind: 'etablissement', id: '9999999Z' } }, 'objet'],
    ['an unknown action', { selectedObject: { kind: 'action', id: 'ACT-0' } }, 'objet'],
    ['a département code at the commune level', { territoire: { niveau: 'commune', code: '31' } }, 'territoire'],
    ['markup as a Cité name', { territoire: { niveau: 'cite', code: '<script>alert(1)</script>' } }, 'territoire'],
    ['a quote and a SQL comment', { territoire: { niveau: 'region', code: "76' OR 1=1 --" } }, 'territoire'],
  ])('says %s does not exist', async (_what, refs, key) => {
    expect((await check(refs))[key]).toBe(false);
  });

  it('is null for what the link does not name', async () => {
    expect(await check({})).toMatchObject({ indicateur: true, qpv: null, objet: null, territoire: null });
  });
});

describe('the fallback of an unknown reference', () => {
  const state = { indicator: 'inconnu', selectedQpv: 'QP999999', selectedObject: null, filters: { ...NO_FILTERS, ranges: { valeur: [1, 2] as const }, territoire: { niveau: 'commune' as const, code: '<b>x</b>' } }, view: 'fiche' as const };

  it('shows the defaults and says why, in French, quoting what the link asked for', async () => {
    const result = await check({ indicator: state.indicator, selectedQpv: state.selectedQpv, territoire: state.filters.territoire });
    const { patch, notices } = referenceFallback(state, result, DEFAULT_INDICATOR);
    expect(patch).toEqual({ indicator: 'tp60', selectedQpv: null, view: 'carte', filters: NO_FILTERS });
    expect(notices).toEqual([
      'Le lien demandait l’indicateur « inconnu », qui n’existe pas dans les données : la carte montre l’indicateur « Taux de pauvreté (seuil 60 %) ».',
      'Le lien demandait le QPV « QP999999 », qui n’existe pas dans les données : aucune fiche n’est ouverte.',
      'Le lien demandait la commune « <b>x</b> », qui n’existe pas dans les données : la carte montre tous les QPV des données chargées.',
    ]);
  });

  it('changes nothing when everything exists', () => {
    const exists: ReferenceCheck = { indicateur: true, qpv: true, objet: true, territoire: true, libelle_defaut: 'x' };
    expect(referenceFallback(state, exists, DEFAULT_INDICATOR)).toEqual({ patch: {}, notices: [] });
  });
});
