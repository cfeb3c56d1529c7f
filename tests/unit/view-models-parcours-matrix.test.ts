import { describe, expect, it } from 'vitest';
import { countText, parcoursMatrixView } from '../../src/view-models/parcours-matrix-model.ts';

describe('parcoursMatrixView', () => {
  const rows = [
    { tranche: '11-15', sphere: 'ecole', actions: 2, lieux: 0 },
    { tranche: '0-3', sphere: 'famille', actions: 0, lieux: 3 },
    { tranche: '16-25', sphere: 'tiers-lieux', actions: 1, lieux: 1 },
  ];

  it('lays out the 25 cells, tranches down and sphères across, in vocabulary order', () => {
    const view = parcoursMatrixView(rows, 'actions');
    expect(view.rows.map((r) => r.label)).toEqual(['0–3 ans', '3–6 ans', '6–11 ans', '11–15 ans', '16–25 ans']);
    expect(view.columns.map((c) => c.id)).toEqual(['famille', 'ecole', 'tiers-lieux', 'quartier', 'virtualite']);
    expect(view.rows.flatMap((r) => r.cells)).toHaveLength(25);
  });

  it('flags every cell nothing covers as a gap, in words, and counts them', () => {
    const actions = parcoursMatrixView(rows, 'actions');
    expect(actions.gaps).toBe(23);
    const ecole = actions.rows[3]!.cells[1]!;
    expect(ecole).toMatchObject({ tranche: '11-15', sphere: 'ecole', count: 2, gap: false, text: '2', description: '11–15 ans, École : 2 actions' });
    expect(actions.rows[0]!.cells[0]).toMatchObject({ gap: true, text: 'aucune action', description: '0–3 ans, Famille : aucune action (besoin non couvert)' });
    const lieux = parcoursMatrixView(rows, 'lieux');
    expect(lieux.gaps).toBe(23);
    expect(lieux.rows[0]!.cells[0]).toMatchObject({ count: 3, gap: false });
    expect(lieux.rows[3]!.cells[1]).toMatchObject({ gap: true, text: 'aucun lieu' });
  });

  it('says counts in French, singular and plural', () => {
    expect([countText('actions', 0), countText('actions', 1), countText('lieux', 4)]).toEqual(['aucune action', '1 action', '4 lieux']);
  });
});
