import { Header } from '@codegouvfr/react-dsfr/Header';
import { useCallback, useState } from 'react';
import { MapView } from './map/map-view.tsx';
import { useAppStore } from './state/store.ts';
import { useChoropleth } from './map/use-choropleth.ts';
import { useEtablissementPoints } from './map/use-etablissement-points.ts';
import { LayerPanel } from './ui/layer-panel.tsx';
import { DataPanel } from './ui/data-panel.tsx';
import { FicheQpv } from './ui/fiche-qpv.tsx';
import { IndicatorPanel } from './ui/indicator-panel.tsx';
import { SearchBox } from './ui/search-box.tsx';
import { StatusArea } from './ui/status-area.tsx';
import { TerritorySwitcher } from './ui/territory-switcher.tsx';

export function App() {
  const [dataOpen, setDataOpen] = useState(false);
  const closeData = useCallback(() => setDataOpen(false), []);
  const choropleth = useChoropleth();
  const etablissements = useEtablissementPoints();
  const qpvCount = useAppStore((s) => s.qpvDrawn);
  const selectedQpv = useAppStore((s) => s.selectedQpv);
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
        quickAccessItems={[
          {
            iconId: 'fr-icon-database-line',
            text: 'Données',
            buttonProps: { onClick: () => setDataOpen((open) => !open), 'aria-expanded': dataOpen, 'aria-controls': 'data-panel-title' },
          },
        ]}
      />
      <main className="app__main" id="contenu">
        <MapView fill={choropleth.fill} fillKey={choropleth.fillKey} etablissements={etablissements.points} />
        <aside className="app__panel" aria-label="Recherche et territoires">
          <SearchBox />
          <TerritorySwitcher />
          <IndicatorPanel choropleth={choropleth} />
          <LayerPanel qpvCount={qpvCount} etablissements={etablissements.points} error={etablissements.error} />
        </aside>
        <StatusArea />
        {dataOpen ? <DataPanel onClose={closeData} /> : selectedQpv !== null && <FicheQpv code={selectedQpv} />}
      </main>
    </div>
  );
}
