import type { EpStatut } from '../../../src/domain/education-prioritaire.ts';
import { foldText } from '../../../src/domain/fold-text.ts';
/**
 * One establishment as the `etablissements` table publishes it (`ETABLISSEMENTS_LAYOUT`), and
 * the vocabulary of its coded columns. Plain types: validation happens where rows enter.
 */

export const ETABLISSEMENT_TYPES = ['ecole', 'college', 'lycee', 'cio', 'medico_social', 'autre'] as const;
export type EtablissementType = (typeof ETABLISSEMENT_TYPES)[number];

export type Secteur = 'public' | 'prive';

/** Éducation prioritaire in four states (`src/domain/education-prioritaire.ts`): never null. */
export type Ep = EpStatut;

export interface EtablissementFields {
  uai: string;
  nom: string;
  type: EtablissementType;
  nature: string | null;
  secteur: Secteur;
  ep: Ep;
  commune_code: string;
  commune_nom: string;
  departement_code: string;
  region_code: string;
  lon: number | null;
  lat: number | null;
  effectifs: number | null;
  ips: number | null;
  ips_annee: number | null;
  dnb_taux_reussite: number | null;
  dnb_session: number | null;
  qpv_code: string | null;
  qpv_300m: string | null;
  date_maj: string | null;
  source_id: string;
}

export type EtablissementRow = Record<string, string | number | null> & EtablissementFields;

/** What an establishment file gives before the joins: no IPS, DNB or QPV yet. */
export type EtablissementDraft = Omit<EtablissementFields, 'ips' | 'ips_annee' | 'dnb_taux_reussite' | 'dnb_session' | 'qpv_code' | 'qpv_300m'>;

const TYPE_OF_LIBELLE: Readonly<Record<string, EtablissementType>> = {
  ecole: 'ecole',
  college: 'college',
  lycee: 'lycee',
  'information et orientation': 'cio',
  'medico social': 'medico_social',
};


/**
 * `Type_etablissement` of the annuaire → type. Anything else (Service Administratif, EREA,
 * Autre, empty for the STS/CPGE-only schools) is 'autre'.
 */
export function typeOfLibelle(libelle: string): EtablissementType {
  return TYPE_OF_LIBELLE[foldText(libelle)] ?? 'autre';
}

/** Nature label of the géolocalisation file (`COLLEGE`, `COLLEGE SPECIALISE`, `LYCEE …`) → type. */
export function typeOfNature(nature: string): EtablissementType {
  const folded = foldText(nature);
  if (folded.startsWith('college')) return 'college';
  if (folded.startsWith('lycee')) return 'lycee';
  if (folded.startsWith('ecole')) return 'ecole';
  return 'autre';
}

/** `Statut_public_prive` / `secteur_public_prive_libe` → secteur, or null when unreadable. */
export function secteurOf(statut: string): Secteur | null {
  const folded = foldText(statut);
  if (folded === 'public') return 'public';
  if (folded === 'prive') return 'prive';
  return null;
}

/**
 * `Appartenance_Education_Prioritaire` of the Annuaire de l'éducation → status. The annuaire
 * documents the column as the establishment's membership of an éducation prioritaire network,
 * « REP » or « REP+ », and leaves it empty for every other open establishment (écoles and
 * collèges outside the networks, lycées, private and médico-social ones alike: 5,866 of the
 * 6,240 Occitanie rows, 940 of the 996 Ille-et-Vilaine ones): empty is the annuaire's answer
 * « not in a network », hence 'hors_ep'. A value it does not document is not read as one of
 * them: 'inconnu'.
 */
export function epOf(value: string): Ep {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact === 'REP+' ? 'REP+' : compact === 'REP' ? 'REP' : compact === '' ? 'hors_ep' : 'inconnu';
}
