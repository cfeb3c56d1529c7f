import { CROSS_FILTER_SETUP, CROSS_FILTER_SETUP_NEEDS, qpvActionsTableSql } from '../queries/cross-filter-queries.ts';
import { ALL_ACTIONS_VIEW, LOCAL_ACTIONS_SETUP } from '../queries/local-actions-queries.ts';
import { OBJECT_SEARCH_SETUP, OBJECT_SEARCH_TABLES } from '../queries/search-query.ts';
import type { DerivedTable, Need } from './coordinator.ts';
import { LOCAL_ACTIONS_NEEDS, restoreLocalActions } from './local-actions-store.ts';

/**
 * Every table the browser builds from the published ones, in one shape: what it reads, the
 * SQL that builds it, and the revision it follows (rebuilt when that changes, not otherwise).
 */
export const DERIVED_TABLES: readonly DerivedTable[] = [
  /** The Cités, PRE and schools with their folded searched text. */
  { id: 'search_objets', needs: OBJECT_SEARCH_TABLES, setup: [OBJECT_SEARCH_SETUP] },
  /**
   * `actions_locales` and the view `actions_toutes` = published ∪ imported here; the actions
   * kept in the browser are put back after the first setup. Its content follows the imports.
   */
  { id: 'actions_toutes', needs: LOCAL_ACTIONS_NEEDS, setup: LOCAL_ACTIONS_SETUP, revisionKey: 'localActions', afterFirstSetup: restoreLocalActions },
  /** The cross-filter's facts of each QPV (they do not depend on the filters). */
  { id: 'cross_filter_facts', needs: CROSS_FILTER_SETUP_NEEDS, setup: CROSS_FILTER_SETUP },
  /** The QPV of each action, published and imported here: rebuilt after each import. */
  { id: 'cf_qpv_actions', needs: ['cross_filter_facts', 'actions_toutes'], setup: [qpvActionsTableSql(ALL_ACTIONS_VIEW)], revisionKey: 'localActions' },
];

/** What the cross-filter's queries read: its facts, with the actions published and imported here. */
export const CROSS_FILTER_TABLES: readonly Need[] = ['cross_filter_facts', 'cf_qpv_actions'];
