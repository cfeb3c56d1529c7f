import type { Coordinator } from '../db/coordinator.ts';
import { useAppStore } from './store.ts';

/**
 * The store follows what the database says of itself: loading progress, tables ready or left
 * out, the local actions and why they could not be restored. The database knows nothing of the
 * store (imports run one way). Returns the unsubscribe.
 */
export function followDatabase(database: Coordinator): () => void {
  let status = database.status;
  let actions = database.localActions;
  return database.subscribe(() => {
    const store = useAppStore.getState();
    if (database.status !== status) {
      status = database.status;
      store.setDatabaseStatus(status);
    }
    if (database.localActions !== actions) {
      const previous = actions;
      actions = database.localActions;
      if (actions.info !== previous.info) store.setLocalActions(actions.info);
      if (actions.error !== previous.error) store.setLocalActionsError(actions.error);
    }
  });
}
