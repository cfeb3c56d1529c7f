import { Header } from '@codegouvfr/react-dsfr/Header';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { lazy, memo } from 'react';
import { isFiltered } from './domain/cross-filter.ts';
import { useSelectionShape } from './map/use-selection-shape.ts';
import { useMapObjects } from './map/use-map-objects.ts';
import { useQpvGpuFilter } from './map/use-qpv-filter.ts';
import { ResultPanel } from './ui/cross-filter/result-panel.tsx';
import { useCrossFilter } from './ui/cross-filter/use-cross-filter.ts';
import { FicheObjet } from './ui/fiche-objet.tsx';
import { MapView } from './map/map-view.tsx';
import { useAppStore } from './state/store.ts';
import { useChoropleth } from './map/use-choropleth.ts';
import { useEtablissementPoints } from './map/use-etablissement-points.ts';
import { LayerPanel } from './ui/layer-panel.tsx';
import { LazyPart } from './ui/lazy-part.tsx';
import { LinkNotices } from './ui/link-notices.tsx';
import { DataPanel } from './ui/data-panel.tsx';
import { QpvViews, useComparerQuickAccess } from './ui/qpv-views.tsx';
import { MapExportButton } from './ui/map-export-button.tsx';
import { IndicatorPanel } from './ui/indicator-panel.tsx';
import { RISK_INDICATOR_ID } from './queries/risk-indicator-queries.ts';
import { RiskWeightsPanel } from './ui/risk-weights-panel.tsx';
import { SearchBox } from './ui/search-box.tsx';
import { StatusArea } from './ui/status-area.tsx';
import { TerritorySwitcher } from './ui/territory-switcher.tsx';
import { useActionsQuickAccess, useTerritoireQuickAccess } from './ui/territoire-quick-access.ts';
import { SiteFooter } from './ui/site-pages/site-footer.tsx';
import { SitePages } from './ui/site-pages/site-pages.tsx';
import { SkipLinks } from './ui/site-pages/skip-links.tsx';

// Loaded on first use: the import code (csv-parse, and exceljs on demand) and the charts of
// the Filtres tab (Observable Plot) are not in the first chunk.
const CrossFilterPanel = lazy(() => import('./ui/cross-filter/cross-filter-panel.tsx').then((m) => ({ default: m.CrossFilterPanel })));
const TerritoryPanel = lazy(() => import('./ui/territory-panel.tsx').then((m) => ({ default: m.TerritoryPanel })));
const ActionsPage = lazy(() => import('./ui/actions-page.tsx').then((m) => ({ default: m.ActionsPage })));

export function App() {
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const dataOpen = panel === 'donnees';
  const selectedObject = useAppStore((s) => s.selectedObject);
  const comparer = useComparerQuickAccess();
  const territoire = useTerritoireQuickAccess();
  const actions = useActionsQuickAccess();
  const view = useAppStore((s) => s.view);
  return (
    <div className="app">
      <SkipLinks />
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
          territoire,
          actions,
          comparer,
          {
            iconId: 'fr-icon-database-line',
            text: 'Données',
            buttonProps: { onClick: () => setPanel(dataOpen ? null : 'donnees'), 'aria-expanded': dataOpen, 'aria-controls': 'data-panel-title' },
          },
        ]}
      />
      <main className="app__main" id="contenu">
        <MapWorkspace />
        {dataOpen && <DataPanel onClose={() => setPanel(null)} />}
        {panel === null && selectedObject !== null && <FicheObjet object={selectedObject} />}
        {panel === 'territoire' && (
          <LazyPart what="la vue du territoire" fallback={null}>
            <TerritoryPanel />
          </LazyPart>
        )}
        <QpvViews sidePanelOpen={panel !== null} />
        {view === 'actions' && (
          <LazyPart what="la page des actions" fallback={null}>
            <ActionsPage />
          </LazyPart>
        )}
        <SitePages />
      </main>
      <SiteFooter />
    </div>
  );
}

// Neither depends on the filters: a brush move does not render them again.
const MapSearch = memo(function MapSearch() {
  return (
    <div id="recherche">
      <SearchBox />
      <TerritorySwitcher />
    </div>
  );
});

/**
 * The map, its side panel (above the loading status) and the result table: what a filter
 * change redraws (the rest of the page does not subscribe to the filters, so a brush move
 * leaves it alone).
 */
function MapWorkspace() {
  const choropleth = useChoropleth();
  const etablissements = useEtablissementPoints();
  const qpvCount = useAppStore((s) => s.qpvDrawn);
  const indicator = useAppStore((s) => s.indicator);
  const filters = useAppStore((s) => s.filters);
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const visibleLayers = useAppStore((s) => s.visibleLayers);
  const riskWeights = useAppStore((s) => s.riskWeights);
  const crossFilter = useCrossFilter(indicator, riskWeights, filters);
  const qpvFilter = useQpvGpuFilter(filters, crossFilter.shape, crossFilter.facts, crossFilter.counts?.gpuPass ?? null);
  const objects = useMapObjects(visibleLayers);
  const selection = useSelectionShape();
  // The QPV the filters leave out, greyed on the map: the legends say how many.
  const excluded = isFiltered(filters) && crossFilter.total !== null ? Math.max(0, qpvCount - crossFilter.total) : null;
  return (
    <>
      <MapView fill={choropleth.fill} fillKey={choropleth.fillKey} etablissements={etablissements.points} qpvFilter={qpvFilter} objects={objects} selection={selection} />
      <div className="app__left">
        <LinkNotices />
        <aside className="app__panel" aria-label="Recherche, indicateur, filtres et couches">
          <MapSearch />
          <Tabs
            className="app__tabs"
            label="Panneau de la carte"
            selectedTabId={tab}
            onTabChange={(id) => setTab(id as typeof tab)}
            tabs={[
              { tabId: 'indicateur', label: 'Indicateur' },
              { tabId: 'filtres', label: isFiltered(filters) ? `Filtres (${crossFilter.total ?? '…'})` : 'Filtres' },
              { tabId: 'couches', label: 'Couches' },
            ]}
          >
            {tab === 'indicateur' && (
              <>
                <IndicatorPanel choropleth={choropleth} excluded={excluded} />
                <MapExportButton choropleth={choropleth} excluded={excluded} />
                {indicator === RISK_INDICATOR_ID && <RiskWeightsPanel choropleth={choropleth} />}
              </>
            )}
            {tab === 'filtres' && (
              <LazyPart what="les filtres" fallback={<p className="fr-text--sm">Chargement des filtres…</p>}>
                <CrossFilterPanel result={crossFilter} indicator={choropleth.option} indicators={choropleth.options} qpvCount={qpvCount} />
              </LazyPart>
            )}
            {tab === 'couches' && <LayerPanel qpvCount={qpvCount} etablissements={etablissements.points} error={etablissements.error ?? objects.errors[0] ?? null} />}
          </Tabs>
        </aside>
        <StatusArea />
      </div>
      <ResultPanel result={crossFilter} indicator={choropleth.option} />
    </>
  );
}
