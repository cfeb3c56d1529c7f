import type { MultiPolygon, Polygon } from 'geojson';
import { type BBox, territoryOf, unionBBox } from '../../../geo/index.ts';
import { normaliseGeometry, repairWarning, type SimplifyOptions } from '../../normalise-geometry.ts';
import type { RowIssue } from '../../pipeline-error.ts';
import type { GeoJsonFile } from '../../read/read-geojson.ts';
import type { SourceInput } from '../../read/read-source.ts';
import { footprintColumns, type TableBuild } from '../../table-build.ts';
import { departementOfCommune, type TerritoireRow, type TerritoiresBuild } from '../build-territoires.ts';
import { type ContratDeVille, readContratsDeVille } from '../lieux/contrats-de-ville.ts';

/** As commune outlines (`contours_communes`): ~50 m, 4 decimals. */
const SIMPLIFY: SimplifyOptions = { toleranceDeg: 0.0005, decimals: 4 };

/** `lib_cv` is « <département> - <name> » (« NA - » for Corsica): the département is a column. */
const LABEL_PREFIX = /^(\d{2,3}|2A|2B|NA) - /;

interface DepartementFootprint {
  bbox: BBox;
  point: [number, number];
}

type Outcome = { row: TerritoireRow; warning?: string } | { skip: string };

/**
 * The contrats de ville (generation 2015–2023) of the ANCT points file as `territoires` rows of
 * niveau 'contrat_de_ville', code `CVxxx`. The file ties a contract to one territory, `codgeo`:
 * - a commune (64 contracts): the footprint is that commune's outline, from the territoires;
 * - an EPCI, by SIREN (370): no source here lists the EPCI's communes, so there is no outline
 *   (geometry null); the point is the ANCT point of the contract, the box the one of its
 *   département(s), grown to hold the point. DROM points of the file are basemap insets: those
 *   contracts get their département's point instead (warning).
 * Département: the commune's; else the file's `insee_dep` (the first, for CV043 on 13 and 84);
 * else (Corsica) the one the point lies in. Contracts of collectivités d'outre-mer
 * (Saint-Martin, Polynésie) are left out, as in `lieux` (warning).
 */
export function contratsDeVilleTerritoires(
  inputs: readonly SourceInput<GeoJsonFile>[],
  territoires: Pick<TerritoiresBuild, 'rows' | 'communes' | 'departements' | 'regionOfDepartement'>,
): TableBuild<TerritoireRow> {
  const contrats = readContratsDeVille(inputs);
  const departements = new Map<string, DepartementFootprint>();
  for (const r of territoires.rows) {
    if (r.niveau === 'departement') departements.set(r.code, { bbox: [Number(r.xmin), Number(r.ymin), Number(r.xmax), Number(r.ymax)], point: [Number(r.lon), Number(r.lat)] });
  }
  const build: TableBuild<TerritoireRow> = { rows: [], locations: [], rowsIn: contrats.rowsIn, rejected: contrats.rejected, warnings: [] };
  for (const contrat of contrats.byCode.values()) {
    const at = contrat.location;
    const outline = territoires.communes.outlines.get(contrat.codgeo);
    const outcome = outline === undefined ? epciRow(contrat, territoires, departements) : communeRow(contrat, outline, territoires.regionOfDepartement, build.warnings);
    if ('skip' in outcome) {
      build.warnings.push({ location: at, reason: outcome.skip });
      continue;
    }
    if (outcome.warning !== undefined) build.warnings.push({ location: at, reason: outcome.warning });
    build.rows.push(outcome.row);
    build.locations.push(at);
  }
  return build;
}

function identity(contrat: ContratDeVille, departement: string, region: string): Pick<TerritoireRow, 'niveau' | 'code' | 'nom'> & Record<string, string> {
  return { niveau: 'contrat_de_ville', code: contrat.code, nom: contrat.libelle.replace(LABEL_PREFIX, ''), departement_code: departement, region_code: region };
}

function communeRow(
  contrat: ContratDeVille,
  outline: Polygon | MultiPolygon,
  regionOfDepartement: ReadonlyMap<string, string>,
  warnings: RowIssue[],
): Outcome {
  const departement = departementOfCommune(contrat.codgeo);
  const region = regionOfDepartement.get(departement)!;
  const footprint = normaliseGeometry(outline, null, SIMPLIFY);
  if ('problem' in footprint) return { skip: `outline of commune ${contrat.codgeo} unusable (${footprint.problem}): left out` };
  const repaired = repairWarning(footprint, { ...contrat.location, field: 'codgeo', value: contrat.codgeo });
  if (repaired !== null) warnings.push(repaired);
  return { row: { ...identity(contrat, departement, region), ...footprintColumns(footprint) } as TerritoireRow };
}

function epciRow(
  contrat: ContratDeVille,
  territoires: Pick<TerritoiresBuild, 'departements' | 'regionOfDepartement'>,
  departements: ReadonlyMap<string, DepartementFootprint>,
): Outcome {
  const { codes, index } = territoires.departements;
  const listed = contrat.departements.length > 0 ? contrat.departements : index.containing(contrat.lon, contrat.lat).map((i) => codes[i]!);
  const departement = listed[0];
  const region = departement === undefined ? undefined : territoires.regionOfDepartement.get(departement);
  if (departement === undefined || region === undefined) {
    const where = contrat.codgeo.length === 5 ? `commune ${contrat.codgeo}` : `département ${departement ?? 'unknown'}`;
    return { skip: `${where} is in none of the régions and départements covered (collectivités d'outre-mer are not): left out` };
  }
  const own = departements.get(departement)!;
  const real = territoryOf(contrat.lon, contrat.lat) === territoryOf(...own.point);
  const point: [number, number] = real ? [contrat.lon, contrat.lat] : own.point;
  const box = listed.reduce<BBox>((b, d) => unionBBox(b, departements.get(d)?.bbox ?? b), [point[0], point[1], point[0], point[1]]);
  const [xmin, ymin, xmax, ymax] = box;
  const row = { ...identity(contrat, departement, region), lon: point[0], lat: point[1], xmin, ymin, xmax, ymax, geometry: null } as TerritoireRow;
  const noOutline = contrat.codgeo.length === 5 ? `commune ${contrat.codgeo} has no outline in the territoires: no geometry` : null;
  const inset = real ? null : `the ANCT point is a basemap inset, not a real place: placed at the point of département ${departement}`;
  const warning = [noOutline, inset].filter((w) => w !== null).join('; ');
  return warning === '' ? { row } : { row, warning };
}
