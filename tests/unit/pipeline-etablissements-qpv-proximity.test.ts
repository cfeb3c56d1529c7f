import { describe, expect, it } from 'vitest';
import { QpvProximity } from '../../data-pipeline/tables/etablissements/qpv-proximity.ts';
import { qpvOf, squareQpv } from '../support/etablissements-fixtures.ts';

/*
 * Squares near Toulouse (lat 43.6: 0.001° of longitude ≈ 80.6 m, of latitude ≈ 111 m). The
 * point (1.4500, 43.6000) lies in A; B's west edge is 100 m east of it, C's 250 m, D's 400 m.
 */
const A = squareQpv('QP031001', [1.449, 43.599, 1.4505, 43.601]);
const B = squareQpv('QP031002', [1.45124, 43.599, 1.453, 43.601]);
const C = squareQpv('QP031003', [1.4531, 43.599, 1.455, 43.601]);
const D = squareQpv('QP031004', [1.44504, 43.6037, 1.4466, 43.605]);
const proximity = new QpvProximity(qpvOf([D, C, B, A]));

describe('QpvProximity', () => {
  it('names the containing QPV and lists those within 300 m, nearest first, the containing one first', () => {
    expect(proximity.locate(1.45, 43.6)).toEqual({ qpv_code: 'QP031001', qpv_300m: 'QP031001,QP031002,QP031003' });
  });

  it('lists nearby QPV of a point in none, by distance, not by code or input order', () => {
    // 19 m west of B, 40 m east of A, 169 m west of C.
    expect(proximity.locate(1.451, 43.6)).toEqual({ qpv_code: null, qpv_300m: 'QP031002,QP031001,QP031003' });
  });

  it('gives nulls for a point far from every QPV and for an establishment with no coordinates', () => {
    expect(proximity.locate(1.5, 43.7)).toEqual({ qpv_code: null, qpv_300m: null });
    expect(proximity.locate(null, null)).toEqual({ qpv_code: null, qpv_300m: null });
  });

  it('prefers the 2024 generation when a point lies in a QPV of each', () => {
    const both = new QpvProximity(qpvOf([A, squareQpv('QN03100A', [1.4495, 43.5995, 1.451, 43.6005])]));
    expect(both.locate(1.45, 43.6)).toEqual({ qpv_code: 'QN03100A', qpv_300m: 'QN03100A,QP031001' });
  });
});
