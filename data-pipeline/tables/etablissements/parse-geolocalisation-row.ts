import { etablissementName } from '../../../src/domain/etablissement-nature.ts';
import { z } from 'zod';
import type { Source } from '../../registry.ts';
import { type RowOutcome, type RowReader, zodProblem } from './collect-file-rows.ts';
import { type EtablissementDraft, secteurOf, typeOfNature } from './etablissement-fields.ts';
import { field } from './header-fields.ts';
import { optionalDecimal, optionalEpsg, requiredText } from './field-schemas.ts';
import { placeRow } from './place-row.ts';

/**
 * Columns of "Adresse et géolocalisation des établissements d'enseignement du premier et
 * second degrés" (`fr-en-adresse-et-geolocalisation-…`): per-row `EPSG` for `coordonnee_x/y`
 * (Lambert-93 in métropole, UTM frames outre-mer). It has no éducation prioritaire, no pupils.
 */
export const GEOLOCALISATION_FIELDS = {
  uai: field(true, 'numero_uai'),
  nom: field(true, 'appellation_officielle'),
  statut: field(true, 'secteur_public_prive_libe'),
  nature: field(true, 'nature_uai_libe'),
  commune_code: field(true, 'code_commune'),
  commune_nom: field(true, 'libelle_commune'),
  latitude: field(true, 'latitude'),
  longitude: field(true, 'longitude'),
  x: field(false, 'coordonnee_x'),
  y: field(false, 'coordonnee_y'),
  epsg: field(false, 'EPSG'),
  etat: field(false, 'etat_etablissement_libe'),
};
export type GeolocalisationField = keyof typeof GEOLOCALISATION_FIELDS;

const GeolocalisationSchema = z.object({
  nom: requiredText,
  statut: z.string().trim(),
  nature: requiredText,
  commune_code: z.string(),
  commune_nom: requiredText,
  latitude: optionalDecimal,
  longitude: optionalDecimal,
  x: optionalDecimal,
  y: optionalDecimal,
  epsg: optionalEpsg,
});

/** Reads géolocalisation rows of `source`; establishments not yet open (A OUVRIR) are skipped. */
export function geolocalisationReader(source: Source, regionOfDepartement: ReadonlyMap<string, string>): RowReader<GeolocalisationField, EtablissementDraft> {
  return {
    fields: GEOLOCALISATION_FIELDS,
    uai: 'uai',
    parse(values): RowOutcome<EtablissementDraft, GeolocalisationField> {
      const etat = values.etat.trim().toUpperCase();
      if (etat !== '' && etat !== 'OUVERT') return { ok: false, skip: true, field: 'etat', value: values.etat, reason: 'establishment not open: left out' };
      const parsed = GeolocalisationSchema.safeParse(values);
      if (!parsed.success) return zodProblem(parsed.error, values);
      const p = parsed.data;
      const secteur = secteurOf(p.statut);
      if (secteur === null) return { ok: false, field: 'statut', value: values.statut, reason: 'expected Public or Privé' };
      const placed = placeRow(p.commune_code, { latitude: p.latitude, longitude: p.longitude, x: p.x, y: p.y, epsg: p.epsg }, regionOfDepartement);
      if (!placed.ok) return placed;
      return {
        ok: true,
        value: {
          uai: values.uai.trim().toUpperCase(),
          nom: etablissementName(p.nom),
          type: typeOfNature(p.nature),
          nature: p.nature,
          secteur,
          // This file has no éducation prioritaire column: unknown until the DNB flags or an
          // annuaire state it (a collège absent from both stays 'inconnu', never « hors EP »).
          ep: 'inconnu',
          commune_nom: p.commune_nom,
          ...placed.value,
          effectifs: null,
          date_maj: null,
          source_id: source.id,
        },
      };
    },
  };
}
