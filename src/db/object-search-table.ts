import type { Connector } from '../domain/connector.ts';
import { OBJECT_SEARCH_SETUP, OBJECT_SEARCH_TABLES } from '../queries/search-query.ts';
import { whenTablesLoaded } from './database.ts';

let ready: Promise<Connector> | undefined;

/** The connector once the objects' search table is built (once, after the tables it reads load). */
export function whenObjectSearchReady(): Promise<Connector> {
  ready ??= whenTablesLoaded(OBJECT_SEARCH_TABLES).then(async (connector) => {
    await connector.exec(OBJECT_SEARCH_SETUP);
    return connector;
  });
  return ready;
}
