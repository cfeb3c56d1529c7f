/**
 * The libraries the app ships to the browser (package.json `dependencies`), with what each
 * does here and its licence, for the « Sources et licences » page.
 * `tests/unit/software-licences.test.ts` checks the list against package.json and each
 * package's own declared licence.
 */
export interface SoftwareLicence {
  /** npm package name. */
  name: string;
  /** What it does in the observatory, in French. */
  role: string;
  /** SPDX identifier, as the package declares it. */
  licence: string;
}

const lib = (name: string, licence: string, role: string): SoftwareLicence => ({ name, role, licence });

export const SOFTWARE_LICENCES: readonly SoftwareLicence[] = [
  lib('@codegouvfr/react-dsfr', 'MIT', 'Système de design de l’État (DSFR) pour React'),
  lib('react', 'MIT', 'interface'),
  lib('react-dom', 'MIT', 'interface'),
  lib('zustand', 'MIT', 'état de l’application'),
  lib('zod', 'MIT', 'validation des entrées (adresse, fichiers importés)'),
  lib('maplibre-gl', 'BSD-3-Clause', 'fond de carte'),
  lib('@deck.gl/core', 'MIT', 'couches de la carte (WebGL)'),
  lib('@deck.gl/layers', 'MIT', 'couches de la carte (WebGL)'),
  lib('@deck.gl/extensions', 'MIT', 'filtre des QPV sur le processeur graphique'),
  lib('@deck.gl/mapbox', 'MIT', 'couches deck.gl sur MapLibre'),
  lib('@duckdb/duckdb-wasm', 'MIT', 'base de données SQL dans le navigateur'),
  lib('apache-arrow', 'Apache-2.0', 'lecture des données publiées (Arrow)'),
  lib('@observablehq/plot', 'ISC', 'graphiques des filtres'),
  lib('d3-brush', 'ISC', 'sélection sur les graphiques'),
  lib('d3-selection', 'ISC', 'sélection sur les graphiques'),
  lib('d3-scale-chromatic', 'ISC', 'palettes de couleurs'),
  lib('@tanstack/react-virtual', 'MIT', 'tableaux longs'),
  lib('@turf/turf', 'MIT', 'calculs géographiques'),
  lib('flatbush', 'ISC', 'index spatial'),
  lib('proj4', 'MIT', 'projections (Lambert-93 → WGS84)'),
  lib('simple-statistics', 'ISC', 'classes de la carte (seuils naturels de Jenks)'),
  lib('csv-parse', 'MIT', 'import de fichiers CSV'),
  lib('exceljs', 'MIT', 'modèle et import de fichiers XLSX'),
  lib('fflate', 'MIT', 'lecture des fichiers XLSX (zip)'),
  lib('idb-keyval', 'Apache-2.0', 'actions importées gardées dans le navigateur (IndexedDB)'),
  lib('@noble/hashes', 'MIT', 'empreintes sha256 des fichiers de données'),
];
