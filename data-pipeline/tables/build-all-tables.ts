import { ACCES_SERVICES_LAYOUT, CONTOURS_COMMUNES_LAYOUT, DNB_SESSIONS_LAYOUT, ETABLISSEMENTS_LAYOUT, INDICATEURS_LAYOUT, INDICATEURS_META_LAYOUT, LIEUX_LAYOUT, QPV_COLLEGES_LAYOUT, QPV_LAYOUT, RESEAUX_EP_LAYOUT, RISQUE_COMPOSANTES_LAYOUT, RISQUE_DECROCHAGE_LAYOUT, type TableLayout, TERRITOIRES_LAYOUT } from '../../src/domain/table-layouts.ts';
import { PipelineError } from '../pipeline-error.ts';
import type { SourceInputs } from '../read/read-source.ts';
import type { SourceLayout } from '../registry.ts';
import { concatBuilds, type TableBuild } from '../table-build.ts';
import { buildAccesServices } from './build-acces-services.ts';
import { buildActionTables } from './build-actions.ts';
import { buildEtablissements } from './build-etablissements.ts';
import { buildIndicateurs } from './build-indicateurs.ts';
import { buildLieux } from './build-lieux.ts';
import { buildQpv } from './build-qpv.ts';
import { buildQpvColleges } from './build-qpv-colleges.ts';
import { buildReseauxEp } from './build-reseaux-ep.ts';
import { buildRisqueDecrochage } from './build-risque-decrochage.ts';
import { buildTerritoires, type TerritoireRow } from './build-territoires.ts';
import { fitQpvOutlines, type JoinedPoint } from './qpv-outline-fit.ts';
import { DepartementCheck, departementWarnings } from './departement-check.ts';
import { contratsDeVilleTerritoires } from './territoires/contrats-de-ville-territoires.ts';

export type BuiltTable = [TableLayout, TableBuild<Record<string, string | number | null>>];

/**
 * Builds every published table from the sources read, in dependency order: territories
 * first (communes locate QPV), then QPV (their geometry locates establishments, whose points
 * then settle the QPV's drawn outlines: `fitQpvOutlines`)… Each table
 * goes to `built` as soon as it is complete: a `built` that throws (a table over its rejection
 * threshold) stops the run there, before the tables that depend on it are built for nothing
 * (except establishments and places, built before the QPV are complete).
 * Returned in the manifest's order.
 */
export async function buildAllTables(inputs: SourceInputs, built: (table: BuiltTable) => void = () => {}): Promise<BuiltTable[]> {
  const tables: BuiltTable[] = [];
  const add = (layout: TableLayout, build: BuiltTable[1]) => {
    built([layout, build]);
    tables.push([layout, build]);
  };
  const onlyOne = <T>(layout: SourceLayout, found: readonly { data: T }[]): T => {
    const [first, ...others] = found;
    if (first === undefined) throw new PipelineError({ file: 'registry.json', field: 'layout', value: layout }, 'no source with this layout');
    if (others.length > 0) throw new PipelineError({ file: 'registry.json', field: 'layout', value: layout }, 'several sources with this layout');
    return first.data;
  };
  const single = (layout: SourceLayout) => onlyOne(layout, inputs.geojson(layout));
  const territoires = buildTerritoires({
    regions: single('regions'),
    departements: single('departements'),
    communes: single('communes'),
    communeNames: onlyOne('communes-cog', inputs.json('communes-cog')),
    academies: single('academies'),
  });
  add(TERRITOIRES_LAYOUT, concatBuilds<TerritoireRow>(territoires, contratsDeVilleTerritoires(inputs.geojson('contrats-de-ville-points'), territoires)));
  const qpv = buildQpv(inputs.geojson('qpv'), territoires.communes, territoires.regionOfDepartement);
  const indicateurs = buildIndicateurs(inputs.csv('qpv-indicateurs-insee'), inputs.csv('qpv-indicateurs-dictionnaire'), new Set(qpv.rows.map((r) => r.code)), inputs.csv('qpv-indicateurs-long'));
  const check = new DepartementCheck(territoires.departements);
  const etablissements = buildEtablissements(inputs, territoires, qpv);
  etablissements.warnings.push(...departementWarnings(etablissements, check));
  const lieux = buildLieux(inputs, territoires, qpv, etablissements);
  // CIO are establishments, checked above; a commune's point lies in its commune.
  lieux.warnings.push(
    ...departementWarnings(lieux, check, {
      include: (l) => l.categorie !== 'cio' && l.precision !== 'commune',
      point: (l) => (l.precision === 'contrat_de_ville' ? `point of its contrat de ville ${l.code_cv}` : 'point'),
    }),
  );
  // The drawn QPV outlines are settled once the establishments and places joined to them are
  // known (the joins use the source outlines), before the QPV table is checked and published
  // and before any later table reads them. The QPV keep their place in the manifest.
  fitQpvOutlines(qpv, joinedPoints(etablissements.rows, lieux.rows));
  add(QPV_LAYOUT, qpv);
  add(CONTOURS_COMMUNES_LAYOUT, territoires.contours);
  add(INDICATEURS_META_LAYOUT, indicateurs.meta);
  add(INDICATEURS_LAYOUT, indicateurs.indicateurs);
  add(ETABLISSEMENTS_LAYOUT, etablissements);
  add(DNB_SESSIONS_LAYOUT, etablissements.dnbSessions);
  add(LIEUX_LAYOUT, lieux);
  add(RESEAUX_EP_LAYOUT, buildReseauxEp(etablissements));
  for (const [layout, build] of buildActionTables(inputs, territoires, qpv)) add(layout, build);
  const qpvColleges = buildQpvColleges(qpv, etablissements);
  add(QPV_COLLEGES_LAYOUT, qpvColleges);
  const risque = await buildRisqueDecrochage({ qpv, indicateurs: indicateurs.indicateurs, qpvColleges, etablissements });
  add(RISQUE_DECROCHAGE_LAYOUT, risque.scores);
  add(RISQUE_COMPOSANTES_LAYOUT, risque.composantes);
  add(ACCES_SERVICES_LAYOUT, buildAccesServices(qpv, lieux, etablissements));
  return tables;
}

/** Located establishments, and places at their address: the points a QPV join is stated for. */
function* joinedPoints(etablissements: readonly Record<string, unknown>[], lieux: readonly Record<string, unknown>[]): Generator<JoinedPoint> {
  for (const row of [...etablissements, ...lieux.filter((l) => l.precision === 'adresse')]) {
    if (typeof row.lon === 'number' && typeof row.lat === 'number') yield { lon: row.lon, lat: row.lat };
  }
}
