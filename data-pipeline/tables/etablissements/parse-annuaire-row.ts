import { etablissementName } from '../../../src/domain/etablissement-nature.ts';
import { z } from 'zod';
import type { Source } from '../../registry.ts';
import { type RowOutcome, type RowReader, zodProblem } from './collect-file-rows.ts';
import { type EtablissementDraft, epOf, secteurOf, typeOfLibelle } from './etablissement-fields.ts';
import { field } from './header-fields.ts';
import { flag, optionalCount, optionalDecimal, optionalEpsg, optionalIsoDate, optionalText, requiredText } from './field-schemas.ts';
import { placeRow } from './place-row.ts';

/**
 * Columns of the Annuaire de l'éducation (`fr-en-annuaire-education`) the table uses, in the
 * 2024 header (`coordX_origine`, `epsg_origine`, `multi_uai`) and the 2023 one (`coordonnee_X`,
 * `epsg`, `etablissement_multi_lignes`).
 */
export const ANNUAIRE_FIELDS = {
  uai: field(true, 'Identifiant_de_l_etablissement'),
  nom: field(true, 'Nom_etablissement'),
  type: field(true, 'Type_etablissement'),
  statut: field(true, 'Statut_public_prive'),
  commune_code: field(true, 'Code_commune'),
  commune_nom: field(true, 'Nom_commune'),
  ep: field(true, 'Appartenance_Education_Prioritaire'),
  eleves: field(false, 'Nombre_d_eleves'),
  latitude: field(true, 'latitude'),
  longitude: field(true, 'longitude'),
  x: field(false, 'coordX_origine', 'coordonnee_X'),
  y: field(false, 'coordY_origine', 'coordonnee_Y'),
  epsg: field(false, 'epsg_origine', 'epsg'),
  nature: field(false, 'libelle_nature'),
  date_maj: field(false, 'date_maj_ligne'),
  etat: field(true, 'etat'),
  multi_lignes: field(false, 'multi_uai', 'etablissement_multi_lignes'),
};
export type AnnuaireField = keyof typeof ANNUAIRE_FIELDS;

const AnnuaireSchema = z.object({
  nom: requiredText,
  type: z.string().trim(),
  statut: z.string().trim(),
  commune_code: z.string(),
  commune_nom: requiredText,
  ep: z.string(),
  eleves: optionalCount,
  latitude: optionalDecimal,
  longitude: optionalDecimal,
  x: optionalDecimal,
  y: optionalDecimal,
  epsg: optionalEpsg,
  nature: optionalText,
  date_maj: optionalIsoDate,
});

// Rectorats, DSDEN and circonscriptions leave Statut_public_prive empty: they are State services.
const STATE_SERVICE = 'Service Administratif';

/** Reads annuaire rows of `source`: open establishments only (others are skipped, as warnings). */
export function annuaireReader(source: Source, regionOfDepartement: ReadonlyMap<string, string>): RowReader<AnnuaireField, EtablissementDraft> {
  return {
    fields: ANNUAIRE_FIELDS,
    uai: 'uai',
    isMultiLine: (values) => flag.safeParse(values.multi_lignes).data === true,
    parse(values): RowOutcome<EtablissementDraft, AnnuaireField> {
      const etat = values.etat.trim().toUpperCase();
      if (etat !== 'OUVERT') return { ok: false, skip: true, field: 'etat', value: values.etat, reason: 'establishment not open: left out' };
      const parsed = AnnuaireSchema.safeParse(values);
      if (!parsed.success) return zodProblem(parsed.error, values);
      const p = parsed.data;
      const secteur = secteurOf(p.statut) ?? (p.statut === '' && p.type === STATE_SERVICE ? 'public' : null);
      if (secteur === null) return { ok: false, field: 'statut', value: values.statut, reason: 'expected Public or Privé' };
      const placed = placeRow(p.commune_code, { latitude: p.latitude, longitude: p.longitude, x: p.x, y: p.y, epsg: p.epsg }, regionOfDepartement);
      if (!placed.ok) return placed;
      return {
        ok: true,
        value: {
          uai: values.uai.trim().toUpperCase(),
          nom: etablissementName(p.nom),
          type: typeOfLibelle(p.type),
          nature: p.nature,
          secteur,
          ep: epOf(p.ep),
          commune_nom: p.commune_nom,
          ...placed.value,
          effectifs: p.eleves,
          date_maj: p.date_maj,
          source_id: source.id,
        },
      };
    },
  };
}
