import { describe, expect, it } from 'vitest';
import { withQpvAdded, withQpvMoved } from '../../src/state/comparison-slice.ts';
import { useAppStore } from '../../src/state/store.ts';
import { readUrlState, writeUrlState } from '../../src/state/url-state.ts';

// The store's defaults with a selected QPV, the comparison page and three QPV.
const state = { ...useAppStore.getState(), selectedQpv: 'QP066007', view: 'comparer' as const, comparison: ['QP066007', 'QP034004', 'QP031001'] };

describe('the comparison and the full-page views in the URL', () => {
  it('writes `vue` and `comparer`, and reads them back in the same order', () => {
    const hash = writeUrlState('#carte=12/43.6/3.8', state);
    expect(hash).toContain('&vue=comparer&comparer=QP066007,QP034004,QP031001');
    expect(readUrlState(hash)).toMatchObject({ view: 'comparer', comparison: ['QP066007', 'QP034004', 'QP031001'], selectedQpv: 'QP066007' });
    expect(readUrlState(writeUrlState(hash, { ...state, view: 'fiche' }))).toMatchObject({ view: 'fiche', selectedQpv: 'QP066007' });
  });

  it('leaves both out for the map and an empty comparison', () => {
    const hash = writeUrlState('#carte=12/43.6/3.8&vue=fiche&comparer=QP066007', { ...state, view: 'carte', comparison: [] });
    expect(hash).not.toMatch(/vue=|comparer=/);
  });

  it('ignores a malformed comparison: bad codes, more than 6 QPV, unknown views', () => {
    expect(readUrlState('#comparer=QP066007,<img>').comparison).toBeUndefined();
    expect(readUrlState('#comparer=').comparison).toBeUndefined();
    const seven = Array.from({ length: 7 }, (_, i) => `QP03400${i}`).join(',');
    expect(readUrlState(`#comparer=${seven}`).comparison).toBeUndefined();
    expect(readUrlState('#vue=cuisine').view).toBeUndefined();
    // A code twice counts once.
    expect(readUrlState('#comparer=QP066007,QP066007,QP034004').comparison).toEqual(['QP066007', 'QP034004']);
  });
});

describe('the comparison actions', () => {
  it('adds each QPV once, up to 6', () => {
    let list: readonly string[] = [];
    for (const code of ['A', 'B', 'A', 'C', 'D', 'E', 'F', 'G']) list = withQpvAdded(list, code);
    expect(list).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('moves a QPV one column left or right, never past the ends', () => {
    expect(withQpvMoved(['A', 'B', 'C'], 'C', -1)).toEqual(['A', 'C', 'B']);
    expect(withQpvMoved(['A', 'B', 'C'], 'A', 1)).toEqual(['B', 'A', 'C']);
    expect(withQpvMoved(['A', 'B', 'C'], 'A', -1)).toEqual(['A', 'B', 'C']);
    expect(withQpvMoved(['A', 'B', 'C'], 'C', 1)).toEqual(['A', 'B', 'C']);
    expect(withQpvMoved(['A', 'B', 'C'], 'Z', 1)).toEqual(['A', 'B', 'C']);
  });

  it('are the store’s actions', () => {
    const { addToComparison, moveInComparison, removeFromComparison } = useAppStore.getState();
    addToComparison('QP066007');
    addToComparison('QP034004');
    addToComparison('QP066007');
    moveInComparison('QP034004', -1);
    expect(useAppStore.getState().comparison).toEqual(['QP034004', 'QP066007']);
    removeFromComparison('QP034004');
    expect(useAppStore.getState().comparison).toEqual(['QP066007']);
  });
});
