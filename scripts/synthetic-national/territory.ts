import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { PolygonIndex, representativePoint } from '../../geo/index.ts';
import { loadRegistry, type Source, sourcePath } from '../../data-pipeline/registry.ts';
import { departementOfCommune } from '../../data-pipeline/tables/build-territoires.ts';

/**
 * The real territories the synthetic dataset is laid on: the shipped IGN communes of
 * métropole (every one of them, 35,228), their départements and régions, and the shipped
 * ANCT contrats de ville (one point each, with the population of its QPV), which say where
 * in France QPV are and how many.
 */
export interface Commune {
  code: string;
  nom: string;
  departement: string;
}

export interface Departement {
  code: string;
  nom: string;
  region: { code: string; nom: string };
}

/** A contrat de ville of métropole: where its QPV go, and how many (its QPV population). */
export interface ContratDeVille {
  lon: number;
  lat: number;
  /** SIREN and name of its EPCI. */
  siren: string;
  epci: string;
  population: number;
}

type Outlines = FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;

/** The shipped sources the synthetic dataset reads, by registry id. */
export const REAL_TERRITORY_SOURCES = ['admin-express-2018-regions', 'admin-express-2018-departements', 'admin-express-2018-communes', 'cog-2026-communes', 'academies-2020', 'anct-contrats-de-ville-points'] as const;

export class Territory {
  readonly communes: Commune[];
  readonly departements: ReadonlyMap<string, Departement>;
  readonly contratsDeVille: ContratDeVille[];
  readonly #index: PolygonIndex;
  readonly #points = new Map<number, [number, number]>();

  private constructor(sources: ReadonlyMap<string, Source>) {
    const read = <T>(id: string) => JSON.parse(readFileSync(sourcePath(sources.get(id)!), 'utf8')) as T;
    const regions = read<Outlines>('admin-express-2018-regions').features;
    const regionIndex = new PolygonIndex(regions.map((f) => f.geometry));
    this.departements = new Map(
      read<Outlines>('admin-express-2018-departements').features.map((f) => {
        const region = regions[regionIndex.containing(...representativePoint(f.geometry))[0]!]!.properties;
        return [f.properties.code, { code: f.properties.code, nom: f.properties.nom, region: { code: region.code, nom: region.nom } }];
      }),
    );
    const metropole = read<Outlines>('admin-express-2018-communes').features.filter((f) => !f.properties.code.startsWith('97'));
    this.communes = metropole.map((f) => ({ code: f.properties.code, nom: f.properties.nom, departement: departementOfCommune(f.properties.code) }));
    this.#index = new PolygonIndex(metropole.map((f) => f.geometry));
    const contrats = read<FeatureCollection<Point, { codgeo: string; lib_cv: string; pop: number | null }>>('anct-contrats-de-ville-points').features;
    this.contratsDeVille = contrats.flatMap((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      // DROM points sit at the basemap's inset positions: only métropole's are kept.
      if (this.communeAt(lon, lat) === undefined || !(Number(f.properties.pop) > 0)) return [];
      return [{ lon, lat, siren: f.properties.codgeo, epci: f.properties.lib_cv.replace(/^\S+ - /, ''), population: Number(f.properties.pop) }];
    });
  }

  static async load(): Promise<Territory> {
    const registry = await loadRegistry();
    return new Territory(new Map(registry.map((s) => [s.id, s])));
  }

  /** Index in `communes` of the commune at this point, if any. */
  communeAt(lon: number, lat: number): number | undefined {
    return this.#index.containing(lon, lat)[0];
  }

  /** A point inside commune `i` (computed once). */
  pointOf(i: number): [number, number] {
    let point = this.#points.get(i);
    if (point === undefined) {
      point = representativePoint(this.#index.polygon(i));
      this.#points.set(i, point);
    }
    return point;
  }
}
