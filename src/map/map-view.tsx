import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import maplibregl, { type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MARKS, mark } from '../perf-marks.ts';
import { loadArrowTable } from '../data/published-data.ts';
import { userMessage } from '../data/user-message.ts';
import { useAppStore } from '../state/store.ts';
import { ficheWithoutView } from '../state/url-state.ts';
import { arrowToFeatures } from './arrow-features.ts';
import { registerMapCapture } from './map-capture.ts';
import { BASEMAP_SOURCES, buildBasemapStyle, COMMUNES_MIN_ZOOM } from './basemap-style.ts';
import type { EtablissementPoint } from './etablissement-points.ts';
import { etablissementTooltip, isEtablissementPick } from './etablissement-layers.ts';
import { isQpvLayer, type QpvCollection, type QpvGpuFilter, type QpvProps, qpvTooltip } from './qpv-layers.ts';
import { objectOf, objectTooltip } from './object-layers.ts';
import type { LayerInputs } from './layer-drawings.ts';
import { useLayerStack } from './use-layer-stack.ts';
import type { SelectionShape } from '../queries/map-objects-queries.ts';
import { buildSelectionLayers, selectionBBox } from './selection-layers.ts';
import type { Rgba } from './palettes.ts';
import { METROPOLE_BBOX } from './territory-views.ts';
import { type DrawnState, watchDrawn } from './drawn-state.ts';
import { FIRST_VIEW_SOURCES, firstViewQpvAt, removeFirstViewQpv, showFirstViewQpv } from './qpv-first-view.ts';

/**
 * The map: MapLibre draws the offline basemap and, interleaved, deck.gl's footprints; a
 * second deck.gl draws the QPV, schools and other objects in its own canvas over it (a filter
 * change redraws that canvas only, not the basemap nor the footprints). Data comes straight
 * from the published Arrow files so that the first paint never waits for DuckDB.
 */
export interface MapViewProps {
  fill: ReadonlyMap<string, Rgba> | null;
  fillKey: string;
  etablissements: readonly EtablissementPoint[];
  /** The cross-filter for the GPU, applied to the QPV and to the schools near them. */
  qpvFilter: QpvGpuFilter | null;
  /** The rows of the queried layers and the actions to point out (`useMapObjects`). */
  objects: Pick<LayerInputs, 'rows' | 'highlightedActions'>;
  /** Where the object whose fiche is open lies, pointed out above every layer. */
  selection: SelectionShape | null;
}

/** MapLibre's words for its canvas and controls, in French like the rest of the page (its own are English). */
const MAP_LOCALE = {
  'Map.Title': 'Carte : flèches pour se déplacer, + et − pour zoomer',
  'NavigationControl.ZoomIn': 'Zoom avant',
  'NavigationControl.ZoomOut': 'Zoom arrière',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources de la carte',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
};

export function MapView({ fill, fillKey, etablissements, qpvFilter, objects, selection }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const footprintOverlayRef = useRef<MapboxOverlay | null>(null);
  /** The upper canvas's layers; null until the QPV are loaded, deck.gl started and the layers built. */
  const layersRef = useRef<Layer[] | null>(null);
  const qpvCountRef = useRef(0);
  const paintedRef = useRef(false);
  /** Picks deck.gl's layers at a pixel, the upper canvas's then the footprints; null until deck.gl has started. */
  const pickRef = useRef<((x: number, y: number) => PickingInfo | null) | null>(null);
  /** Whether deck.gl's overlays exist (made after the first paint). */
  const [deckStarted, setDeckStarted] = useState(false);
  const drawnRef = useRef<DrawnState | null>(null);
  const [qpv, setQpv] = useState<QpvCollection | null>(null);
  const [zoom, setZoom] = useState(5);
  const selected = useAppStore((s) => s.selectedQpv);
  const focus = useAppStore((s) => s.focus);
  const visibleLayers = useAppStore((s) => s.visibleLayers);
  /** Opened from a link with a fiche but no view: the map goes to that object once its place is known. */
  const goToSelectionRef = useRef(ficheWithoutView(window.location.hash));

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: buildBasemapStyle(),
      bounds: METROPOLE_BBOX,
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: true, customAttribution: 'Contours : IGN Admin Express 2018 · Noms des communes : INSEE (COG 2026) · QPV : ANCT (2015) · Indicateurs : INSEE · Établissements : Éducation nationale' },
      hash: 'carte',
      locale: MAP_LOCALE,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    let communesRequested = false;
    const loadCommunes = () => {
      if (communesRequested || map.getZoom() < COMMUNES_MIN_ZOOM) return;
      communesRequested = true;
      loadArrowTable('contours_communes').then(
        (table) => (map.getSource(BASEMAP_SOURCES.communes) as GeoJSONSource | undefined)?.setData(arrowToFeatures(table, () => ({}))),
        () => {
          communesRequested = false;
        },
      );
    };
    map.on('zoomend', () => {
      setZoom(map.getZoom());
      loadCommunes();
    });
    map.once('load', loadCommunes);
    setZoom(map.getZoom());
    mapRef.current = map;
    const drawn = watchDrawn(map, container.current!);
    drawnRef.current = drawn;
    const { setMapReady, setMapError, addMapProblem, selectQpv, selectObject } = useAppStore.getState();
    let removed = false;
    let unregisterCapture = () => {};

    // deck.gl's two canvases, made once the first frame is painted (see startDeck).
    const startDeck = () => {
      if (removed) return;
      // The footprints (Cités, REP networks: hundreds of static polygons) are drawn by deck.gl
      // inside MapLibre's frame, with the basemap, again only when the map moves; everything a
      // filter changes is drawn by a second deck.gl in its own canvas above, the only one a
      // brush move redraws (a third canvas would cost every frame its compositing).
      // Its deck.gl listens for keys on MapLibre's canvas and, doing so, sets an inline `outline:
      // none` on it: the keyboard's focus on the map would not show. The outline comes back.
      const footprintOverlay = new MapboxOverlay({ interleaved: true, layers: [], onLoad: () => map.getCanvas().style.removeProperty('outline') });
      /** The footprint under a pixel, for the tooltip and the click (the upper canvas has none). */
      const footprintAt = (x: number, y: number) => footprintOverlay.pickObject({ x, y, radius: 2 });
      const overlay = new MapboxOverlay({
        interleaved: false,
        layers: [],
        // Flat layers drawn in their order need no depth buffer: without one, a brush move does
        // not clear and store a multisampled depth buffer as large as the map (in software WebGL,
        // CPU time taken from the page at every move).
        deviceProps: { webgl: { depth: false } },
        // deck.gl makes its canvas focusable for keyboard input (mjolnir's KeyInput), unnamed and
        // with no outline; over MapLibre it takes no input at all (MapLibre's canvas, named, pans
        // and zooms from the keyboard): out of the tab order and of the accessibility tree.
        onLoad: () => {
          const canvas = overlay.getCanvas();
          canvas?.setAttribute('tabindex', '-1');
          canvas?.setAttribute('aria-hidden', 'true');
        },
        // Once deck.gl has drawn its QPV (or has none to draw), MapLibre's stand-ins of the
        // first frame go, and MapLibre draws a frame without them.
        onAfterRender: () => {
          const layers = layersRef.current;
          if (layers !== null && layers.filter(isQpvLayer).every((l) => l.isLoaded) && removeFirstViewQpv(map)) drawn.basemapChanged();
          drawn.upperDrawn(layers);
        },
        getTooltip: (info) => {
          if (isEtablissementPick(info)) return info.object ? { text: etablissementTooltip(info.object as EtablissementPoint) } : null;
          const object = objectOf(info);
          if (object) return { text: objectTooltip(object) };
          const footprint = info.object ? null : footprintAt(info.x, info.y);
          const beneath = footprint ? objectOf(footprint) : null;
          return beneath ? { text: objectTooltip(beneath) } : qpvTooltip(info);
        },
      });
      map.addControl(footprintOverlay);
      map.addControl(overlay);
      unregisterCapture = registerMapCapture(map, overlay);
      overlayRef.current = overlay;
      footprintOverlayRef.current = footprintOverlay;
      pickRef.current = (x, y) => overlay.pickObject({ x, y, radius: 2 }) ?? footprintAt(x, y);
      setDeckStarted(true);
    };

    // First paint = the first frame in which the basemap, its régions and départements given
    // (not only the empty tiles MapLibre had before), and the QPV are drawn: by MapLibre
    // (qpv-first-view.ts), so that deck.gl's start, its second WebGL context and its programs
    // come after that frame, not before it.
    paintedRef.current = false;
    let given: readonly string[] | null = null;
    const onFrame = () => {
      if (paintedRef.current || given === null || !given.every((id) => map.isSourceLoaded(id)) || !map.areTilesLoaded()) return;
      paintedRef.current = true;
      mark(MARKS.firstPaint);
      setMapReady(qpvCountRef.current);
      setTimeout(startDeck);
    };
    map.on('render', onFrame);

    const onPick = (info: PickingInfo) => {
      if (isEtablissementPick(info)) return info.object && selectObject({ kind: 'etablissement', id: (info.object as EtablissementPoint).uai });
      const picked = objectOf(info);
      if (picked) return selectObject({ kind: picked.kind, id: picked.id });
      const object = info.object as { properties?: QpvProps } | QpvProps | undefined;
      const code = object && ('properties' in object && object.properties ? object.properties.code : (object as QpvProps).code);
      selectQpv(code ?? null);
    };
    // MapLibre's click (which tells a click from a drag of the map) picks the deck layers and
    // hands the result to the handler; before deck.gl has started, the first frame's QPV.
    map.on('click', (e) => {
      const pick = pickRef.current;
      if (pick === null) selectQpv(firstViewQpvAt(map, e.point));
      else onPick(pick(e.point.x, e.point.y) ?? ({ object: undefined } as PickingInfo));
    });

    const styleLoaded = new Promise<void>((resolve) =>
      map.once('load', () => {
        mark(MARKS.mapStyleLoaded);
        resolve();
      }),
    );
    // Each file on its own: without the territories the QPV are still drawn, and without the
    // QPV the basemap is; what is missing is said in the status area.
    const orNull = (name: string) =>
      loadArrowTable(name).catch((error: unknown) => {
        addMapProblem(userMessage(error, `map: table "${name}"`));
        return null;
      });
    Promise.all([orNull('territoires'), orNull('qpv'), styleLoaded])
      .then(([territoires, qpvTable]) => {
        mark(MARKS.mapDataReady);
        const sources: string[] = [];
        const niveau = (n: string) => (row: (c: string) => unknown) => row('niveau') === n;
        if (territoires !== null) {
          (map.getSource(BASEMAP_SOURCES.regions) as GeoJSONSource).setData(arrowToFeatures(territoires, () => ({}), niveau('region')));
          (map.getSource(BASEMAP_SOURCES.departements) as GeoJSONSource).setData(arrowToFeatures(territoires, () => ({}), niveau('departement')));
          sources.push(BASEMAP_SOURCES.regions, BASEMAP_SOURCES.departements);
        }
        const collection: QpvCollection =
          qpvTable === null
            ? { type: 'FeatureCollection', features: [] }
            : arrowToFeatures(qpvTable, (r) => ({
                code: String(r('code')),
                nom: String(r('nom')),
                commune: String(r('commune_nom')),
                lon: Number(r('lon')),
                lat: Number(r('lat')),
              }));
        qpvCountRef.current = collection.features.length;
        if (useAppStore.getState().visibleLayers.includes('qpv')) {
          showFirstViewQpv(map, collection);
          sources.push(...FIRST_VIEW_SOURCES);
        }
        given = sources;
        map.triggerRepaint();
        setQpv(collection);
      })
      .catch((error: unknown) => {
        setMapError(userMessage(error, 'map: drawing the data'));
        // The basemap and what deck.gl draws from DuckDB (schools, footprints) still come.
        setQpv({ type: 'FeatureCollection', features: [] });
        setTimeout(startDeck);
      });

    return () => {
      removed = true;
      layersRef.current = null;
      setDeckStarted(false);
      unregisterCapture();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      footprintOverlayRef.current = null;
      pickRef.current = null;
    };
  }, []);

  // Each layer (src/map/layer-drawings.ts) is drawn again only when its own inputs change: on
  // a brush move, the QPV and school layers get a new filter range (uniforms), the other
  // layers are left as they were.
  const layers = useLayerStack({ zoom, qpv, selectedQpv: selected, fill, fillKey, qpvFilter, etablissements, highlightedActions: objects.highlightedActions, rows: objects.rows }, visibleLayers);
  const selectionLayers = useMemo(() => buildSelectionLayers(selection), [selection]);

  useEffect(() => {
    if (selection === null || goToSelectionRef.current === null) return;
    const { selectedObject, focusOn } = useAppStore.getState();
    // Not if another fiche was opened meanwhile.
    const bbox = `${selectedObject?.kind}:${selectedObject?.id}` === goToSelectionRef.current ? selectionBBox(selection) : null;
    goToSelectionRef.current = null;
    if (bbox !== null) focusOn(bbox);
  }, [selection]);

  useEffect(() => {
    footprintOverlayRef.current?.setProps({ layers: layers.basemap });
    drawnRef.current?.basemapChanged();
  }, [layers.basemap, deckStarted]);

  useEffect(() => {
    if (qpv === null || !deckStarted) return;
    // Over the footprints, the layers in the registry's order; the selected object above all.
    layersRef.current = [...layers.upper, ...selectionLayers];
    overlayRef.current?.setProps({ layers: layersRef.current });
    drawnRef.current?.upperChanged();
    // No layer at all on that canvas: no deck.gl frame follows, nothing of deck.gl's to wait for.
    if (layersRef.current.length === 0 && mapRef.current !== null && removeFirstViewQpv(mapRef.current)) drawnRef.current?.basemapChanged();
  }, [qpv, layers.upper, selectionLayers, deckStarted]);

  useEffect(() => {
    const map = mapRef.current;
    if (focus === null || map === null) return;
    // Keep the target clear of what lies over the map: the left panel, the open side panel
    // (fiche, territory…) and the result table.
    const wide = map.getContainer().clientWidth > 900;
    const over = (selector: string, side: 'width' | 'height') => document.querySelector(selector)?.getBoundingClientRect()[side] ?? 0;
    // A fiche asked for with the same click may not be drawn yet: count its width (30rem).
    const { selectedQpv, selectedObject } = useAppStore.getState();
    const right = wide ? Math.max(over('.side-panel', 'width'), selectedQpv !== null || selectedObject !== null ? 480 : 0) + 40 : 40;
    const bottom = wide ? over('.result-panel', 'height') + 50 : 40;
    map.fitBounds(focus.bbox, { padding: { top: 60, bottom, left: wide ? 440 : 40, right }, maxZoom: 14, duration: 600 });
  }, [focus]);

  return <div ref={container} id="carte" className="map-view" role="region" aria-label="Carte des QPV" data-testid="map" />;
}
