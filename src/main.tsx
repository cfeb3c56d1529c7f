import './library-setup.ts';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-device/icons-device.min.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createDatabase, startDatabase } from './db/database.ts';
import { DatabaseProvider } from './db/use-sql.ts';
import { MARKS, mark, watchInputs } from './perf-marks.ts';
import { followDatabase } from './state/database-status.ts';
import { useAppStore } from './state/store.ts';
import { syncStoreWithUrl } from './state/url-state.ts';
import { exposeTestHooks } from './test-hooks.ts';
import { loadPlaces } from './ui/use-place-search.ts';
import './styles.css';

mark(MARKS.scriptStart);
watchInputs();
startReactDsfr({ defaultColorScheme: 'light' });
// The one database of the page: the store follows its status, the views get it by context.
const database = createDatabase();
followDatabase(database);
// Tests and the bench read the page's DuckDB; `vite build --mode e2e` only. In `npm run build`
// the condition is false at build time and Rollup drops the hook with it.
if (import.meta.env.MODE === 'e2e') exposeTestHooks(database);
syncStoreWithUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseProvider value={database}>
      <App />
    </DatabaseProvider>
  </StrictMode>,
);

// DuckDB starts once the map has painted (or failed to), so that its 34 MB of wasm never
// delays the first paint. "Interactive" is when the search answers: it finds the QPV and
// territories from the published files, before DuckDB (the fiche's figures wait for it).
const unsubscribe = useAppStore.subscribe((state) => {
  if (state.mapStatus === 'loading') return;
  unsubscribe();
  startDatabase(database).catch(() => {});
  database.whenAllLoaded().then(
    () => mark(MARKS.duckdbReady),
    () => {},
  );
  void loadPlaces().then(({ unavailable }) => unavailable.length < 2 && mark(MARKS.interactive));
});
