import './library-setup.ts';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-device/icons-device.min.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { SEARCH_TABLES, startDatabase, whenTablesLoaded } from './db/database.ts';
import { MARKS, mark, watchInputs } from './perf-marks.ts';
import { useAppStore } from './state/store.ts';
import { syncStoreWithUrl } from './state/url-state.ts';
import { exposeTestHooks } from './test-hooks.ts';
import './styles.css';

mark(MARKS.scriptStart);
watchInputs();
startReactDsfr({ defaultColorScheme: 'light' });
// Tests and the bench read the page's DuckDB; `vite build --mode e2e` only. In `npm run build`
// the condition is false at build time and Rollup drops the hook with it.
if (import.meta.env.MODE === 'e2e') exposeTestHooks();
syncStoreWithUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// DuckDB starts once the map has painted (or failed to), so that its 34 MB of wasm never
// delays the first paint. "Interactive" is when the search answers.
const unsubscribe = useAppStore.subscribe((state) => {
  if (state.mapStatus === 'loading') return;
  unsubscribe();
  startDatabase().catch(() => {});
  whenTablesLoaded(SEARCH_TABLES).then(
    () => mark(MARKS.interactive),
    () => {},
  );
});
