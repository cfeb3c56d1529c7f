import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-device/icons-device.min.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { getConnector, MARKS } from './db/database.ts';
import { useAppStore } from './state/store.ts';
import { exposeTestHooks } from './test-hooks.ts';
import './styles.css';

startReactDsfr({ defaultColorScheme: 'light' });
exposeTestHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// DuckDB starts once the map has painted (or failed to), so that its 34 MB of wasm never
// delays the first paint. "Interactive" is when search and counts answer.
const unsubscribe = useAppStore.subscribe((state) => {
  if (state.mapStatus === 'loading') return;
  unsubscribe();
  getConnector().then(
    () => performance.mark(MARKS.interactive),
    () => {},
  );
});
