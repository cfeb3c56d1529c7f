import type { Location } from '../../pipeline-error.ts';
import type { EtablissementRow } from '../etablissements/etablissement-fields.ts';
import { categoryColumns, type CommunePoints, emptyPart, type LieuxPart } from './lieu-fields.ts';

/**
 * The CIO (centres d'information et d'orientation) as places: the establishments of type
 * 'cio' the etablissements build kept (open rows of the annuaires, `Type_etablissement` =
 * « Information et orientation »), not a second reading of the annuaires. Same point and QPV
 * as their establishment row (precision 'adresse'); a CIO without coordinates gets its
 * commune's point (precision 'commune', no QPV).
 */
export function lieuxFromCio(etablissements: { rows: readonly EtablissementRow[]; locations: readonly Location[] }, communes: CommunePoints): LieuxPart {
  const part = emptyPart();
  etablissements.rows.forEach((e, i) => {
    if (e.type !== 'cio') return;
    part.rowsIn += 1;
    const commune = e.lon === null ? communes.get(e.commune_code) : undefined;
    part.rows.push({
      id: `cio:${e.uai}`,
      nom: e.nom,
      ...categoryColumns('cio'),
      adresse: null,
      commune_code: e.commune_code,
      commune_nom: e.commune_nom,
      departement_code: e.departement_code,
      region_code: e.region_code,
      lon: e.lon ?? commune?.lon ?? null,
      lat: e.lat ?? commune?.lat ?? null,
      precision: e.lon !== null ? 'adresse' : commune !== undefined ? 'commune' : null,
      code_cv: null,
      qpv_code: e.lon !== null ? e.qpv_code : null,
      qpv_300m: e.lon !== null ? e.qpv_300m : null,
      postes: null,
      annee: null,
      source_id: e.source_id,
    });
    part.locations.push(etablissements.locations[i]!);
  });
  return part;
}
