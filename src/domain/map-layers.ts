import type { TableName } from './table-layouts.ts';

/**
 * The map's layers, declared once: what each one is (its id in the store and the URL, its
 * French label, the published table it draws), which fiche a click on it opens, whether it
 * is shown on first visit, from which zoom it is drawn in full and whether the search finds
 * its objects. The array's order is the order of the layer panel, of the `couches=` URL
 * parameter, of the PNG legend's lines and of drawing, bottom to top (footprints, drawn with
 * the basemap, lie under every layer of the upper canvas; see `src/map/layer-stack.ts`).
 *
 * How each layer is drawn (deck.gl layers, symbols, legend lines) is declared in
 * `src/map/layer-drawings.ts`, keyed by these ids: a layer declared here without its
 * drawing fails the typecheck. Adding a layer: one entry here, one there (docs/architecture.md).
 */

/** A kind of object with a fiche of its own, and where its rows are. */
export interface MapObjectFacts {
  /** The kind in `SelectedObject` and in the URL (`objet=kind:id`). */
  kind: string;
  /** One such object, in French (tooltips, search hits). */
  label: string;
  /** The column of the layer's table its `id` (URL, links, search hit) is the value of. */
  key: string;
  /** Whether the row has a GeoJSON perimeter (`geometry`) besides its point. */
  footprint: boolean;
}

export interface MapLayerFacts {
  /** In the store, the URL (`couches=`) and the panel's `data-layer`. */
  id: string;
  /** The layer panel's label. */
  label: string;
  /** The published table it draws: its row count in the panel, its sources under the PNG. */
  table: TableName;
  /** The objects a click opens a fiche of; null: the layer's own fiche (the QPV's). */
  object: MapObjectFacts | null;
  /** Shown on first visit. */
  defaultVisible: boolean;
  /** From this zoom on the layer is drawn in full (a QPV as its polygon, every school); below it, lighter. */
  detailMinZoom: number | null;
  /** Its objects are search hits, after those of a lower `order` at the same rank (QPV 0, territories 1–5). */
  search: { order: number } | null;
}

export const MAP_LAYERS = [
  { id: 'qpv', label: 'QPV', table: 'qpv', object: null, defaultVisible: true, detailMinZoom: 10, search: null },
  {
    id: 'etablissements',
    label: 'Établissements scolaires',
    table: 'etablissements',
    object: { kind: 'etablissement', label: 'Établissement scolaire', key: 'uai', footprint: false },
    defaultVisible: true,
    // Below it only REP and REP+ schools are drawn (14,000 points would hide the map).
    detailMinZoom: 10,
    search: { order: 8 },
  },
  {
    id: 'reseaux',
    label: 'Réseaux REP / REP+ (emprises estimées)',
    table: 'reseaux_ep',
    object: { kind: 'reseau', label: 'Réseau d’éducation prioritaire', key: 'uai_college', footprint: true },
    defaultVisible: false,
    detailMinZoom: null,
    search: null,
  },
  {
    id: 'cites',
    label: 'Cités éducatives (périmètres)',
    table: 'cites',
    object: { kind: 'cite', label: 'Cité éducative', key: 'nom', footprint: true },
    defaultVisible: true,
    detailMinZoom: null,
    search: { order: 6 },
  },
  {
    id: 'lieux',
    label: 'Lieux partenaires et services',
    table: 'lieux',
    object: { kind: 'lieu', label: 'Lieu partenaire', key: 'id', footprint: false },
    defaultVisible: false,
    detailMinZoom: null,
    search: null,
  },
  {
    id: 'pre',
    label: 'Programmes de réussite éducative',
    table: 'pre',
    object: { kind: 'pre', label: 'Programme de réussite éducative', key: 'nom', footprint: false },
    defaultVisible: false,
    detailMinZoom: null,
    search: { order: 7 },
  },
  {
    id: 'actions',
    label: 'Actions éducatives',
    table: 'actions',
    object: { kind: 'action', label: 'Action éducative', key: 'id', footprint: false },
    defaultVisible: false,
    detailMinZoom: null,
    search: null,
  },
] as const satisfies readonly MapLayerFacts[];

type Declared = (typeof MAP_LAYERS)[number];
export type LayerId = Declared['id'];
/** The kinds of object with a fiche (`SelectedObject['kind']`). */
export type MapObjectKind = NonNullable<Declared['object']>['kind'];
/** The kinds of object the search finds. */
export type SearchableKind = NonNullable<Extract<Declared, { search: object }>['object']>['kind'];

/** Every layer id, in the registry's order (a tuple, for zod's `z.enum`). */
export const LAYER_IDS = MAP_LAYERS.map((l) => l.id) as [LayerId, ...LayerId[]];

/** A layer's facts by id. */
export const MAP_LAYER = Object.fromEntries(MAP_LAYERS.map((l) => [l.id, l])) as { readonly [K in LayerId]: Extract<Declared, { id: K }> };

/** Shown on first visit. */
export const DEFAULT_LAYERS: readonly LayerId[] = MAP_LAYERS.filter((l) => l.defaultVisible).map((l) => l.id);

/** The layers whose objects have a fiche, with the facts of those objects. */
export const OBJECT_LAYERS = MAP_LAYERS.flatMap((l) => (l.object === null ? [] : [{ layer: l.id as LayerId, table: l.table as TableName, ...(l.object as MapObjectFacts & { kind: MapObjectKind }) }]));

/** `layers` in the registry's order, each once. */
export const inLayerOrder = (layers: Iterable<string>): LayerId[] => {
  const set = new Set(layers);
  return LAYER_IDS.filter((id) => set.has(id));
};
