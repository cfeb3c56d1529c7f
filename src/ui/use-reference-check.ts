import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { firstRowOf } from '../domain/connector.ts';
import { useSql } from '../db/use-sql.ts';
import { buildReferenceCheckQuery, type ReferenceCheck, referenceCheckTables } from '../queries/reference-check-query.ts';
import { DEFAULT_INDICATOR, useAppStore } from '../state/store.ts';
import { referenceFallback } from '../state/url-notices.ts';
import { correctUrlState } from '../state/url-state.ts';

/**
 * Checks that the indicator, QPV, object and territory of the state (from a link, mostly)
 * exist in the data; each unknown one is replaced by its default, with a notice. A check that
 * fails (a table could not be loaded) changes nothing: the views say what is missing.
 */
export function useReferenceCheck(): void {
  // The territory, not the filters: a brush move does not run the check again.
  const refs = useAppStore(
    useShallow((s) => ({ indicator: s.indicator, defaultIndicator: DEFAULT_INDICATOR, selectedQpv: s.selectedQpv, selectedObject: s.selectedObject, territoire: s.filters.territoire })),
  );
  const sql = buildReferenceCheckQuery(refs);
  const tables = referenceCheckTables(refs);
  const needs = refs.selectedObject?.kind === 'action' ? [...tables, 'actions_toutes' as const] : tables;
  const result = useSql(sql, firstRowOf<ReferenceCheck>(), needs);
  const check = result.status === 'ready' && result.sql === sql ? result.data : null;
  useEffect(() => {
    if (check === null) return;
    const { patch, notices } = referenceFallback(useAppStore.getState(), check, DEFAULT_INDICATOR);
    if (Object.keys(patch).length > 0) correctUrlState(patch);
    for (const text of notices) useAppStore.getState().addNotice(text);
  }, [check]);
}
