import { Header } from '@codegouvfr/react-dsfr/Header';
import { MapView } from './map/map-view.tsx';
import { SearchBox } from './ui/search-box.tsx';
import { StatusArea } from './ui/status-area.tsx';
import { TerritorySwitcher } from './ui/territory-switcher.tsx';

export function App() {
  return (
    <div className="app">
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="Observatoire de la réussite éducative"
        serviceTagline="QPV, éducation prioritaire et Cités éducatives sur une carte"
        homeLinkProps={{ href: '#', title: 'Accueil — Observatoire de la réussite éducative' }}
      />
      <main className="app__main" id="contenu">
        <MapView />
        <aside className="app__panel" aria-label="Recherche et territoires">
          <SearchBox />
          <TerritorySwitcher />
        </aside>
        <StatusArea />
      </main>
    </div>
  );
}
