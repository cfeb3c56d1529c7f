import type { Connector } from '../domain/connector.ts';
import { CROSS_FILTER_SETUP, crossFilterNeeds, qpvActionsTableSql } from '../queries/cross-filter-queries.ts';
import { ALL_ACTIONS_VIEW } from '../queries/local-actions-queries.ts';
import { whenActionsReadyWith } from './local-actions-store.ts';

let ready: Promise<Connector> | undefined;
let actionsRevision = -1;

/**
 * The connector once the cross-filter's fact tables are built (once, after their inputs
 * load), with the actions of `localActionsRevision` (published and imported here): the
 * actions' table is rebuilt when an import changed them.
 */
export function whenCrossFilterReady(localActionsRevision: number): Promise<Connector> {
  ready ??= whenActionsReadyWith(crossFilterNeeds())().then(async (connector) => {
    for (const statement of CROSS_FILTER_SETUP) await connector.exec(statement);
    return connector;
  });
  return ready.then(async (connector) => {
    if (localActionsRevision !== actionsRevision) {
      // Set before awaiting: DuckDB runs statements in order, later queries queue behind this.
      actionsRevision = localActionsRevision;
      await connector.exec(qpvActionsTableSql(ALL_ACTIONS_VIEW));
    }
    return connector;
  });
}
