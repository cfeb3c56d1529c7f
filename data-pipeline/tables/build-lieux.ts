import { PipelineError } from '../pipeline-error.ts';
import type { SourceInputs } from '../read/read-source.ts';
import type { TableBuild } from '../table-build.ts';
import type { EtablissementsBuild } from './build-etablissements.ts';
import type { QpvBuild } from './build-qpv.ts';
import type { TerritoiresBuild } from './build-territoires.ts';
import { QpvProximity } from './etablissements/qpv-proximity.ts';
import { readContratsDeVille } from './lieux/contrats-de-ville.ts';
import { communePoints, type LieuRow, type LieuxPart } from './lieux/lieu-fields.ts';
import { lieuxFromAnnuaire } from './lieux/lieux-from-annuaire.ts';
import { lieuxFromCio } from './lieux/lieux-from-cio.ts';
import { ADULTES_RELAIS, FONJEP, lieuxFromPostes } from './lieux/lieux-from-postes.ts';

export type LieuxBuild = TableBuild<LieuRow>;

/**
 * Partner places and services for children and young people, keyed by a stable id:
 * - CIO: the etablissements of type 'cio' (from the annuaires), at their address;
 * - structures holding adultes-relais posts (`postes-adultes-relais`) and FONJEP posts
 *   (`postes-fonjep`), one per structure and contrat de ville, at the point of the contract
 *   (`contrats-de-ville-points`): no address, no commune in these files;
 * - places staff list in `lieux-annuaire` files (missions locales, PIJ/BIJ, E2C…), zero or more.
 * Categories, tranches and sphères: `src/domain/lieu-categories.ts`.
 */
export function buildLieux(
  inputs: SourceInputs,
  territoires: Pick<TerritoiresBuild, 'rows' | 'regionOfDepartement'>,
  qpv: Pick<QpvBuild, 'rows' | 'geometries'>,
  etablissements: Pick<EtablissementsBuild, 'rows' | 'locations'>,
): LieuxBuild {
  const communes = communePoints(territoires.rows);
  const regionOfDepartement = territoires.regionOfDepartement;
  const adultesRelais = inputs.json('postes-adultes-relais');
  const fonjep = inputs.json('postes-fonjep');
  const contratInputs = inputs.geojson('contrats-de-ville-points');
  if (adultesRelais.length + fonjep.length > 0 && contratInputs.length === 0) {
    const first = (adultesRelais[0] ?? fonjep[0])!;
    throw new PipelineError({ file: 'registry.json', field: 'layout', value: 'contrats-de-ville-points' }, `no source with this layout: the posts of ${first.source.id} are placed by contrat de ville`);
  }
  const contrats = readContratsDeVille(contratInputs);
  const context = { contrats: contrats.byCode, communes, regionOfDepartement };

  const parts: LieuxPart[] = [
    lieuxFromCio(etablissements, communes),
    lieuxFromPostes(adultesRelais, ADULTES_RELAIS, context),
    lieuxFromPostes(fonjep, FONJEP, context),
    lieuxFromAnnuaire(inputs.csv('lieux-annuaire'), { regionOfDepartement, communes, proximity: new QpvProximity(qpv) }),
  ];
  return {
    rows: parts.flatMap((p) => p.rows),
    locations: parts.flatMap((p) => p.locations),
    rowsIn: contrats.rowsIn + parts.reduce((n, p) => n + p.rowsIn, 0),
    rejected: [...contrats.rejected, ...parts.flatMap((p) => p.rejected)],
    warnings: parts.flatMap((p) => p.warnings),
  };
}
