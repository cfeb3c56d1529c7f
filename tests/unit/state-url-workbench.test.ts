import { describe, expect, it } from 'vitest';
import { parseUrlState, readUrlState, writeUrlState } from '../../src/state/url-state.ts';
import { rejectedParamNotice } from '../../src/state/url-notices.ts';
import { WORKBENCH_SQL_MAX } from '../../src/state/workbench-slice.ts';
import { useAppStore } from '../../src/state/store.ts';
import { EXAMPLE_QUERIES } from '../../src/workbench/example-queries.ts';

// The SQL console's query in the link (`sql=`): kept as written, line breaks and quotes included.

const defaults = () => {
  const s = useAppStore.getState();
  return { indicator: s.indicator, classification: s.classification, classCount: s.classCount, selectedQpv: s.selectedQpv, selectedObject: s.selectedObject, visibleLayers: s.visibleLayers, filters: s.filters, panel: 'donnees' as const, tab: s.tab, view: s.view, comparison: s.comparison, riskWeights: s.riskWeights, zoneBlancheKm: s.zoneBlancheKm };
};

describe('the SQL console in the link', () => {
  it.each(EXAMPLE_QUERIES.map((e) => [e.id, e.sql] as const))('example %s round-trips, line breaks, quotes and « ; » included', (_id, sql) => {
    const hash = writeUrlState('#carte=5/46/2', { ...defaults(), workbenchSql: sql });
    expect(readUrlState(hash).workbenchSql).toBe(sql);
    expect(readUrlState(hash).panel).toBe('donnees');
  });

  it('an open console without a query is `sql=`; a closed one leaves no parameter', () => {
    expect(writeUrlState('#sql=x', { ...defaults(), workbenchSql: '' })).toMatch(/^#sql=&/);
    expect(readUrlState('#sql=').workbenchSql).toBe('');
    expect(writeUrlState('#sql=x', { ...defaults(), workbenchSql: null })).not.toContain('sql=');
    expect(readUrlState('#panneau=donnees').workbenchSql).toBeUndefined();
  });

  it('refuses a NUL or another control character, and a query too long, with a French notice', () => {
    const nul = parseUrlState('#sql=SELECT%201%00');
    expect(nul.state.workbenchSql).toBeUndefined();
    expect(nul.rejected.map(rejectedParamNotice)).toEqual(['Le paramètre « sql » du lien contient un caractère de contrôle : il est ignoré.']);
    expect(parseUrlState('#sql=SELECT%1B1').state.workbenchSql).toBeUndefined();
    const long = parseUrlState(`#sql=${'x'.repeat(WORKBENCH_SQL_MAX + 1)}`);
    expect(long.state.workbenchSql).toBeUndefined();
    expect(long.rejected[0]).toMatchObject({ param: 'sql', reason: 'malformed' });
  });

  it('a CRLF from a pasted link reads as a line break', () => {
    expect(readUrlState('#sql=SELECT%201%0D%0AFROM%20qpv').workbenchSql).toBe('SELECT 1\nFROM qpv');
  });
});
