import { formatValue } from './format-fr.ts';

/**
 * What « all QPV » means in this dataset. The medians, ranks and centiles the fiche, the
 * comparison and their exports give are taken over the QPV of the loaded data — today the QPV
 * of a few régions, not France's —, so every reference names that set, from the data: its
 * count and where it lies. A national reference would need national data (`indicateurs`
 * rows with `niveau = 'france'`), which no source gives yet: nothing may claim national scope.
 *
 * Naming rule, per generation of QPV: a région whose loaded QPV span more than one
 * département is named by the région, otherwise by its département(s). Places come largest
 * first (by QPV count), then by name.
 */

/** One row of `buildLoadedCoverageQuery`: the loaded QPV of one generation in one département. */
export interface CoverageSqlRow {
  generation: string;
  region_code: string;
  /** Null when `territoires` lacks the région (then its code names it). */
  region_nom: string | null;
  departement_code: string;
  departement_nom: string | null;
  qpv: number;
}

export interface CoveragePlace {
  niveau: 'region' | 'departement';
  code: string;
  nom: string;
  qpv: number;
}

export interface CoverageGeneration {
  generation: string;
  qpv: number;
  places: CoveragePlace[];
}

export interface LoadedCoverage {
  /** Loaded QPV, every generation. */
  qpv: number;
  /** Oldest generation first. */
  generations: CoverageGeneration[];
  /** Loaded QPV and name of each département and région, every generation (for their medians). */
  departements: ReadonlyMap<string, { nom: string; qpv: number }>;
  regions: ReadonlyMap<string, { nom: string; qpv: number }>;
}

const byCountThenName = (a: CoveragePlace, b: CoveragePlace) => b.qpv - a.qpv || a.nom.localeCompare(b.nom, 'fr');
const count = (n: number) => formatValue(n, 'nombre');

function add(map: Map<string, { nom: string; qpv: number }>, code: string, nom: string, qpv: number): void {
  const known = map.get(code);
  map.set(code, { nom, qpv: (known?.qpv ?? 0) + qpv });
}

/** The places that name one generation's QPV (the rule above). */
function placesOf(rows: readonly CoverageSqlRow[]): CoveragePlace[] {
  const regions = new Map<string, CoverageSqlRow[]>();
  for (const r of rows) regions.set(r.region_code, [...(regions.get(r.region_code) ?? []), r]);
  const places: CoveragePlace[] = [];
  for (const [code, inRegion] of regions) {
    const departements = new Map<string, { nom: string; qpv: number }>();
    for (const r of inRegion) add(departements, r.departement_code, r.departement_nom ?? r.departement_code, r.qpv);
    if (departements.size > 1) {
      places.push({ niveau: 'region', code, nom: inRegion[0]!.region_nom ?? code, qpv: inRegion.reduce((sum, r) => sum + r.qpv, 0) });
    } else {
      for (const [dep, { nom, qpv }] of departements) places.push({ niveau: 'departement', code: dep, nom, qpv });
    }
  }
  return places.sort(byCountThenName);
}

/** The loaded QPV described from the rows of `buildLoadedCoverageQuery`. */
export function describeCoverage(rows: readonly CoverageSqlRow[]): LoadedCoverage {
  const generations = [...new Set(rows.map((r) => r.generation))].sort();
  const departements = new Map<string, { nom: string; qpv: number }>();
  const regions = new Map<string, { nom: string; qpv: number }>();
  for (const r of rows) {
    add(departements, r.departement_code, r.departement_nom ?? r.departement_code, r.qpv);
    add(regions, r.region_code, r.region_nom ?? r.region_code, r.qpv);
  }
  return {
    qpv: rows.reduce((sum, r) => sum + r.qpv, 0),
    generations: generations.map((generation) => {
      const own = rows.filter((r) => r.generation === generation);
      return { generation, qpv: own.reduce((sum, r) => sum + r.qpv, 0), places: placesOf(own) };
    }),
    departements,
    regions,
  };
}

const names = (places: readonly CoveragePlace[]) => places.map((p) => p.nom).join(', ');

/**
 * The set in full: « les 111 QPV des données chargées : Occitanie, Ille-et-Vilaine »; with two
 * generations, each with its count and places (« … : 111 QPV 2015 (Occitanie), 39 QPV 2024
 * (Hérault) »). A `qualifier` narrows the noun: « les 100 QPV notés des données chargées : Occitanie ».
 */
export function coverageLabel(coverage: LoadedCoverage, qualifier = ''): string {
  const qpv = qualifier === '' ? 'QPV' : `QPV ${qualifier}`;
  if (coverage.qpv === 0) return `aucun ${qpv} dans les données chargées`;
  const head = `les ${count(coverage.qpv)} ${qpv} des données chargées`;
  if (coverage.generations.length === 1) return `${head} : ${names(coverage.generations[0]!.places)}`;
  return `${head} : ${coverage.generations.map((g) => `${count(g.qpv)} QPV ${g.generation} (${names(g.places)})`).join(', ')}`;
}

/** For a tight table header, with `coverageLabel` in its title: « 111 QPV chargés ». */
export function coverageShortLabel(coverage: LoadedCoverage): string {
  return `${count(coverage.qpv)} QPV chargés`;
}

/** « Médiane des 111 QPV des données chargées : Occitanie, Ille-et-Vilaine ». */
export function coverageMedianLabel(coverage: LoadedCoverage): string {
  return coverage.qpv === 0 ? 'Médiane : aucun QPV dans les données chargées' : `Médiane des ${coverageLabel(coverage).slice('les '.length)}`;
}

/** « Médiane des 22 QPV du département (Hérault) »; the code names a département the data lacks. */
export function departementMedianLabel(coverage: LoadedCoverage, code: string): string {
  const d = coverage.departements.get(code);
  return d === undefined ? `Médiane des QPV du département (${code})` : `Médiane des ${count(d.qpv)} QPV du département (${d.nom})`;
}

/** « Médiane des 105 QPV de la région (Occitanie) ». */
export function regionMedianLabel(coverage: LoadedCoverage, code: string): string {
  const r = coverage.regions.get(code);
  return r === undefined ? `Médiane des QPV de la région (${code})` : `Médiane des ${count(r.qpv)} QPV de la région (${r.nom})`;
}
