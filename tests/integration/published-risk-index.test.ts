import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/domain/connector.ts';
import { connectToPublishedData } from '../support/published-data.ts';
import { compareRiskRecomputation } from '../support/risk-recomputation.ts';

/*
 * The committed public/data, loaded as the app loads it: the browser's risk SQL, with the
 * default weights and the published tables alone, gives back the published index.
 */
let db: Connector;
beforeAll(async () => {
  db = await connectToPublishedData();
});
afterAll(() => db.close());

describe('published risque_decrochage', () => {
  it('is what the browser recomputes from the published tables with the default weights (to 1e-9)', async () => {
    const gaps = await compareRiskRecomputation(db);
    expect(gaps).toMatchObject({ qpvDifferent: 0, componentsDifferent: 0, collegesDifferent: 0 });
    expect(gaps.qpv).toBeGreaterThan(0);
    expect(gaps.components).toBeGreaterThan(gaps.qpv);
    expect(gaps.colleges).toBeGreaterThanOrEqual(gaps.qpv);
    expect(gaps.scoreGap).toBeLessThanOrEqual(1e-9);
    expect(gaps.percentileGap).toBeLessThanOrEqual(1e-9);
  });
});
