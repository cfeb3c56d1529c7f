import { useState } from 'react';
import { loadManifest } from '../data/published-data.ts';
import { userMessage } from '../data/user-message.ts';
import { formatDateFr } from '../domain/format-fr.ts';
import { sourcesLine } from '../export/csv-fr.ts';
import { downloadBlob } from '../export/download.ts';
import { sourcesOfTables } from '../export/export-sources.ts';
import { choroplethLegend } from '../map/legend-entries.ts';
import { layerTables, withLayerLegend } from '../map/layer-drawings.ts';
import { captureMapPng, MapCaptureError } from '../map/map-capture.ts';
import type { Choropleth } from '../map/use-choropleth.ts';
import { indicatorValueTables } from '../queries/indicator-queries.ts';
import { useAppStore } from '../state/store.ts';

/** Tables whose sources the map picture cites: the basemap, the QPV and their indicator, the tables of the layers shown. */
const mapTables = (layers: readonly string[], indicator: string) => ['territoires', 'qpv', ...indicatorValueTables(indicator), ...layerTables(layers)];

/** « Exporter la carte (PNG) »: the current map with its legend and sources. */
export function MapExportButton({ choropleth, excluded }: { choropleth: Choropleth; excluded: number | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const visibleLayers = useAppStore((s) => s.visibleLayers);
  const legend = withLayerLegend(choroplethLegend(choropleth, excluded), visibleLayers);

  const exportPng = async () => {
    if (legend === null) return;
    setBusy(true);
    setError(null);
    try {
      const { visibleLayers, indicator } = useAppStore.getState();
      const sources = sourcesOfTables(await loadManifest(), mapTables(visibleLayers, indicator));
      const png = await captureMapPng(legend, `${sourcesLine(sources)} · Exporté le ${formatDateFr(new Date())} · Observatoire de la réussite éducative`);
      downloadBlob(`carte-${indicator}.png`, png);
    } catch (e) {
      setError(e instanceof MapCaptureError ? e.message : userMessage(e, 'map export'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="map-export">
      <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" disabled={legend === null || busy} onClick={() => void exportPng()}>
        Exporter la carte (PNG)
      </button>
      {error !== null && <p className="fr-error-text">Export impossible : {error}</p>}
    </div>
  );
}
